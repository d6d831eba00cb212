import type { KnowledgeDb } from './db.ts';

/**
 * The change log: every write to the entries adds one row naming the ids it touched, in the
 * write's own transaction. The worker's stored index records the last change it includes; on a
 * cold start it reads only the rows after that (and those entries), never every entry.
 */
export async function logChange(db: KnowledgeDb, ids: readonly string[]): Promise<number | undefined> {
  return ids.length ? ((await db.changes.add({ ids: [...ids] })) as number) : undefined;
}

/** The newest change's number (0 when nothing was ever logged). */
export async function lastChange(db: KnowledgeDb): Promise<number> {
  return ((await db.changes.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/**
 * Ids changed after change `seq`, and the newest change; undefined when the log no longer reaches
 * back to `seq` (rows before the stored index's change are pruned when it is saved).
 */
export async function changesSince(db: KnowledgeDb, seq: number): Promise<{ seq: number; ids: string[] } | undefined> {
  const first = (await db.changes.orderBy(':id').firstKey()) as number | undefined;
  // a gap right after seq: pruned (or an aborted write's number); the caller rebuilds, which is always safe
  if (first !== undefined && first > seq + 1) return undefined;
  const rows = await db.changes.where(':id').above(seq).toArray();
  const ids = new Set<string>();
  for (const r of rows) for (const id of r.ids) ids.add(id);
  return { seq: rows.length ? rows[rows.length - 1]!.seq! : Math.max(seq, await lastChange(db)), ids: [...ids].sort() };
}

/** Drops the rows before `seq`; the row of `seq` itself stays, so the log always reaches back to the stored index. */
export async function pruneChanges(db: KnowledgeDb, seq: number): Promise<void> {
  await db.changes.where(':id').below(seq).delete();
}
