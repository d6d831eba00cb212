import type { HealthGroup, KnowledgeHealth as Health } from '@/knowledge/health';
import { BarChart } from '../charts/BarChart';
import { ChartWithTable } from '../charts/ChartWithTable';
import { LineChart } from '../charts/LineChart';
import { healthTables, percent, weekLabel } from './health-tables';

/** Groups drawn in a bar chart: the 12 that weigh most (most entries and shows), least healthy first; the table beside lists them all. */
const BARS = 12;
function drawn(groups: HealthGroup[]): HealthGroup[] {
  const heaviest = [...groups].sort((a, b) => b.weight - a.weight).slice(0, BARS);
  return groups.filter((g) => heaviest.includes(g));
}

/**
 * Knowledge health at a glance: of the entries agents can be shown, the share approved, in date
 * and owned, weighted by how often agents were shown them (knowledge/health.ts), over 12 weeks,
 * by owner and by tag, each chart with its numbers beside it.
 */
export function KnowledgeHealth({ health, onDownload }: { health: Health; onDownload?: (fileName: string, csv: string) => void }) {
  const tables = healthTables(health);
  const now = health.current;
  const below = now.share !== null && now.share < health.target;
  const target = { value: health.target, label: `target ${percent(health.target)}` };
  return (
    <section aria-labelledby="health-heading" className="health">
      <h2 id="health-heading">Knowledge health</h2>
      <p className={`health-headline${below ? ' below' : ''}`} data-testid="health-share">
        <strong>{percent(now.share)}</strong> of what agents can be shown is approved, in date and owned
        {now.entries === 0 ? ' (no entries yet)' : ''}. Target {percent(health.target)}
        {below ? ': below target.' : '.'}
      </p>
      <p className="muted">
        {now.entries.toLocaleString('en')} entries agents can be shown: {now.notApproved.toLocaleString('en')} not approved,{' '}
        {now.overdue.toLocaleString('en')} overdue for review, {now.noOwner.toLocaleString('en')} without an owner. Entries count once,
        plus once for every time agents were shown them.
      </p>
      <ChartWithTable
        heading="Health over the last 12 weeks"
        testId="health-weeks"
        table={tables.weeks}
        onDownload={onDownload}
        empty={health.weeks.every((w) => w.share === null) ? 'No entries in these 12 weeks.' : undefined}
        chart={
          <LineChart
            title={`Knowledge health by week, from ${percent(health.weeks[0]?.share ?? null)} to ${percent(now.share)}; target ${percent(health.target)}`}
            xLabels={health.weeks.map((w) => weekLabel(w.end))}
            series={[{ label: 'health', values: health.weeks.map((w) => w.share) }]}
            yMax={1}
            formatY={(v) => percent(v)}
            target={target}
          />
        }
      />
      <ChartWithTable
        heading="By owner"
        testId="health-owners"
        table={tables.byOwner}
        onDownload={onDownload}
        empty={health.byOwner.length === 0 ? 'No entries.' : undefined}
        chart={
          <BarChart
            title={`Knowledge health by owner (the ${Math.min(BARS, health.byOwner.length)} with most entries and shows), least healthy first: ${drawn(health.byOwner).slice(0, 3).map((g) => `${g.key || 'no owner'} ${percent(g.share)}`).join(', ')}`}
            data={drawn(health.byOwner).map((g) => ({ label: g.key || '(no owner)', value: g.share ?? 0 }))}
            max={1}
            formatValue={(v) => percent(v)}
            target={target}
          />
        }
      />
      <ChartWithTable
        heading="By tag"
        testId="health-tags"
        table={tables.byTag}
        onDownload={onDownload}
        empty={health.byTag.length === 0 ? 'No entries.' : undefined}
        chart={
          <BarChart
            title={`Knowledge health by tag (the ${Math.min(BARS, health.byTag.length)} with most entries and shows), least healthy first: ${drawn(health.byTag).slice(0, 3).map((g) => `${g.key || 'no tag'} ${percent(g.share)}`).join(', ')}`}
            data={drawn(health.byTag).map((g) => ({ label: g.key || '(no tag)', value: g.share ?? 0 }))}
            max={1}
            formatValue={(v) => percent(v)}
            target={target}
          />
        }
      />
    </section>
  );
}
