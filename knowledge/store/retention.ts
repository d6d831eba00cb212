import { logChange } from './changes.ts';
import type { KnowledgeDb } from './db.ts';
import { clearBlocks, eventTables } from './event-blocks.ts';
import { withStoreErrors } from './errors.ts';

/**
 * How long acceptance events are kept, and the agent's "Delete all my data". Kept apart from
 * events.ts (which brings the redactor) and from the purge (purge.ts, which brings the report
 * columns' code): the panel imports this module straight from its bundle.
 */

/** The settings row naming the last UTC day events were purged (not a setting a person edits). */
export const PURGED_ON_KEY = 'eventsPurgedOn';

const DAY_MS = 86_400_000;

/** The first instant an event must be at or after to be kept on `now`. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Settings that are the agent's own (kept: the helpdesks enabled, which mirror the browser's permissions, and the team's settings). */
const PERSONAL_SETTINGS = ['agentName', 'agentSignature', 'companyName', 'ticketSalt', 'installId', PURGED_ON_KEY] as const;

export interface DeletedData {
  events: number;
  learned: number;
  /** Entries deleted: 0 unless the knowledge was chosen too. */
  entries: number;
}

/**
 * "Delete all my data": every acceptance event, every learned phrasing (ticket wordings), the
 * profile, and the install id and ticket salt (the next event starts a new, unlinkable
 * installation). The knowledge stays unless `knowledge` is set; then entries and their history go
 * too, logged in the change log so the worker's index drops them. One transaction: all or nothing.
 */
export async function deleteMyData(db: KnowledgeDb, options: { knowledge?: boolean } = {}): Promise<DeletedData> {
  const tables = [...eventTables(db), db.learned, db.settings, ...(options.knowledge ? [db.entries, db.entryVersions, db.changes] : [])];
  return withStoreErrors('your data', () =>
    db.transaction('rw', tables, async () => {
      const [loose, learned] = await Promise.all([db.events.count(), db.learned.count()]);
      const events = loose + (await clearBlocks(db));
      await Promise.all([db.events.clear(), db.learned.clear(), db.settings.bulkDelete([...PERSONAL_SETTINGS])]);
      let entries = 0;
      if (options.knowledge) {
        const ids = (await db.entries.toCollection().primaryKeys()) as string[];
        entries = ids.length;
        await Promise.all([db.entries.clear(), db.entryVersions.clear()]);
        await logChange(db, ids);
      }
      return { events, learned, entries };
    }),
  );
}
