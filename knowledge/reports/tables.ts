import Papa from 'papaparse';
import { REJECT_REASONS } from '../events.ts';
import type { Measure, Metrics } from './metrics.ts';
import type { Dimension, Report } from './report.ts';

/** A table as the page shows it (table view) and exports it (CSV): header and rows of plain cells. */
export interface ReportTable {
  name: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A measure as a cell: empty when there is nothing to measure; the sample note is its own column. */
const cell = (m: Measure, digits = 3): string | number => (m.value === null ? '' : Number(m.value.toFixed(digits)));
const note = (...ms: Measure[]): string =>
  ms.every((m) => m.status === 'empty') ? 'no data' : ms.some((m) => m.status === 'small') ? 'small sample' : '';

const METRIC_COLUMNS = [
  'tickets shown', 'tickets inserted', 'acceptance', 'acceptance (previous range)', 'first-suggestion share', 'copies',
  'median edit ratio', 'rejections', 'rejection rate', 'flags', 'no-confident-answer rate', 'manual searches',
  'manual searches ending in insert', 'median ms to insert', 'p90 ms to insert', 'sample',
];

function metricCells(m: Metrics, previous: Metrics): (string | number)[] {
  return [
    m.ticketsShown, m.ticketsInserted, cell(m.acceptance), cell(previous.acceptance), cell(m.firstSuggestionShare), m.copies,
    cell(m.editRatio.median), m.rejections, cell(m.rejectionRate), m.flags, cell(m.noConfidentAnswerRate), m.manualSearches,
    m.manualSearchesInserted, cell(m.msToInsert.median, 0), cell(m.msToInsert.p90, 0),
    note(m.acceptance, m.editRatio.median, m.noConfidentAnswerRate, m.msToInsert.median),
  ];
}

/** Every table of a report: totals, one per dimension, edit-ratio distribution, rejections by reason, most edited entries. */
export function reportTables(report: Report): ReportTable[] {
  const tables: ReportTable[] = [
    {
      name: 'totals',
      columns: ['range', 'from', 'to', ...METRIC_COLUMNS],
      rows: [
        ['current', report.range.from, report.range.to, ...metricCells(report.totals, report.previousTotals)],
        ['previous', report.previousRange.from, report.previousRange.to, ...metricCells(report.previousTotals, report.previousTotals)],
      ],
    },
  ];
  for (const [dimension, rows] of Object.entries(report.by) as [Dimension, Report['by'][Dimension]][]) {
    tables.push({
      name: `by ${dimension}`,
      columns: [dimension, ...(dimension === 'entry' ? ['title'] : []), ...METRIC_COLUMNS],
      rows: rows.map((r) => [r.key, ...(dimension === 'entry' ? [r.label ?? ''] : []), ...metricCells(r.current, r.previous)]),
    });
  }
  tables.push({
    name: 'edit ratio distribution',
    columns: ['edit ratio', 'inserts', 'inserts (previous range)'],
    rows: report.totals.editRatio.histogram.map((b, i) => [b.label, b.count, report.previousTotals.editRatio.histogram[i]!.count]),
  });
  tables.push({
    name: 'rejections by reason',
    columns: ['reason', 'rejections', 'rejections (previous range)'],
    rows: REJECT_REASONS.map((r) => [r, report.totals.rejectionsByReason[r], report.previousTotals.rejectionsByReason[r]]),
  });
  tables.push({
    name: 'most edited entries',
    columns: ['entry', 'title', 'inserts', 'mean edit ratio', 'median edit ratio', 'sample'],
    rows: report.mostEdited.map((e) => [e.entryId, e.title ?? '', e.inserts, cell(e.meanEditRatio), cell(e.medianEditRatio), note(e.meanEditRatio)]),
  });
  return tables;
}

/** Formula-like cells (OWASP: = + - @ tab CR) get a leading ' so a spreadsheet shows them instead of running them, as knowledge/formats/csv.ts does. */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
export function escapeCell(value: string | number): string {
  const s = String(value);
  // A negative number is data, not a formula: leave it readable as a number.
  if (typeof value === 'number') return s;
  return FORMULA_LIKE.test(s) ? `'${s}` : s;
}

/** A table as CSV: UTF-8 with a byte-order mark (Excel), CRLF, formula-like cells escaped. */
export function tableToCsv(table: ReportTable): string {
  const rows = [table.columns, ...table.rows].map((r) => r.map(escapeCell));
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
