import type { EventColumns } from '../reports/columns.ts';
import type { EventBlockPart, KnowledgeDb } from './db.ts';

/**
 * Events kept in blocks: an imported file's events, up to BLOCK_SIZE a block, sorted by time, as a
 * head row (eventBlocks: time span and count) and three parts (eventBlockParts: report columns,
 * eventIds, the events as JSON lines). An import of 10k events is four writes instead of 10k, and
 * the dashboard reads a block's columns without parsing an event. The worker still records each
 * event as a row of `events` ("loose"); every reader here sees both, so nothing outside this file
 * needs to know which is which: listEvents (events.ts), countEvents, loadEventColumns
 * (report-columns.ts), the export, the purge by age (purge.ts) and "Delete all my data"
 * (retention.ts). What needs the report columns' code (writing, reading a range, the purge) is in
 * event-block-columns.ts, so the side panel (export, delete) does not load it.
 */

export const BLOCK_SIZE = 10_000;

/** Every table that holds events: transactions that read events through this file name these. */
export const eventTables = (db: KnowledgeDb) => [db.events, db.eventBlocks, db.eventBlockParts];

interface Parts {
  columns: EventColumns;
  ids: string;
  lines: string;
}

export async function blockPart<P extends EventBlockPart['part']>(db: KnowledgeDb, id: number, name: P): Promise<Parts[P]> {
  const row = await db.eventBlockParts.get([id, name]);
  if (!row) throw new Error(`Event block ${id} has no ${name}`);
  return row.value as Parts[P];
}

/** Adds the eventIds of the blocks after block `after` to `into`; returns the last block read (pass it next time). */
export async function addBlockEventIds(db: KnowledgeDb, into: Set<string>, after = 0): Promise<number> {
  const blocks = (await db.eventBlocks.where(':id').above(after).primaryKeys()) as number[];
  const parts = await db.eventBlockParts.bulkGet(blocks.map((id) => [id, 'ids'] as [number, string]));
  for (const p of parts) if (p) for (const id of (p.value as string).split('\n')) into.add(id);
  return blocks.at(-1) ?? after;
}

/** How many events are stored, loose and in blocks. */
export async function countEvents(db: KnowledgeDb): Promise<number> {
  let n = await db.events.count();
  await db.eventBlocks.each((b) => {
    n += b.n;
  });
  return n;
}

/** The time of the oldest stored event, or undefined when there is none. */
export async function oldestEventAt(db: KnowledgeDb): Promise<string | undefined> {
  const [loose, block] = await Promise.all([db.events.orderBy('at').first(), db.eventBlocks.orderBy('from').first()]);
  const times = [loose?.at, block?.from].filter((t): t is string => t !== undefined);
  return times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/** Every block's lines in storage order (for the export), one block at a time. */
export async function* blockLines(db: KnowledgeDb): AsyncGenerator<string[]> {
  const ids = (await db.eventBlocks.toCollection().primaryKeys()) as number[];
  for (const id of ids) {
    const row = await db.eventBlockParts.get([id, 'lines']);
    if (row) yield (row.value as string).split('\n');
  }
}

/** Deletes every block; returns how many events they held. Run inside a transaction over eventTables. */
export async function clearBlocks(db: KnowledgeDb): Promise<number> {
  let n = 0;
  await db.eventBlocks.each((b) => {
    n += b.n;
  });
  await Promise.all([db.eventBlocks.clear(), db.eventBlockParts.clear()]);
  return n;
}

