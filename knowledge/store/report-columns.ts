import { columnReport } from '../reports/column-report.ts';
import type { EventColumns } from '../reports/columns.ts';
import type { DateRange, Report, ReportOptions } from '../reports/report.ts';
import type { KnowledgeDb } from './db.ts';
import { allEventColumns } from './event-block-columns.ts';
import { withStoreErrors } from './errors.ts';

/** Rows per read: each read is its own short transaction, and memory stays bounded to one batch of objects. */
export const COLUMNS_BATCH = 20_000;

/**
 * Every stored event as report columns (knowledge/reports/columns.ts): the blocks' columns as
 * stored, the loose events read in batches by recording order. The dashboard (in a Web Worker)
 * reads them once and computes every report from them while the trainer changes the range or the
 * grouping: `columnReport(columns, range, options)`.
 */
export async function loadEventColumns(db: KnowledgeDb, options: { batch?: number } = {}): Promise<EventColumns> {
  return withStoreErrors('the events', () => allEventColumns(db, { batch: options.batch ?? COLUMNS_BATCH }));
}

/** One report straight from the store (reads every event: keep the columns when computing several). */
export async function reportFromStore(db: KnowledgeDb, range: DateRange, options: ReportOptions = {}): Promise<Report> {
  return columnReport(await loadEventColumns(db), range, options);
}
