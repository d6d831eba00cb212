import type { StoredEvent } from '@/knowledge/events';
import { columnReport, columnsBuilder, type EventColumns } from '@/knowledge/reports/columns';
import { compareEvents, compareRanges, comparePilot, type BeforeAfter, type Pilot } from '@/knowledge/reports/before-after';
import { gapTopics, type GapsReport } from '@/knowledge/reports/gaps';
import { parseEventsJsonl, type EventsFile } from '@/knowledge/reports/jsonl';
import { inRange, type DateRange, type Dimension, type EntryInfo, type Report } from '@/knowledge/reports/report';
import type { KnowledgeDb } from '@/knowledge/store/db';
import { storeParsedFiles, type EventsImport } from '@/knowledge/store/event-files';
import { listEvents } from '@/knowledge/store/events';
import { COLUMNS_BATCH } from '@/knowledge/store/report-columns';

/** What the Reports section asks: run in a Web Worker of the page (reports-worker.ts), or in the page in tests. */
export interface ReportsEngine {
  /** Reads every stored event once (progress per batch); later reports reuse what it read. */
  load(onProgress?: (done: number, total: number) => void): Promise<{ events: number; entries: EntryInfo[] }>;
  report(range: DateRange, dimensions: readonly Dimension[]): Promise<Report>;
  gaps(range: DateRange): Promise<GapsReport>;
  compare(request: CompareRequest): Promise<BeforeAfter>;
  /** Trainers' events files into the store (each whole or not at all, merged by eventId); read again after. */
  importFiles(files: EventsFile[]): Promise<EventsImport>;
  dispose(): void;
}

export type CompareRequest =
  | { kind: 'periods'; baseline: DateRange; comparison: DateRange; pilot?: Pilot }
  | { kind: 'pilot'; range: DateRange; pilot: Pilot };

const GAP_TYPES = new Set(['no_confident_answer', 'rejected', 'inserted']);

/**
 * The engine over a store. Events are read once, in batches, into report columns (typed arrays:
 * a report over 1M events is a pass over numbers, knowledge/reports/columns.ts); the gap view's
 * events (abstentions, rejections and inserts, with their key terms) are kept as they are. Before
 * and after reads its two periods through the store's time index (bootstrap needs the events).
 */
export function storeReportsEngine(db: KnowledgeDb): ReportsEngine {
  let columns: EventColumns | undefined;
  let gapEvents: StoredEvent[] = [];
  let entries: EntryInfo[] = [];
  const loaded = () => {
    if (!columns) throw new Error('Reports: events not read yet');
    return columns;
  };
  return {
    async load(onProgress) {
      const total = await db.events.count();
      const builder = columnsBuilder();
      const gaps: StoredEvent[] = [];
      let after = 0;
      let done = 0;
      onProgress?.(0, total);
      for (;;) {
        const rows = await db.events.where(':id').above(after).limit(COLUMNS_BATCH).toArray();
        if (!rows.length) break;
        after = rows[rows.length - 1]!.seq!;
        builder.add(rows);
        for (const r of rows) if (GAP_TYPES.has(r.type)) gaps.push(r);
        done += rows.length;
        onProgress?.(done, Math.max(total, done));
      }
      columns = builder.done();
      gapEvents = gaps;
      entries = (await db.entries.toArray()).map((e) => ({ id: e.id, title: e.title, tags: e.tags, locale: e.locale }));
      return { events: columns.n, entries };
    },
    async report(range, dimensions) {
      return columnReport(loaded(), range, { entries, dimensions });
    },
    async gaps(range) {
      loaded();
      return gapTopics(inRange(gapEvents, range));
    },
    async compare(request) {
      if (request.kind === 'pilot') {
        return comparePilot(await listEvents(db, request.range), request.range, request.pilot, entries);
      }
      const [a, b] = await Promise.all([listEvents(db, request.baseline), listEvents(db, request.comparison)]);
      if (request.pilot) return compareRanges([...a, ...b], request.baseline, request.comparison, { pilot: request.pilot, entries });
      return compareEvents(a, b);
    },
    async importFiles(files) {
      const result = await storeParsedFiles(db, files.map(parseEventsJsonl));
      columns = undefined;
      return result;
    },
    dispose() {
      columns = undefined;
      gapEvents = [];
    },
  };
}
