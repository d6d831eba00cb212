import type { Entry } from '../entry.ts';
import type { EntryChange, EntryVersionRow, KnowledgeDb } from './db.ts';

/** Every saved state of one entry, oldest first; deleted entries keep theirs. */
export async function entryHistory(db: KnowledgeDb, id: string): Promise<EntryVersionRow[]> {
  return db.entryVersions.where('[id+version]').between([id, 0], [id, Infinity]).toArray();
}

/** The version the next change of this id gets: after the stored entry and after any history (an entry deleted and re-created keeps counting). */
export async function nextVersion(db: KnowledgeDb, id: string): Promise<number> {
  const current = await db.entries.get(id);
  const last = await db.entryVersions.where('[id+version]').between([id, 0], [id, Infinity]).last();
  return Math.max(current?.version ?? 0, last?.version ?? 0) + 1;
}

export async function writeVersion(db: KnowledgeDb, entry: Entry, who: string, at: string, change: EntryChange): Promise<void> {
  await db.entryVersions.add({ id: entry.id, version: entry.version, entry, who, at, change });
}
