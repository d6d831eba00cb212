import { lastChange, type KnowledgeDb, type Settings } from '@/knowledge/store';

/** Pilot mode as the engine applies it: the ids of the entries with a pilot tag (any case). */
export interface Pilot {
  tags: readonly string[];
  ids: ReadonlySet<string>;
}

/** The last pilot set read per database, with the change-log position and tags it was read at. */
const cache = new WeakMap<KnowledgeDb, { seq: number; key: string; ids: ReadonlySet<string> }>();

/**
 * Undefined when pilot mode is off. The entries carry no tag index (store version 6 dropped it to
 * make imports fast), so the pilot's ids are read by one pass over the entries and kept until the
 * change log moves or the tags change: never stale after an edit, and no pass per ticket.
 */
export async function pilotOf(db: KnowledgeDb, settings: Pick<Settings, 'pilot'>): Promise<Pilot | undefined> {
  if (!settings.pilot.on) return undefined;
  const tags = settings.pilot.tags;
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  const key = [...wanted].sort().join('\n');
  const seq = await lastChange(db);
  let cached = cache.get(db);
  if (cached?.seq !== seq || cached.key !== key) {
    const ids = new Set<string>();
    await db.entries.each((e) => {
      if (e.tags.some((t) => wanted.has(t.toLowerCase()))) ids.add(e.id);
    });
    cached = { seq, key, ids };
    cache.set(db, cached);
  }
  return { tags, ids: cached.ids };
}

/** What the panel says when pilot mode held back a ticket's answers. */
export function pilotReason(tags: readonly string[]): string {
  return `Pilot mode: suggestions only for entries tagged ${tags.join(', ')}. This ticket's answers are outside the pilot.`;
}
