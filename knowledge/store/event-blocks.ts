import type { EventType, StoredEvent } from '../events.ts';
import { bound, columnsBuilder, lowerBound, mergeColumns, toColumns, TYPES, type EventColumns } from '../reports/columns.ts';
import type { EventBlockPart, EventRow, KnowledgeDb } from './db.ts';

/**
 * Events kept in blocks: an imported file's events, up to BLOCK_SIZE a block, sorted by time, as a
 * head row (eventBlocks: time span and count) and three parts (eventBlockParts: report columns,
 * eventIds, the events as JSON lines). An import of 10k events is four writes instead of 10k, and
 * the dashboard reads a block's columns without parsing an event. The worker still records each
 * event as a row of `events` ("loose"); every reader here sees both, so nothing outside this file
 * needs to know which is which: listEvents (events.ts), countEvents, loadEventColumns
 * (report-columns.ts), the export, the purge by age and "Delete all my data" (retention.ts).
 */

export const BLOCK_SIZE = 10_000;

/** Every table that holds events: transactions that read events through this file name these. */
export const eventTables = (db: KnowledgeDb) => [db.events, db.eventBlocks, db.eventBlockParts];

const iso = (t: number) => new Date(t).toISOString();

/**
 * Stores events as blocks (the caller has checked them and dropped those already stored), each
 * with its line as stored (`texts[i]` is `events[i]` as one line of JSON). Run it inside a
 * transaction over eventTables: a failure then leaves no block, whole or partial.
 */
export async function writeBlocks(db: KnowledgeDb, events: readonly (StoredEvent & { eventId: string })[], texts: readonly string[]): Promise<number[]> {
  const time = events.map((e) => Date.parse(e.at));
  const order = Array.from(events.keys()).sort((a, b) => time[a]! - time[b]! || a - b);
  const ids: number[] = [];
  for (let start = 0; start < order.length; start += BLOCK_SIZE) {
    const rows = order.slice(start, start + BLOCK_SIZE);
    // Already in time order, so the columns' rows are the lines' rows.
    const columns = toColumns(rows.map((i) => events[i]!));
    const id = await db.eventBlocks.add({ from: iso(columns.time[0]!), to: iso(columns.time[columns.n - 1]!), n: columns.n });
    await db.eventBlockParts.bulkAdd([
      { id, part: 'columns', value: columns },
      { id, part: 'ids', value: rows.map((i) => events[i]!.eventId).join('\n') },
      { id, part: 'lines', value: rows.map((i) => texts[i]!).join('\n') },
    ]);
    ids.push(id);
  }
  return ids;
}

interface Parts {
  columns: EventColumns;
  ids: string;
  lines: string;
}

async function part<P extends EventBlockPart['part']>(db: KnowledgeDb, id: number, name: P): Promise<Parts[P]> {
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

/**
 * The block events in [from, to) of the given types, parsed from their lines (only the lines
 * wanted: the columns say which), in time order.
 */
export async function blockEvents(db: KnowledgeDb, range: { from?: string; to?: string; types?: readonly EventType[] }): Promise<StoredEvent[]> {
  const from = range.from ? bound(range.from) : -Infinity;
  const to = range.to ? bound(range.to) : Infinity;
  if (!(from < to)) return [];
  const heads = await db.eventBlocks.where('from').below(range.to ? iso(to) : '\uffff').toArray();
  const wanted = range.types ? new Set(range.types.map((t) => TYPES.indexOf(t))) : undefined;
  const out: StoredEvent[] = [];
  for (const head of heads) {
    if (Date.parse(head.to) < from) continue;
    const c = await part(db, head.id!, 'columns');
    const [lo, hi] = [lowerBound(c.time, from), lowerBound(c.time, to)];
    const rows: number[] = [];
    for (let i = lo; i < hi; i++) if (!wanted || wanted.has(c.type[i]!)) rows.push(i);
    if (!rows.length) continue;
    const lines = (await part(db, head.id!, 'lines')).split('\n');
    for (const i of rows) out.push(JSON.parse(lines[i]!) as StoredEvent);
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Every stored event as report columns: each block's columns as stored, the loose events read in
 * batches of `batch` rows, merged in time order (mergeColumns). `onProgress` counts events read.
 */
export async function allEventColumns(
  db: KnowledgeDb,
  options: { batch: number; onLoose?: (rows: EventRow[]) => void; onProgress?: (done: number, total: number) => void },
): Promise<EventColumns> {
  const heads = await db.eventBlocks.toArray();
  const total = (await db.events.count()) + heads.reduce((n, h) => n + h.n, 0);
  let done = 0;
  options.onProgress?.(0, total);
  const parts: EventColumns[] = [];
  const STEP = 10;
  for (let i = 0; i < heads.length; i += STEP) {
    const rows = await db.eventBlockParts.bulkGet(heads.slice(i, i + STEP).map((h) => [h.id!, 'columns'] as [number, string]));
    for (const r of rows) {
      if (!r) continue;
      const c = r.value as EventColumns;
      parts.push(c);
      done += c.n;
    }
    options.onProgress?.(done, Math.max(total, done));
  }
  const loose = columnsBuilder();
  let after = 0;
  for (;;) {
    const rows = await db.events.where(':id').above(after).limit(options.batch).toArray();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.seq!;
    loose.add(rows);
    options.onLoose?.(rows);
    done += rows.length;
    options.onProgress?.(done, Math.max(total, done));
  }
  parts.push(loose.done());
  return parts.length === 1 ? parts[0]! : mergeColumns(parts);
}

/** Every block's lines in storage order (for the export), one block at a time. */
export async function* blockLines(db: KnowledgeDb): AsyncGenerator<string[]> {
  const ids = (await db.eventBlocks.toCollection().primaryKeys()) as number[];
  for (const id of ids) {
    const row = await db.eventBlockParts.get([id, 'lines']);
    if (row) yield (row.value as string).split('\n');
  }
}

/**
 * Drops the block events before `cutoff` (ISO 8601): blocks wholly before it are deleted, a block
 * that straddles it keeps its later rows (they are in time order, so a suffix). Returns how many
 * events went. Run inside a transaction over eventTables.
 */
export async function purgeBlocksBefore(db: KnowledgeDb, cutoff: string): Promise<number> {
  const t = Date.parse(cutoff);
  const heads = await db.eventBlocks.where('from').below(cutoff).toArray();
  let deleted = 0;
  for (const head of heads) {
    const id = head.id!;
    if (Date.parse(head.to) < t) {
      await db.eventBlocks.delete(id);
      await db.eventBlockParts.bulkDelete([
        [id, 'columns'],
        [id, 'ids'],
        [id, 'lines'],
      ]);
      deleted += head.n;
      continue;
    }
    const columns = await part(db, id, 'columns');
    const keep = lowerBound(columns.time, t);
    if (keep === 0) continue;
    // The kept rows' columns, with the string tables cut to what they use: no purged ticket hash stays.
    const kept = mergeColumns([columns], keep);
    const [ids, lines] = await Promise.all([part(db, id, 'ids'), part(db, id, 'lines')]);
    await db.eventBlocks.put({ ...head, from: iso(kept.time[0]!), n: kept.n });
    await db.eventBlockParts.bulkPut([
      { id, part: 'columns', value: kept },
      { id, part: 'ids', value: ids.split('\n').slice(keep).join('\n') },
      { id, part: 'lines', value: lines.split('\n').slice(keep).join('\n') },
    ]);
    deleted += keep;
  }
  return deleted;
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

