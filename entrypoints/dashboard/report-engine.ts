import { columnReport } from '@/knowledge/reports/column-report';
import type { EventColumns } from '@/knowledge/reports/columns';
import { compareColumnRanges, compareRanges, comparePilot, type BeforeAfter, type Pilot } from '@/knowledge/reports/before-after';
import { gapTopicsOf, type GapsReport } from '@/knowledge/reports/gaps';
import { parseEventsJsonl, type EventsFile } from '@/knowledge/reports/jsonl';
import type { DateRange, Dimension, EntryInfo, Report } from '@/knowledge/reports/report';
import type { KnowledgeDb } from '@/knowledge/store/db';
import { allEventColumns } from '@/knowledge/store/event-block-columns';
import type { EventsImport } from '@/knowledge/store/event-files';
import { storeParsedFiles } from '@/knowledge/store/event-import';
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

/**
 * The engine over a store. Events are read once into report columns (typed arrays: a report over
 * 1M events is a pass over numbers, knowledge/reports/columns.ts; imported blocks keep theirs
 * stored, knowledge/store/event-blocks.ts), the gap view's key terms with them, and two periods'
 * before and after. A pilot group (tags or entries, all events of its tickets) reads the events of
 * its periods through listEvents.
 */
export function storeReportsEngine(db: KnowledgeDb): ReportsEngine {
  let columns: EventColumns | undefined;
  let entries: EntryInfo[] = [];
  const loaded = () => {
    if (!columns) throw new Error('Reports: events not read yet');
    return columns;
  };
  return {
    async load(onProgress) {
      columns = await allEventColumns(db, { batch: COLUMNS_BATCH, onProgress });
      entries = (await db.entries.toArray()).map((e) => ({ id: e.id, title: e.title, tags: e.tags, locale: e.locale }));
      return { events: columns.n, entries };
    },
    async report(range, dimensions) {
      return columnReport(loaded(), range, { entries, dimensions });
    },
    async gaps(range) {
      return gapTopicsOf(loaded(), range);
    },
    async compare(request) {
      if (request.kind === 'pilot') {
        return comparePilot(await listEvents(db, request.range), request.range, request.pilot, entries);
      }
      if (!request.pilot) return compareColumnRanges(loaded(), request.baseline, request.comparison);
      const [a, b] = await Promise.all([listEvents(db, request.baseline), listEvents(db, request.comparison)]);
      return compareRanges([...a, ...b], request.baseline, request.comparison, { pilot: request.pilot, entries });
    },
    async importFiles(files) {
      const result = await storeParsedFiles(db, files.map(parseEventsJsonl));
      columns = undefined;
      return result;
    },
    dispose() {
      columns = undefined;
    },
  };
}
