import type { Entry, EntryStatus } from '../entry.ts';
import { applyBulk, type BulkAction } from './bulk.ts';
import type { KnowledgeDb } from './db.ts';
import { sameContent, saveEntry, type SaveOptions } from './entries.ts';
import { StoreError, checkWho, withStoreErrors } from './errors.ts';
import { entryHistory } from './versions.ts';

/**
 * The review workflow of one entry (draft → in review → approved → archived) and the editor's
 * saves. With the team setting "approval needs a second person", approving refuses the
 * approver's own last change (applyBulk's rule), and a change saved to an approved entry sends
 * it back to review: otherwise editing an approved entry would change what agents see unreviewed.
 */
export interface ReviewOptions extends SaveOptions {
  secondPerson?: boolean;
}

export type Moved = { ok: true; entry: Entry } | { ok: false; reason: string };

const ACTIONS: Record<Exclude<EntryStatus, 'draft'>, BulkAction> = {
  in_review: { kind: 'send_to_review' },
  approved: { kind: 'approve' },
  archived: { kind: 'archive' },
};

/** Moves an entry to a status as a new version; a refusal (second person, gone) is an answer, not an error. */
export async function moveEntry(db: KnowledgeDb, id: string, to: EntryStatus, who: string, options: ReviewOptions = {}): Promise<Moved> {
  if (to === 'draft') {
    return withStoreErrors(`the entry ${JSON.stringify(id)}`, () =>
      db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
        const current = await db.entries.get(id);
        if (!current) return { ok: false as const, reason: `The entry ${id} is no longer in the knowledge base.` };
        if (current.status === 'draft') return { ok: true as const, entry: current };
        return { ok: true as const, entry: await saveEntry(db, { ...current, status: 'draft' }, who, options) };
      }),
    );
  }
  if (to === 'approved' && options.secondPerson) {
    const last = await db.entryVersions.where('[id+version]').between([id, 0], [id, Infinity]).last();
    if (last && personOf(last.who) === personOf(checkWho(who))) return { ok: false, reason: refusal(last.who) };
  }
  const result = await applyBulk(db, [id], ACTIONS[to], who, options);
  if (result.refused[0]) return { ok: false, reason: refusal(who) };
  if (result.missing.length) return { ok: false, reason: `The entry ${id} is no longer in the knowledge base.` };
  return { ok: true, entry: (await db.entries.get(id))! };
}

/**
 * The person behind a "who": the name without where the change was made ("Lee (dashboard)" and
 * "Lee (import in the dashboard)" are one person, who may not approve their own import).
 */
export function personOf(who: string): string {
  return who.trim().replace(/\s*\([^()]*\)$/, '').toLowerCase();
}

function refusal(who: string): string {
  return `Not approved: its last change was made by ${who.trim()}, and approval needs a second person. Ask another lead to approve it.`;
}

export interface EditedSave {
  entry: Entry;
  /** The change went to an approved entry while a second person must approve: it is in review now. */
  backToReview: boolean;
  /** Nothing to save: the content is what is stored. */
  unchanged: boolean;
}

/**
 * Saves the editor's entry as a new version. `baseVersion` is the version the editor opened
 * (undefined for a new entry): a save over a newer version (another lead's, another tab's) or over
 * an existing id is refused, changing nothing.
 */
export async function saveEdited(db: KnowledgeDb, entry: Entry, baseVersion: number | undefined, who: string, options: ReviewOptions = {}): Promise<EditedSave> {
  return withStoreErrors(`the entry ${JSON.stringify(entry.id)}`, () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
      const current = await db.entries.get(entry.id);
      if (baseVersion === undefined && current) throw new StoreError('refused', `An entry with the id ${entry.id} already exists: choose another id.`);
      if (baseVersion !== undefined && !current) throw new StoreError('not-found', `The entry ${entry.id} is no longer in the knowledge base; nothing was saved.`);
      if (current && baseVersion !== undefined && current.version !== baseVersion) {
        throw new StoreError('refused', `Not saved: ${entry.id} was changed since you opened it (now version ${current.version}). Copy your changes, reload the entry and apply them again.`);
      }
      const status = current?.status ?? entry.status;
      if (current && sameContent({ ...entry, status }, current)) return { entry: current, backToReview: false, unchanged: true };
      const backToReview = !!options.secondPerson && status === 'approved';
      const saved = await saveEntry(db, { ...entry, status: backToReview ? 'in_review' : status }, who, options);
      return { entry: saved, backToReview, unchanged: false };
    }),
  );
}

/** Brings back a version's content (not its status: the review buttons move that) as a new version. */
export async function restoreVersion(db: KnowledgeDb, id: string, version: number, who: string, options: ReviewOptions = {}): Promise<EditedSave> {
  const history = await entryHistory(db, id);
  const row = history.find((r) => r.version === version);
  if (!row) throw new StoreError('not-found', `Version ${version} of ${id} is not in its history.`);
  const current = await db.entries.get(id);
  if (!current) throw new StoreError('not-found', `The entry ${id} is no longer in the knowledge base; nothing was restored.`);
  return saveEdited(db, { ...row.entry, status: current.status }, current.version, who, options);
}
