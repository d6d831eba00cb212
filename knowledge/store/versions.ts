import type { Entry } from '../entry.ts';
import type { EntryChange, EntryVersionRow, KnowledgeDb } from './db.ts';

/** Every saved state of one entry, oldest first; deleted entries keep theirs. */
export async function entryHistory(db: KnowledgeDb, id: string): Promise<(EntryVersionRow & { entry: Entry })[]> {
  const rows = await db.entryVersions.where('[id+version]').between([id, 0], [id, Infinity]).toArray();
  if (rows.every((r) => r.entry)) return rows as (EntryVersionRow & { entry: Entry })[];
  // The current version's row keeps no copy of the entry (see writeVersion): the entry is the stored one.
  const current = await db.entries.get(id);
  return rows.flatMap((r) => (r.entry ? [{ ...r, entry: r.entry }] : current ? [{ ...r, entry: current }] : []));
}

/** The version the next change of this id gets: after the stored entry and after any history (an entry deleted and re-created keeps counting). */
export async function nextVersion(db: KnowledgeDb, id: string): Promise<number> {
  const current = await db.entries.get(id);
  const last = await db.entryVersions.where('[id+version]').between([id, 0], [id, Infinity]).last();
  return Math.max(current?.version ?? 0, last?.version ?? 0) + 1;
}

/**
 * Adds the history row of a change. The row of the current version keeps no copy of the entry
 * (the entries table holds it: a copy doubled the database, 100k entries took over 300 MB); when
 * the entry changes again or is deleted, `before` (the entry as it was) is written into that
 * previous row. A 'deleted' row always keeps its copy.
 */
export async function writeVersion(db: KnowledgeDb, entry: Entry, who: string, at: string, change: EntryChange, before?: Entry): Promise<void> {
  if (before) await keepCopies(db, [before]);
  await db.entryVersions.add(versionRow(entry, who, at, change));
}

export function versionRow(entry: Entry, who: string, at: string, change: EntryChange): EntryVersionRow {
  return change === 'deleted' ? { id: entry.id, version: entry.version, entry, who, at, change } : { id: entry.id, version: entry.version, who, at, change };
}

/** Writes each entry into its own version's history row when that row keeps no copy (it is about to stop being current). */
export async function keepCopies(db: KnowledgeDb, entries: readonly Entry[]): Promise<void> {
  if (!entries.length) return;
  const rows = await db.entryVersions.bulkGet(entries.map((e) => [e.id, e.version] as [string, number]));
  const filled = rows.flatMap((r, i) => (r && !r.entry ? [{ ...r, entry: entries[i]! }] : []));
  if (filled.length) await db.entryVersions.bulkPut(filled);
}
