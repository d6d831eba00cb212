import { liveQuery } from 'dexie';
import { lastChange, type KnowledgeDb } from '@/knowledge/store';

/** Stops a watch; `ready` resolves once its first reading is taken: every change after that is reported. */
export type Watch = (() => void) & { ready: Promise<void> };

function firstReading(): { ready: Promise<void>; taken: () => void } {
  let taken = () => {};
  const ready = new Promise<void>((resolve) => (taken = resolve));
  return { ready, taken };
}

/**
 * Entries edited elsewhere (the dashboard writes to the same IndexedDB) reach the worker's index:
 * Dexie tells every context of the extension about a write, and every write to the entries adds a
 * row to the change log (knowledge/store/changes.ts). The watch reads only the newest change's
 * number (reading every entry here made each cold start read the whole knowledge base twice);
 * `onChange` then lets the holder apply the logged changes.
 */
export function watchKnowledge(db: KnowledgeDb, onChange: (ids: string[]) => void): Watch {
  let known: number | undefined;
  const first = firstReading();
  const sub = liveQuery(() => lastChange(db)).subscribe({
    next: (now) => {
      const changed = known !== undefined && known !== now;
      known = now;
      first.taken();
      if (changed) onChange([]);
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
