import { useId } from 'react';
import type { Measure, Metrics } from '@/knowledge/reports/metrics';
import { DIMENSIONS, type Dimension, type Report } from '@/knowledge/reports/report';
import { reportTables, tableToCsv as csvOf, type ReportTable } from '@/knowledge/reports/tables';
import { BarChart } from '../charts/BarChart';
import { ChartWithTable } from '../charts/ChartWithTable';
import { DataTable } from '../charts/DataTable';
import { LineChart } from '../charts/LineChart';
import { change, count, duration, pct, sampleNote, weekStart } from './format';
import { DIMENSION_LABELS, drawable, editTable, groupLabel, METRIC_PANELS, mostEditedTable, panelTable, reasonsTable, weeksTable, type MetricPanel } from './report-panels';

/** Bars per chart: the groups with the largest samples; the table beside has every group. */
const BARS = 12;
/** Rows on screen per table; the CSV has all. */
const ROWS = 200;

export interface ReportViewProps {
  report: Report;
  by: Dimension;
  onBy: (by: Dimension) => void;
  onDownload: (fileName: string, csv: string) => void;
}

/** The trainers' report for one range, against the range before it: headline numbers, then a chart and table per metric by the chosen grouping. */
export function ReportView({ report, by, onBy, onDownload }: ReportViewProps) {
  const byId = useId();
  if (report.empty) {
    return (
      <p className="notice" data-testid="report-empty">
        No events in this range: agents were not shown suggestions, searched or inserted between {report.range.from.slice(0, 10)} and the end of the
        range. Pick a longer range, or import your agents&rsquo; events files below.
      </p>
    );
  }
  const t = report.totals;
  const p = report.previousTotals;
  const full = reportTables(report);
  return (
    <div className="report">
      <Headline totals={t} previous={p} minSample={report.minSample} onDownload={onDownload} totalsTable={full[0]!} />
      <p>
        <label htmlFor={byId}>Each chart by </label>
        <select id={byId} data-testid="report-by" value={by} onChange={(e) => onBy(e.target.value as Dimension)}>
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {DIMENSION_LABELS[d]}
            </option>
          ))}
        </select>{' '}
        <button type="button" onClick={() => onDownload(`report-by-${by}.csv`, csvOf(full.find((x) => x.name === `by ${by}`)!))}>
          Download every metric by {DIMENSION_LABELS[by]} (CSV)
        </button>
      </p>
      <WeeklyTrend report={report} onDownload={onDownload} />
      {METRIC_PANELS.map((panel) => (
        <MetricChart key={panel.id} panel={panel} report={report} by={by} onDownload={onDownload} />
      ))}
      <ChartWithTable
        heading="How much agents edited an answer before inserting it"
        testId="report-edits"
        table={editTable(report)}
        onDownload={onDownload}
        empty={t.inserts === 0 ? 'No inserts in this range.' : undefined}
        chart={
          <BarChart
            title={`Inserts by edit ratio: ${t.editRatio.histogram.map((b) => `${b.label} ${b.count}`).join(', ')}`}
            data={t.editRatio.histogram.map((b) => ({ label: b.label, value: b.count }))}
            max={Math.max(1, ...t.editRatio.histogram.map((b) => b.count))}
            formatValue={count}
          />
        }
      />
      <ChartWithTable
        heading="Entries most edited before insert (mean edit ratio)"
        testId="report-most-edited"
        table={mostEditedTable(report)}
        onDownload={onDownload}
        empty={
          report.mostEdited.length === 0
            ? 'No inserts in this range.'
            : report.mostEdited.every((e) => e.meanEditRatio.status !== 'ok')
              ? `Every entry has fewer than ${report.minSample} inserts: too few to rank by editing (the numbers are in the table).`
              : undefined
        }
        chart={
          <BarChart
            title="Entries by mean edit ratio, most edited first"
            data={report.mostEdited.filter((e) => e.meanEditRatio.status === 'ok').map((e) => ({ label: e.title ?? e.entryId, value: e.meanEditRatio.value! }))}
            max={1}
            formatValue={pct}
          />
        }
      />
      <ChartWithTable
        heading="Rejections by reason"
        testId="report-reasons"
        table={reasonsTable(report)}
        onDownload={onDownload}
        empty={t.rejections === 0 ? 'No rejections in this range.' : undefined}
        chart={
          <BarChart
            title={`Rejections by reason: ${Object.entries(t.rejectionsByReason).map(([r, n]) => `${r.replace('_', ' ')} ${n}`).join(', ')}`}
            data={Object.entries(t.rejectionsByReason).map(([r, n]) => ({ label: r.replace('_', ' '), value: n }))}
            max={Math.max(1, ...Object.values(t.rejectionsByReason))}
            formatValue={count}
          />
        }
      />
    </div>
  );
}


interface HeadlineProps {
  totals: Metrics;
  previous: Metrics;
  minSample: number;
  totalsTable: ReportTable;
  onDownload: (fileName: string, csv: string) => void;
}

/** The numbers at a glance, each against the previous range, each with what it rests on. */
function Headline({ totals: t, previous: p, minSample, totalsTable, onDownload }: HeadlineProps) {
  const share = (m: Measure, before: Measure, unit: string, detail: string) => ({
    value: pct(m.value),
    detail,
    change: m.status === 'ok' && before.status === 'ok' ? change(m.value, before.value, 'share') : '',
    before: pct(before.value),
    note: sampleNote(m, minSample, unit),
    small: m.status !== 'ok',
  });
  const cards: ({ id: string; label: string } & ReturnType<typeof share>)[] = [
    { id: 'acceptance', label: 'Acceptance', ...share(t.acceptance, p.acceptance, 'tickets shown', `${count(t.ticketsInserted)} of ${count(t.ticketsShown)} tickets shown a suggestion got an insert`) },
    { id: 'first', label: 'From the first suggestion', ...share(t.firstSuggestionShare, p.firstSuggestionShare, 'inserts', `${count(t.inserts)} inserts`) },
    { id: 'copies', label: 'Copies', value: count(t.copies), detail: `on ${count(t.ticketsCopied)} tickets`, change: change(t.copies, p.copies, 'count'), before: count(p.copies), note: '', small: false },
    { id: 'edit', label: 'Median edit ratio', ...share(t.editRatio.median, p.editRatio.median, 'inserts', 'of the answer changed before insert') },
    { id: 'rejections', label: 'Rejections', value: count(t.rejections), detail: `rejection rate ${pct(t.rejectionRate.value)} of tickets shown`, change: change(t.rejections, p.rejections, 'count'), before: count(p.rejections), note: '', small: false },
    { id: 'flags', label: 'Flagged outdated', value: count(t.flags), detail: 'flags', change: change(t.flags, p.flags, 'count'), before: count(p.flags), note: '', small: false },
    { id: 'no-answer', label: 'No confident answer', ...share(t.noConfidentAnswerRate, p.noConfidentAnswerRate, 'tickets read', `${count(t.ticketsNoConfidentAnswer)} tickets without an answer`) },
    { id: 'searches', label: 'Manual searches ending in an insert', ...share(t.manualSearchInsertRate, p.manualSearchInsertRate, 'searches', `${count(t.manualSearchesInserted)} of ${count(t.manualSearches)} searches`) },
    {
      id: 'time',
      label: 'Time to insert (median)',
      value: duration(t.msToInsert.median.value),
      detail: `90th percentile ${duration(t.msToInsert.p90.value)}`,
      change: t.msToInsert.median.status === 'ok' && p.msToInsert.median.status === 'ok' ? change(t.msToInsert.median.value, p.msToInsert.median.value, 'ms') : '',
      before: duration(p.msToInsert.median.value),
      note: sampleNote(t.msToInsert.median, minSample, 'timed inserts'),
      small: t.msToInsert.median.status !== 'ok',
    },
  ];
  return (
    <section aria-label="This range at a glance">
      <ul className="report-cards">
        {cards.map((c) => (
          <li key={c.id} className={`report-card${c.small ? ' small' : ''}`} data-testid={`card-${c.id}`}>
            <span className="report-card-label">{c.label}</span>
            <strong data-testid="value">{c.value}</strong>
            <span className="report-card-detail" data-testid="detail">
              {c.detail}
            </span>
            <span className="muted">
              previous range {c.before}
              {c.change ? ` (${c.change})` : ''}
            </span>
            {c.note ? (
              <span className={c.small ? 'report-card-note' : 'muted'} data-testid="note">
                {c.note}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <details>
        <summary>Totals as a table</summary>
        <DataTable table={totalsTable} caption="This range and the previous one" testId="totals-table" />
        <button type="button" onClick={() => onDownload('report-totals.csv', csvOf(totalsTable))}>
          Download CSV
        </button>
      </details>
    </section>
  );
}

/** One metric by the chosen grouping: bars for groups with enough sample (a line over weeks), the table of every group beside. */
function MetricChart({ panel, report, by, onDownload }: { panel: MetricPanel; report: Report; by: Dimension; onDownload: (fileName: string, csv: string) => void }) {
  const rows = report.by[by];
  const table = panelTable(panel, by, report);
  const max = panel.kind === 'share' ? 1 : Math.max(1, ...rows.map((r) => drawable(panel.value(r.current)) ?? 0));
  const format = panel.kind === 'share' ? pct : panel.kind === 'ms' ? duration : count;
  const drawn = rows.filter((r) => drawable(panel.value(r.current)) !== null && (panel.kind !== 'count' || (panel.value(r.current) as number) > 0));
  const empty =
    drawn.length === 0
      ? panel.kind === 'count'
        ? `None in this range.`
        : `Too few to draw: every ${DIMENSION_LABELS[by]} has fewer than ${report.minSample} ${panel.unit} (the numbers are in the table).`
      : undefined;
  const chart =
    by === 'week' ? (
      <LineChart
        title={`${panel.heading}, by week`}
        xLabels={rows.map((r) => weekStart(r.key))}
        series={[{ label: panel.id, values: rows.map((r) => drawable(panel.value(r.current))) }]}
        yMax={max}
        formatY={format}
      />
    ) : (
      <BarChart
        title={`${panel.heading}, by ${DIMENSION_LABELS[by]}: ${drawn.slice(0, 3).map((r) => `${groupLabel(r)} ${format(drawable(panel.value(r.current))!)}`).join(', ')}`}
        data={drawn.slice(0, BARS).map((r) => ({ label: r.label ?? r.key, value: drawable(panel.value(r.current))! }))}
        max={max}
        formatValue={format}
      />
    );
  return <ChartWithTable heading={panel.heading} testId={`report-${panel.id}`} table={table} chart={chart} empty={empty} onDownload={onDownload} maxRows={ROWS} />;
}

/** The weekly trend of the shares a trainer follows; weeks with too small a sample are left out of the lines. */
function WeeklyTrend({ report, onDownload }: { report: Report; onDownload: (fileName: string, csv: string) => void }) {
  const weeks = report.by.week;
  const ok = (m: Measure) => (m.status === 'ok' ? m.value : null);
  const series = [
    { label: 'acceptance', values: weeks.map((w) => ok(w.current.acceptance)) },
    { label: 'rejection rate', values: weeks.map((w) => ok(w.current.rejectionRate)) },
    { label: 'no confident answer', values: weeks.map((w) => ok(w.current.noConfidentAnswerRate)) },
  ];
  const drawable = series.some((s) => s.values.some((v) => v !== null));
  return (
    <ChartWithTable
      heading="Trend over the weeks of this range"
      testId="report-weeks"
      table={weeksTable(report)}
      onDownload={onDownload}
      empty={drawable ? undefined : `Too few to draw a trend: no week has ${report.minSample} tickets or more (the numbers are in the table).`}
      chart={
        <>
          <LineChart
            title={`Acceptance, rejection rate and no-confident-answer rate by week: ${series.map((s) => `${s.label} ${pct(s.values.filter((v) => v !== null).at(-1) ?? null)} in the last week drawn`).join(', ')}`}
            xLabels={weeks.map((w) => weekStart(w.key))}
            series={series}
            yMax={1}
            formatY={pct}
          />
          <p className="muted report-legend">
            <span className="swatch s0" /> acceptance <span className="swatch s1" /> rejection rate <span className="swatch s2" /> no confident answer
          </p>
        </>
      }
    />
  );
}
