import type { EventType, StoredEvent } from '../events.ts';
import { bound, columnsBuilder, lowerBound, mergeColumns, toColumns, TYPES, type EventColumns } from '../reports/columns.ts';
import type { EventRow, KnowledgeDb } from './db.ts';
import { BLOCK_SIZE, blockPart } from './event-blocks.ts';

/** Event blocks (event-blocks.ts) through their report columns: writing them, reading a range, the purge by age. */

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
    const c = await blockPart(db, head.id!, 'columns');
    const [lo, hi] = [lowerBound(c.time, from), lowerBound(c.time, to)];
    const rows: number[] = [];
    for (let i = lo; i < hi; i++) if (!wanted || wanted.has(c.type[i]!)) rows.push(i);
    if (!rows.length) continue;
    const lines = (await blockPart(db, head.id!, 'lines')).split('\n');
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
    const columns = await blockPart(db, id, 'columns');
    const keep = lowerBound(columns.time, t);
    if (keep === 0) continue;
    // The kept rows' columns, with the string tables cut to what they use: no purged ticket hash stays.
    const kept = mergeColumns([columns], keep);
    const [ids, lines] = await Promise.all([blockPart(db, id, 'ids'), blockPart(db, id, 'lines')]);
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
