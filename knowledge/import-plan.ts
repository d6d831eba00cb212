import { describeWhyNotSuggested, sameContent, today, whyNotSuggested, type Entry, type EntrySource, type NotSuggestedReason } from './entry.ts';
import { FORMATS } from './formats/index.ts';
import type { FormatId } from './formats/record.ts';
import { DEFAULT_CONFLICTS, importLimitProblems, policyFor, resolveIncoming, type ConflictChoice, type ConflictPolicy } from './import-conflicts.ts';
import { hasErrors, type ImportProblem } from './problems.ts';
import { importWarnings, type ImportDuplicate } from './quality.ts';
import type { FileSummary } from './formats/import-files.ts';
import { translationClashes, type TranslationClash } from './translations.ts';

/**
 * The dry run an import wizard lists before anything is stored: per file its format, encoding and
 * problems (row and field); per entry what will happen to it (added, replaced, a new version, kept
 * as stored, unchanged), whether agents will be shown it and why not, and what it resembles.
 * Pure: the caller passes what is stored (knowledge/store/import-check.ts does it from the store).
 */
export type PlanAction = 'add' | ConflictPolicy | 'unchanged';

export interface PlanItem {
  id: string;
  title: string;
  action: PlanAction;
  /** An entry with this id is stored: the conflict choice decides (`action` says what it decided). */
  exists: boolean;
  /** Where the entry was read: file and row or place, for the list. */
  source: EntrySource;
  /** Why agents will not be shown the entry once landed (the stored one's, for `keep`); empty when they will. */
  notSuggested: NotSuggestedReason[];
  /** The same in words: "draft", "overdue since 2026-10-02". */
  whyNot: string[];
  /** Stored entries, or entries of this import, it nearly repeats. */
  duplicates: Omit<ImportDuplicate, 'id'>[];
}

export interface PlanFile extends FileSummary {
  /** What a person calls the format ("CSV spreadsheet"), when it was recognised. */
  label?: string;
  problems: ImportProblem[];
}

export interface ImportPlan {
  files: PlanFile[];
  items: PlanItem[];
  /** Every problem, the files' and the import's limits (too many entries, an unknown choice), in file order. */
  problems: ImportProblem[];
  counts: Record<PlanAction, number> & { notSuggested: number; duplicates: number; errors: number; warnings: number };
  /** Ids of this import already stored (what the keep / replace / version choice is about). */
  existing: string[];
  /** Two entries claiming one locale of one translation group (see knowledge/translations.ts). */
  translationClashes: TranslationClash[];
  conflicts: ConflictChoice;
  /** False while any problem is an error: then nothing can be imported. */
  canApply: boolean;
}

export interface PlanInput {
  entries: readonly Entry[];
  problems: readonly ImportProblem[];
  files: readonly FileSummary[];
}

export function planImport(result: PlanInput, stored: readonly Entry[], conflicts: ConflictChoice = DEFAULT_CONFLICTS, options: { now?: Date; maxEntries?: number } = {}): ImportPlan {
  const now = options.now ?? new Date();
  const day = today(now);
  const byId = new Map(stored.map((e) => [e.id, e]));
  // importFiles already reports a count over the limit; the choice's problems are new here.
  const limits = importLimitProblems(result.entries, conflicts, options.maxEntries).filter((l) => !result.problems.some((p) => p.message === l.message));
  const problems = [...result.problems, ...limits];

  const landing: Entry[] = [];
  const items: PlanItem[] = result.entries.map((given) => {
    const current = byId.get(given.id);
    const policy = policyFor(conflicts, given.id);
    const resolved = resolveIncoming(given, current, policy);
    let action: PlanAction = !current ? 'add' : policy;
    if (current && resolved && sameContent(current, resolved)) action = 'unchanged';
    if (resolved && action !== 'unchanged') landing.push(resolved);
    const shown = resolved ?? current!;
    return {
      id: given.id,
      title: shown.title,
      action,
      exists: current !== undefined,
      source: given.source,
      notSuggested: whyNotSuggested(shown, day),
      whyNot: describeWhyNotSuggested(shown, day),
      duplicates: [],
    };
  });

  // Near-duplicates of what will land, against what stays stored.
  const warnings = importWarnings(landing, stored, { now });
  const itemById = new Map(items.map((i) => [i.id, i]));
  for (const { id, ...d } of warnings.nearDuplicates) itemById.get(id)?.duplicates.push(d);

  const landingIds = new Set(landing.map((e) => e.id));
  const after = [...landing, ...stored.filter((e) => !landingIds.has(e.id))];
  const clashes = translationClashes(after).filter((c) => c.ids.some((id) => landingIds.has(id)));

  const counts = { add: 0, keep: 0, replace: 0, version: 0, unchanged: 0, notSuggested: 0, duplicates: 0, errors: 0, warnings: 0 };
  for (const i of items) {
    counts[i.action]++;
    if (i.notSuggested.length) counts.notSuggested++;
    if (i.duplicates.length) counts.duplicates++;
  }
  counts.errors = problems.filter((p) => p.severity === 'error').length;
  counts.warnings = problems.length - counts.errors;

  return {
    files: result.files.map((f) => ({
      ...f,
      ...(f.format ? { label: FORMATS[f.format as FormatId].label } : {}),
      problems: problems.filter((p) => p.file === f.name),
    })),
    items,
    problems,
    counts,
    existing: items.filter((i) => i.exists).map((i) => i.id),
    translationClashes: clashes,
    conflicts,
    canApply: !hasErrors(problems) && result.entries.length > 0,
  };
}
