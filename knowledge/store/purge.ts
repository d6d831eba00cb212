import type { KnowledgeDb } from './db.ts';
import { purgeBlocksBefore } from './event-block-columns.ts';
import { eventTables } from './event-blocks.ts';
import { withStoreErrors } from './errors.ts';
import { PURGED_ON_KEY, retentionCutoff } from './retention.ts';
import { getSettings } from './settings.ts';

/** The daily purge by age (settings.retentionDays): the worker's, loose events and inside blocks. */

const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Deletes events older than the retention period (settings.retentionDays), loose and inside blocks; returns how many. */
export async function purgeExpiredEvents(db: KnowledgeDb, now: Date = new Date()): Promise<number> {
  const { retentionDays } = await getSettings(db);
  return withStoreErrors('the expired events', () =>
    db.transaction('rw', [...eventTables(db), db.settings], async () => {
      const cutoff = retentionCutoff(now, retentionDays);
      const deleted = (await db.events.where('at').below(cutoff).delete()) + (await purgeBlocksBefore(db, cutoff));
      await db.settings.put({ key: PURGED_ON_KEY, value: dayOf(now) });
      return deleted;
    }),
  );
}

/**
 * Purges once per UTC day: the worker calls it when it starts and after it records an event, so
 * no alarm (and no `alarms` permission) is needed: an agent who records nothing has nothing new to purge.
 * Returns how many events were deleted, or undefined when today's purge had already run.
 */
export async function purgeIfDue(db: KnowledgeDb, now: Date = new Date()): Promise<number | undefined> {
  const last = (await db.settings.get(PURGED_ON_KEY))?.value;
  if (last === dayOf(now)) return undefined;
  return purgeExpiredEvents(db, now);
}
