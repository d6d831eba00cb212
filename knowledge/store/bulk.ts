import { isRealDate, type Entry } from '../entry.ts';
import type { KnowledgeDb } from './db.ts';
import { validEntry, type SaveOptions } from './entries.ts';
import { StoreError, checkWho, withStoreErrors } from './errors.ts';
import { logChange } from './changes.ts';
import { nextVersion, writeVersion } from './versions.ts';

/** What a lead can do to a selection of entries at once (the dashboard's bulk actions). */
export type BulkAction =
  | { kind: 'approve' }
  | { kind: 'send_to_review' }
  | { kind: 'archive' }
  /** Hard delete: only for archived entries ("delete archives; emptying the archive is the only hard delete"). */
  | { kind: 'delete' }
  /** owner '' removes the owner. */
  | { kind: 'assign_owner'; owner: string }
  /** reviewBy null removes the review date. */
  | { kind: 'set_review_date'; reviewBy: string | null }
  | { kind: 'add_tag'; tag: string }
  | { kind: 'remove_tag'; tag: string };

/** What undoBulk needs: each changed entry as it was before, and the version the action left it at. */
export interface BulkUndo {
  action: BulkAction;
  at: string;
  who: string;
  changes: { before: Entry; afterVersion: number; deleted: boolean }[];
}

export interface BulkResult {
  /** Ids the action changed (a version was written for each). */
  changed: string[];
  /** Ids already in the state asked for: no version written. */
  unchanged: string[];
  /** Ids not in the store (deleted since the list was drawn). */
  missing: string[];
  /** Left as they were: with secondPerson, approving the approver's own last change. */
  refused: { id: string; reason: string }[];
  undo: BulkUndo;
}

export interface BulkOptions extends SaveOptions {
  /**
   * The team setting "approval needs a second person": approve leaves out (and reports) every
   * entry whose last change was made by `who`.
   */
  secondPerson?: boolean;
}

/**
 * Applies one action to every selected entry in one transaction: a version per changed entry, or
 * nothing at all when any entry fails (an invalid result, a full disk, a refused delete).
 */
export async function applyBulk(db: KnowledgeDb, ids: string[], action: BulkAction, who: string, options: BulkOptions = {}): Promise<BulkResult> {
  const by = checkWho(who);
  checkAction(action);
  const at = (options.now ?? new Date()).toISOString();
  const unique = [...new Set(ids)];
  return withStoreErrors(`this change to ${unique.length} ${unique.length === 1 ? 'entry' : 'entries'}`, () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
      const current = await db.entries.bulkGet(unique);
      const result: BulkResult = { changed: [], unchanged: [], missing: [], refused: [], undo: { action, at, who: by, changes: [] } };
      if (action.kind === 'delete') refuseUnarchived(current.filter((e): e is Entry => e !== undefined));
      for (let i = 0; i < unique.length; i++) {
        const before = current[i];
        if (!before) {
          result.missing.push(unique[i]!);
          continue;
        }
        const after = applyTo(before, action);
        if (after === before) {
          result.unchanged.push(before.id);
          continue;
        }
        if (action.kind === 'approve' && options.secondPerson && (await lastEditor(db, before.id)) === by) {
          result.refused.push({ id: before.id, reason: `its last change was made by ${by}; approval needs a second person` });
          continue;
        }
        const version = await nextVersion(db, before.id);
        // `before` goes into its own history row as that row stops being current (see writeVersion).
        if (after === 'deleted') {
          await writeVersion(db, { ...before, version, updatedAt: at }, by, at, 'deleted', before);
          await db.entries.delete(before.id);
        } else {
          const saved = validEntry({ ...after, version, updatedAt: at });
          await db.entries.put(saved);
          await writeVersion(db, saved, by, at, 'updated', before);
        }
        result.changed.push(before.id);
        result.undo.changes.push({ before, afterVersion: version, deleted: after === 'deleted' });
      }
      // The worker's stored index catches up from this log (knowledge/store/changes.ts), also after a cold start.
      await logChange(db, result.changed);
      return result;
    }),
  );
}

/**
 * Puts every entry a bulk action changed back as it was (content, status, owner, dates), as new
 * versions, in one transaction. Refuses, changing nothing, when one of them was changed again since.
 */
export async function undoBulk(db: KnowledgeDb, undo: BulkUndo, who: string, options: SaveOptions = {}): Promise<{ restored: string[] }> {
  const by = checkWho(who);
  const at = (options.now ?? new Date()).toISOString();
  const ids = undo.changes.map((c) => c.before.id);
  return withStoreErrors(`undoing the change to ${ids.length} ${ids.length === 1 ? 'entry' : 'entries'}`, () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
      const now = await db.entries.bulkGet(ids);
      const movedOn = undo.changes.filter((c, i) => (c.deleted ? now[i] !== undefined : now[i]?.version !== c.afterVersion)).map((c) => c.before.id);
      if (movedOn.length > 0) {
        const shown = movedOn.slice(0, 5).join(', ') + (movedOn.length > 5 ? ` and ${movedOn.length - 5} more` : '');
        throw new StoreError('refused', `Nothing was undone: ${movedOn.length === 1 ? 'this entry was' : 'these entries were'} changed again since: ${shown}.`);
      }
      for (const [i, { before, deleted }] of undo.changes.entries()) {
        const saved = validEntry({ ...before, version: await nextVersion(db, before.id), updatedAt: at });
        await db.entries.put(saved);
        await writeVersion(db, saved, by, at, deleted ? 'created' : 'updated', now[i]);
      }
      await logChange(db, ids);
      return { restored: ids };
    }),
  );
}

async function lastEditor(db: KnowledgeDb, id: string): Promise<string | undefined> {
  const last = await db.entryVersions.where('[id+version]').between([id, 0], [id, Infinity]).last();
  return last?.who;
}

/** The entry after the action; the same object when the action changes nothing. */
function applyTo(e: Entry, action: BulkAction): Entry | 'deleted' {
  const set = <K extends keyof Entry>(key: K, value: Entry[K]): Entry => (e[key] === value ? e : { ...e, [key]: value });
  switch (action.kind) {
    case 'approve':
      return set('status', 'approved');
    case 'send_to_review':
      return set('status', 'in_review');
    case 'archive':
      return set('status', 'archived');
    case 'delete':
      return 'deleted';
    case 'assign_owner':
      return set('owner', action.owner.trim());
    case 'set_review_date': {
      if (action.reviewBy === null) {
        if (e.reviewBy === undefined) return e;
        const { reviewBy: _gone, ...rest } = e;
        return rest;
      }
      return set('reviewBy', action.reviewBy);
    }
    case 'add_tag':
      return e.tags.includes(action.tag.trim()) ? e : { ...e, tags: [...e.tags, action.tag.trim()] };
    case 'remove_tag':
      return e.tags.includes(action.tag.trim()) ? { ...e, tags: e.tags.filter((t) => t !== action.tag.trim()) } : e;
  }
}

function checkAction(action: BulkAction): void {
  if (action.kind === 'set_review_date' && action.reviewBy !== null && !isRealDate(action.reviewBy)) {
    throw new StoreError('invalid', `Review date ${JSON.stringify(action.reviewBy)} is not a date (expected YYYY-MM-DD).`);
  }
  if ((action.kind === 'add_tag' || action.kind === 'remove_tag') && !action.tag.trim()) {
    throw new StoreError('invalid', 'The tag is empty.');
  }
}

function refuseUnarchived(entries: Entry[]): void {
  const live = entries.filter((e) => e.status !== 'archived').map((e) => e.id);
  if (live.length === 0) return;
  const shown = live.slice(0, 5).join(', ') + (live.length > 5 ? ` and ${live.length - 5} more` : '');
  throw new StoreError('refused', `Nothing was deleted: only archived entries can be deleted; archive these first: ${shown}.`);
}
