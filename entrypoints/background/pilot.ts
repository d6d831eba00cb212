import type { KnowledgeDb, Settings } from '@/knowledge/store';

/** Pilot mode as the engine applies it: the ids of the entries with a pilot tag (any case). */
export interface Pilot {
  tags: readonly string[];
  ids: ReadonlySet<string>;
}

/** Undefined when pilot mode is off. Read through the entries' tag index at each ticket: a few ms, and never stale after an edit. */
export async function pilotOf(db: KnowledgeDb, settings: Pick<Settings, 'pilot'>): Promise<Pilot | undefined> {
  if (!settings.pilot.on) return undefined;
  const tags = settings.pilot.tags;
  const ids = (await db.entries.where('tags').anyOfIgnoreCase([...tags]).primaryKeys()) as string[];
  return { tags, ids: new Set(ids) };
}

/** What the panel says when pilot mode held back a ticket's answers. */
export function pilotReason(tags: readonly string[]): string {
  return `Pilot mode: suggestions only for entries tagged ${tags.join(', ')}. This ticket's answers are outside the pilot.`;
}
