import { liveQuery } from 'dexie';
import type { KnowledgeDb } from '@/knowledge/store';

/** id -> version and update time: enough to tell which entries changed. */
export type EntryStamps = Map<string, string>;

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
export function watchKnowledge(db: KnowledgeDb, onChange: (ids: string[]) => void): () => void {
  let known: EntryStamps | undefined;
  const sub = liveQuery(async () => new Map((await db.entries.toArray()).map((e) => [e.id, `${e.version}:${e.updatedAt}`] as const))).subscribe({
    next: (now) => {
      const ids = known ? changedIds(known, now) : [];
      known = now;
      if (ids.length) onChange(ids);
    },
    error: (err: unknown) => console.error('[agent-assist] watching the knowledge failed:', err),
  });
  return () => sub.unsubscribe();
}
