import { METRIC_UNITS, type BeforeAfter, type ComparedMetric, type Estimate } from '@/knowledge/reports/before-after';
import type { ReportTable } from '@/knowledge/reports/tables';
import { ChartWithTable } from '../charts/ChartWithTable';
import { IntervalChart } from '../charts/IntervalChart';
import { count, duration, pct } from './format';

export const METRIC_NAMES: Record<ComparedMetric, string> = {
  medianMsToInsert: 'Median time to insert',
  acceptance: 'Acceptance',
  editRatio: 'Edit ratio (mean)',
  rejectionRate: 'Rejection rate',
};

const fmt = (metric: ComparedMetric) => (metric === 'medianMsToInsert' ? duration : pct);
const withCi = (e: Estimate, f: (v: number) => string) => (e.value === null ? '' : `${f(e.value)} (${f(e.low!)} to ${f(e.high!)})`);
const diffText = (e: Estimate, metric: ComparedMetric) => {
  if (e.value === null) return '';
  const f = (v: number) => (v < 0 ? '\u2212' : v > 0 ? '+' : '') + (metric === 'medianMsToInsert' ? duration(Math.abs(v)) : `${Math.round(Math.abs(v) * 100)} pts`);
  return `${f(e.value)} (${f(e.low!)} to ${f(e.high!)})`;
};

export function beforeAfterTable(result: BeforeAfter, names: { baseline: string; comparison: string }): ReportTable {
  return {
    name: 'before and after',
    columns: ['metric', `${names.baseline} (95% CI)`, 'n', `${names.comparison} (95% CI)`, 'n', 'difference (95% CI)', 'note'],
    rows: result.metrics.map((m) => [
      METRIC_NAMES[m.metric],
      withCi(m.baseline, fmt(m.metric)),
      m.baseline.n,
      withCi(m.comparison, fmt(m.metric)),
      m.comparison.n,
      diffText(m.difference, m.metric),
      m.enough ? '' : `not enough data yet: ${m.baseline.n} and ${m.comparison.n} ${METRIC_UNITS[m.metric].split(' (')[0]}, ${result.minSample} needed in each`,
    ]),
  };
}

/** Baseline against comparison: each metric with its 95% bootstrap interval and sample size, or "not enough data yet". */
export function BeforeAfterView({ result, names, onDownload }: { result: BeforeAfter; names: { baseline: string; comparison: string }; onDownload: (fileName: string, csv: string) => void }) {
  const table = beforeAfterTable(result, names);
  const enough = result.metrics.filter((m) => m.enough);
  return (
    <ChartWithTable
      heading={`${names.comparison} against ${names.baseline}`}
      testId="before-after"
      table={table}
      onDownload={onDownload}
      empty={enough.length === 0 ? `Not enough data yet: every metric needs ${result.minSample} tickets or inserts in each group (the sizes are in the table).` : undefined}
      chart={
        <div className="interval-grid">
          {enough.map((m) => (
            <IntervalChart
              key={m.metric}
              title={`${METRIC_NAMES[m.metric]}: ${names.baseline} ${withCi(m.baseline, fmt(m.metric))}, ${names.comparison} ${withCi(m.comparison, fmt(m.metric))}`}
              heading={METRIC_NAMES[m.metric]}
              rows={[
                { label: `${names.baseline} (n ${count(m.baseline.n)})`, ...(m.baseline as Required<Estimate> & { value: number; low: number; high: number }) },
                { label: `${names.comparison} (n ${count(m.comparison.n)})`, ...(m.comparison as Required<Estimate> & { value: number; low: number; high: number }) },
              ]}
              format={fmt(m.metric)}
            />
          ))}
        </div>
      }
    />
  );
}
