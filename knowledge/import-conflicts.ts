import { MAX_IMPORT_ENTRIES, type Entry } from './entry.ts';
import { quote, type ImportProblem } from './problems.ts';

/**
 * What an import does with an id the knowledge base already holds. Every choice keeps the history:
 * - keep: the stored entry stays as it is; the file's entry is not imported.
 * - replace: the file's entry takes its place as the next version, every field as the file has it
 *   (status, owner and review date included): the file is the truth.
 * - version: the file's text (title, body, questions, tags, locale, custom fields, translation group)
 *   becomes the next version, and the status, owner and review date set here are kept: re-importing
 *   a helpdesk's export does not undo the review work done in Agent Assist.
 */
export const CONFLICT_POLICIES = ['keep', 'replace', 'version'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

/** One policy for every existing id, and exceptions per id. */
export interface ConflictChoice {
  all: ConflictPolicy;
  byId?: Readonly<Record<string, ConflictPolicy>>;
}

/** What an import did before there was a choice: the file's entry replaces the stored one. */
export const DEFAULT_CONFLICTS: ConflictChoice = { all: 'replace' };

export function policyFor(choice: ConflictChoice, id: string): ConflictPolicy {
  return (choice.byId && Object.hasOwn(choice.byId, id) ? choice.byId[id] : undefined) ?? choice.all;
}

/**
 * The entry that would land for `incoming` when `current` is stored under the same id, before the
 * store numbers its version; undefined when the stored entry is kept.
 */
export function resolveIncoming(incoming: Entry, current: Entry | undefined, policy: ConflictPolicy): Entry | undefined {
  if (!current) return incoming;
  if (policy === 'keep') return undefined;
  if (policy === 'replace') return incoming;
  const { reviewBy: _drop, ...text } = incoming;
  return { ...text, status: current.status, owner: current.owner, ...(current.reviewBy ? { reviewBy: current.reviewBy } : {}) };
}

/**
 * The limits an import must meet, checked alike by the dry run (planImport) and by the store's apply
 * step, so the apply step never lands what the check refused: at most MAX_IMPORT_ENTRIES entries,
 * each id once, and a choice that names only known policies and ids this import holds.
 */
export function importLimitProblems(entries: readonly Pick<Entry, 'id' | 'source'>[], choice: ConflictChoice = DEFAULT_CONFLICTS, max = MAX_IMPORT_ENTRIES): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const error = (file: string, message: string, field?: string) => problems.push({ file, ...(field ? { field } : {}), message, severity: 'error' });
  const n = (k: number) => k.toLocaleString('en');
  if (entries.length > max) {
    error(entries[max]?.source.file ?? 'this import', `this import holds ${n(entries.length)} entries; one import takes at most ${n(max)}: split the files and import them one after another`);
  }
  const seen = new Map<string, Pick<Entry, 'source'>>();
  for (const e of entries) {
    const first = seen.get(e.id);
    if (first) error(e.source.file, `${quote(e.id)} is used more than once: also by ${where(first)}; every entry needs its own id`, 'id');
    else seen.set(e.id, e);
  }
  const known = (p: unknown) => (CONFLICT_POLICIES as readonly unknown[]).includes(p);
  if (!known(choice.all)) error('this import', `${quote(choice.all)} is not a choice for existing entries; use one of ${CONFLICT_POLICIES.join(', ')}`, 'all');
  for (const [id, p] of Object.entries(choice.byId ?? {})) {
    if (!known(p)) error('this import', `${quote(p)} is not a choice for existing entries; use one of ${CONFLICT_POLICIES.join(', ')}`, id);
    else if (!seen.has(id)) error('this import', `a choice was made for ${quote(id)}, which this import does not hold`, id);
  }
  return problems;
}

function where(e: Pick<Entry, 'source'>): string {
  const s = e.source;
  return `${s.file}${s.row !== undefined ? ` row ${s.row}` : ''}${s.path ? ` ${s.path}` : ''}`;
}
