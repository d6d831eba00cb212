import { healthFrom, knowledgeHealth, type KnowledgeHealth } from '../health.ts';
import { buildList, listEventsFrom, type ListRow } from '../list.ts';
import type { KnowledgeDb } from './db.ts';
import { eventTables } from './event-blocks.ts';
import { listEvents } from './events.ts';

/** Reads what the health panel needs (entries, every version, shown events of the period) and measures it. */
export async function loadHealth(db: KnowledgeDb, options: { now?: Date } = {}): Promise<KnowledgeHealth> {
  const now = options.now ?? new Date();
  // Every version: a week's state needs each entry's last version before the period too.
  // (An index on [id+at] would let this read less; the schema is left to the import work.)
  const [entries, versions, events] = await db.transaction('r', [db.entries, db.entryVersions, ...eventTables(db)], () =>
    Promise.all([db.entries.toArray(), db.entryVersions.toArray(), listEvents(db, { from: healthFrom(now), types: ['shown'] })]),
  );
  // The current version's row keeps no copy of the entry (knowledge/store/versions.ts): it is the stored entry.
  const byId = new Map(entries.map((e) => [e.id, e]));
  const complete = versions.flatMap((v) => {
    const entry = v.entry ?? byId.get(v.id);
    return entry ? [{ ...v, entry }] : [];
  });
  return knowledgeHealth({ entries, versions: complete, events, now });
}

/** Rows for the knowledge list: every entry with its use and flags (see knowledge/list.ts). */
export async function loadKnowledgeList(db: KnowledgeDb, options: { now?: Date; duplicateIds?: ReadonlySet<string> } = {}): Promise<ListRow[]> {
  const now = options.now ?? new Date();
  const [entries, recent, flags] = await db.transaction('r', [db.entries, ...eventTables(db)], () =>
    Promise.all([
      db.entries.toArray(),
      listEvents(db, { from: listEventsFrom(now), types: ['shown', 'inserted', 'copied', 'rejected'] }),
      // A flag stands until the entry changes, however old it is.
      listEvents(db, { types: ['flagged_outdated'] }),
    ]),
  );
  const events = [...recent, ...flags];
  return buildList(entries, events, { now, duplicateIds: options.duplicateIds });
}
