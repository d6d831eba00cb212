import type { HealthGroup, KnowledgeHealth as Health } from '@/knowledge/health';
import { BarChart } from '../charts/BarChart';
import { ChartWithTable } from '../charts/ChartWithTable';
import { LineChart } from '../charts/LineChart';
import type { ReportTable } from '@/knowledge/reports/tables';
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
      <GroupHealth heading="By owner" testId="health-owners" by="owner" none="no owner" groups={health.byOwner} table={tables.byOwner} target={target} onDownload={onDownload} />
      <GroupHealth heading="By tag" testId="health-tags" by="tag" none="no tag" groups={health.byTag} table={tables.byTag} target={target} onDownload={onDownload} />
    </section>
  );
}

interface GroupHealthProps {
  heading: string;
  testId: string;
  /** What a group is ("owner", "tag"), and how a group without one is named. */
  by: string;
  none: string;
  groups: HealthGroup[];
  table: ReportTable;
  target: { value: number; label: string };
  onDownload?: (fileName: string, csv: string) => void;
}

/** Health by owner or by tag: the heaviest groups drawn least healthy first, every group in the table. */
function GroupHealth({ heading, testId, by, none, groups, table, target, onDownload }: GroupHealthProps) {
  const shown = drawn(groups);
  return (
    <ChartWithTable
      heading={heading}
      testId={testId}
      table={table}
      onDownload={onDownload}
      empty={groups.length === 0 ? 'No entries.' : undefined}
      chart={
        <BarChart
          title={`Knowledge health by ${by} (the ${shown.length} with most entries and shows), least healthy first: ${shown.slice(0, 3).map((g) => `${g.key || none} ${percent(g.share)}`).join(', ')}`}
          data={shown.map((g) => ({ label: g.key || `(${none})`, value: g.share ?? 0 }))}
          max={1}
          formatValue={(v) => percent(v)}
          target={target}
        />
      }
    />
  );
}
