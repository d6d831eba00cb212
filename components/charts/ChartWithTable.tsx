import type { ReactNode } from 'react';
import { tableToCsv, type ReportTable } from '@/knowledge/reports/tables';
import { DataTable } from './DataTable';

export interface ChartWithTableProps {
  heading: string;
  /** The chart; null when there is nothing to draw (say why in `empty`). */
  chart: ReactNode;
  table: ReportTable;
  /** Shown instead of the chart when the data is empty or too small to draw honestly. */
  empty?: string;
  /** Offers the table as a CSV file. */
  onDownload?: (fileName: string, csv: string) => void;
  testId?: string;
  /** At most this many rows on screen (a table of 2,000 entries is for the CSV); the rest are counted. */
  maxRows?: number;
}

/** What people would rather see than read: the chart, with the numbers behind it beside it and as CSV. */
export function ChartWithTable({ heading, chart, table, empty, onDownload, testId, maxRows }: ChartWithTableProps) {
  const slug = table.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'table';
  return (
    <section className="chart-with-table" data-testid={testId} aria-label={heading}>
      <h3>{heading}</h3>
      <div className="chart-row">
        <div className="chart-cell">{empty ? <p className="notice">{empty}</p> : chart}</div>
        <div className="table-cell">
          <DataTable table={maxRows !== undefined && table.rows.length > maxRows ? { ...table, rows: table.rows.slice(0, maxRows) } : table} caption={`${heading}: the numbers`} />
          {maxRows !== undefined && table.rows.length > maxRows ? (
            <p className="muted">
              The first {maxRows.toLocaleString('en')} of {table.rows.length.toLocaleString('en')} rows; the CSV has them all.
            </p>
          ) : null}
          {onDownload ? (
            <button type="button" onClick={() => onDownload(`${slug}.csv`, tableToCsv(table))}>
              Download CSV
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
