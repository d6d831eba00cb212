import type { Entry } from '../entry.ts';
import type { StoredIndex } from '../search/binary.ts';
import type { StoredCalibration } from '../search/self-calibration.ts';
import { changesSince, lastChange, pruneChanges } from './changes.ts';
import type { KnowledgeDb, LearnedRow, SearchIndexRow } from './db.ts';

/**
 * Bytes per stored chunk: no single IndexedDB value (or structured clone) grows with the knowledge
 * base, and a chunk is well below any message or value size limit.
 */
export const INDEX_CHUNK_BYTES = 4 << 20;

const BYTE_PARTS = ['units', 'lists'] as const;

export interface SaveIndexOptions {
  chunkBytes?: number;
  /** Prune the change log before `seq` (default). The page that saves an index it updated itself leaves the log whole: the worker still reads which ids changed. */
  prune?: boolean;
  /**
   * Checked in the save's own transaction, with the change the stored index includes (undefined
   * for none) and the changes logged after it: false leaves the stored index as it is (and the
   * save returns false).
   */
  when?: (stored: number | undefined, after: number[]) => boolean;
}

/**
 * Saves an index as including every change up to `seq`, and prunes the change log before it: one
 * transaction. Returns false when `options.when` refused.
 */
export async function saveSearchIndex(db: KnowledgeDb, seq: number, stored: StoredIndex, options: SaveIndexOptions = {}): Promise<boolean> {
  const { units, lists, calibration, ...head } = stored;
  const chunkBytes = options.chunkBytes ?? INDEX_CHUNK_BYTES;
  const rows: SearchIndexRow[] = [];
  const chunks = { units: 0, lists: 0 };
  for (const part of BYTE_PARTS) {
    const bytes = part === 'units' ? units : lists;
    for (let at = 0, i = 0; at < bytes.length || i === 0; at += chunkBytes, i++) {
      // a copy, not a view: IndexedDB stores a view's whole buffer (each chunk held all of it, 6 x 13 MB at 100k)
      rows.push({ key: `${part}.${i}`, bytes: bytes.slice(at, at + chunkBytes) });
      chunks[part] = i + 1;
    }
  }
  rows.push({ key: 'head', seq, chunks, index: head });
  if (calibration) rows.push({ key: 'calibration', seq, calibration });
  return db.transaction('rw', db.searchIndex, db.changes, async () => {
    if (options.when) {
      const current = await storedIndexChange(db);
      const after = (await db.changes.where(':id').above(current ?? 0).primaryKeys()) as number[];
      if (!options.when(current, after)) return false;
    }
    await db.searchIndex.clear();
    await db.searchIndex.bulkPut(rows);
    if (options.prune !== false) await pruneChanges(db, seq);
    return true;
  });
}

/**
 * Stores a new fit of the base's calibration for the stored index, when that is still the index
 * of change `seq` (a small row: the index itself is not written again). False when it is not.
 */
export async function saveIndexCalibration(db: KnowledgeDb, seq: number, calibration: StoredCalibration): Promise<boolean> {
  return db.transaction('rw', db.searchIndex, async () => {
    if ((await storedIndexChange(db)) !== seq) return false;
    await db.searchIndex.put({ key: 'calibration', seq, calibration });
    return true;
  });
}

/** The change the stored index includes (its head alone, nothing decoded); undefined when none is stored. */
export async function storedIndexChange(db: KnowledgeDb): Promise<number | undefined> {
  const head = await db.searchIndex.get('head');
  return head && 'seq' in head ? head.seq : undefined;
}

/** The stored index and the change it includes; undefined when there is none (or its rows do not fit together). */
export async function loadSearchIndex(db: KnowledgeDb): Promise<{ seq: number; index: Partial<StoredIndex> } | undefined> {
  return db.transaction('r', db.searchIndex, async () => {
    const [head, fit] = await db.searchIndex.bulkGet(['head', 'calibration']);
    if (!head || !('chunks' in head)) return undefined;
    // a fit of another index (one saved over since) is left out: the worker fits again
    const calibration = fit && 'calibration' in fit && fit.seq === head.seq ? { calibration: fit.calibration as StoredCalibration } : {};
    const joined: Partial<Record<(typeof BYTE_PARTS)[number], Uint8Array>> = {};
    for (const part of BYTE_PARTS) {
      const n = head.chunks[part];
      const rows = await db.searchIndex.bulkGet(Array.from({ length: n }, (_, i) => `${part}.${i}`));
      if (rows.some((r) => !r || !('bytes' in r) || !(r.bytes instanceof Uint8Array))) return undefined;
      const chunks = rows.map((r) => (r as { bytes: Uint8Array }).bytes);
      joined[part] = chunks.length === 1 ? chunks[0]! : concat(chunks);
    }
    return { seq: head.seq, index: { ...(head.index as Partial<StoredIndex>), ...joined, ...calibration } };
  });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Every entry and learned phrasing, with the last change they include: one consistent read. */
export async function knowledgeSnapshot(db: KnowledgeDb): Promise<{ entries: Entry[]; learned: LearnedRow[]; seq: number }> {
  return db.transaction('r', db.entries, db.learned, db.changes, async () => {
    const [entries, learned, seq] = await Promise.all([db.entries.toArray(), db.learned.toArray(), lastChange(db)]);
    return { entries, learned: learned.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)), seq };
  });
}

/** The entries with these ids that exist, in the order asked. */
export async function entriesByIds(db: KnowledgeDb, ids: readonly string[]): Promise<Entry[]> {
  return (await db.entries.bulkGet([...ids])).filter((e): e is Entry => e !== undefined);
}

/**
 * The entries changed after change `seq` (undefined for a deleted one) and the newest change,
 * read together; undefined when the log no longer reaches back to `seq` (then rebuild).
 */
export async function changedSince(db: KnowledgeDb, seq: number): Promise<{ seq: number; changed: Map<string, Entry | undefined> } | undefined> {
  return db.transaction('r', db.entries, db.changes, async () => {
    const since = await changesSince(db, seq);
    if (!since) return undefined;
    const entries = since.ids.length ? await db.entries.bulkGet(since.ids) : [];
    return { seq: since.seq, changed: new Map(since.ids.map((id, i) => [id, entries[i]])) };
  });
}
