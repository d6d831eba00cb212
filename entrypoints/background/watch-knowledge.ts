import { liveQuery } from 'dexie';
import type { KnowledgeDb } from '@/knowledge/store';

/** id -> version and update time: enough to tell which entries changed. */
export type EntryStamps = Map<string, string>;

/** Stops a watch; `ready` resolves once its first reading is taken: every change after that is reported. */
export type Watch = (() => void) & { ready: Promise<void> };

function firstReading(): { ready: Promise<void>; taken: () => void } {
  let taken = () => {};
  const ready = new Promise<void>((resolve) => (taken = resolve));
  return { ready, taken };
}

export function changedIds(before: EntryStamps, after: EntryStamps): string[] {
  const ids = new Set<string>();
  for (const [id, stamp] of after) if (before.get(id) !== stamp) ids.add(id);
  for (const id of before.keys()) if (!after.has(id)) ids.add(id);
  return [...ids].sort();
}

/**
 * Entries edited elsewhere (the dashboard writes to the same IndexedDB) reach the worker's index:
 * Dexie tells every context of the extension about a write, and the changed ids are re-indexed.
 */
export function watchKnowledge(db: KnowledgeDb, onChange: (ids: string[]) => void): Watch {
  let known: EntryStamps | undefined;
  const first = firstReading();
  const sub = liveQuery(async () => new Map((await db.entries.toArray()).map((e) => [e.id, `${e.version}:${e.updatedAt}`] as const))).subscribe({
    next: (now) => {
      const ids = known ? changedIds(known, now) : [];
      known = now;
      first.taken();
      if (ids.length) onChange(ids);
    },
    error: (err: unknown) => console.error('[agent-assist] watching the knowledge failed:', err),
  });
  return Object.assign(() => sub.unsubscribe(), { ready: first.ready });
}

/**
 * Learned phrasings removed (or added) elsewhere, e.g. in the panel's or the dashboard's settings,
 * which write the same IndexedDB table: `onChange` runs after every change but the first reading.
 * The worker then brings its live index and the index cache in line (KnowledgeHolder.learnedChanged).
 */
export function watchLearned(db: KnowledgeDb, onChange: () => void): Watch {
  let known: string | undefined;
  const first = firstReading();
  const sub = liveQuery(async () => (await db.learned.toArray()).map((l) => `${l.id}:${l.entryId}:${l.at}`).join('\n')).subscribe({
    next: (now) => {
      const changed = known !== undefined && known !== now;
      known = now;
      first.taken();
      if (changed) onChange();
    },
    error: (err: unknown) => console.error('[agent-assist] watching the learned phrasings failed:', err),
  });
  return Object.assign(() => sub.unsubscribe(), { ready: first.ready });
}
