import type { GapsReport, GapTopic } from '@/knowledge/reports/gaps';
import type { ReportTable } from '@/knowledge/reports/tables';
import { BarChart } from '../charts/BarChart';
import { ChartWithTable } from '../charts/ChartWithTable';
import { LineChart } from '../charts/LineChart';
import { count, pct, weekStart } from './format';

/** Topics listed with their own row and link; topics of a single ticket are folded into one line (one ticket is not yet a topic). */
const LISTED = 20;
const TRENDS = 4;

export const topicName = (t: GapTopic): string => t.terms.slice(0, 3).join(', ') || '(no terms)';

export function gapsTable(gaps: GapsReport): ReportTable {
  return {
    name: 'gap topics',
    columns: ['topic', 'tickets', 'no confident answer', 'every suggestion rejected', 'first', 'last', 'sample terms', ...gaps.weeks],
    rows: gaps.topics.map((t) => [
      topicName(t),
      t.count,
      pct(t.noConfidentAnswerShare),
      pct(1 - t.noConfidentAnswerShare),
      t.first.slice(0, 10),
      t.last.slice(0, 10),
      t.terms.join(' '),
      ...t.trend,
    ]),
  };
}

/**
 * Where knowledge is missing: tickets the engine abstained on, or where every suggestion was
 * rejected, grouped into topics on their key terms; each topic can start a draft entry.
 */
export function GapsView({ gaps, draftHref, onDownload }: { gaps: GapsReport; draftHref: (t: GapTopic) => string; onDownload: (fileName: string, csv: string) => void }) {
  if (gaps.tickets === 0) {
    return (
      <p className="notice" data-testid="gaps-empty">
        No gaps in this range: every ticket read got a suggestion that was not rejected outright
        {gaps.withoutTerms ? ` (${count(gaps.withoutTerms)} older gap tickets were recorded before key terms were, and cannot be grouped)` : ''}.
      </p>
    );
  }
  const topics = gaps.topics.filter((t) => t.count > 1);
  const singles = gaps.topics.length - topics.length;
  const table = gapsTable(gaps);
  return (
    <div data-testid="gaps">
      <p>
        {count(gaps.tickets)} tickets without a usable answer, in {count(topics.length)} {topics.length === 1 ? 'topic' : 'topics'}
        {singles ? ` and ${count(singles)} tickets on their own` : ''}.
        {gaps.withoutTerms ? ` ${count(gaps.withoutTerms)} more were recorded before key terms were and are not grouped.` : ''}
        {gaps.truncated ? ' Only the newest tickets were grouped.' : ''}
      </p>
      <ChartWithTable
        heading="Gap topics by tickets"
        testId="gaps-chart"
        table={table}
        onDownload={onDownload}
        maxRows={200}
        empty={topics.length === 0 ? 'No two tickets share a topic yet: each gap is on its own (listed in the table).' : undefined}
        chart={
          <BarChart
            title={`Gap topics, most tickets first: ${topics.slice(0, 3).map((t) => `${topicName(t)} ${t.count}`).join('; ')}`}
            data={topics.slice(0, 12).map((t) => ({ label: topicName(t), value: t.count }))}
            max={Math.max(1, ...topics.map((t) => t.count))}
            formatValue={count}
          />
        }
      />
      {gaps.weeks.length > 1 && topics.length ? (
        <figure className="gap-trend">
          <LineChart
            title={`Tickets per week of the ${Math.min(TRENDS, topics.length)} largest gap topics`}
            xLabels={gaps.weeks.map(weekStart)}
            series={topics.slice(0, TRENDS).map((t) => ({ label: topicName(t), values: t.trend }))}
            yMax={Math.max(1, ...topics.slice(0, TRENDS).flatMap((t) => t.trend))}
            formatY={(v) => count(Math.round(v))}
          />
          <figcaption className="muted">Tickets per week of the largest topics (the table above has every week of every topic).</figcaption>
        </figure>
      ) : null}
      <ol className="gap-topics">
        {(topics.length ? topics : gaps.topics).slice(0, LISTED).map((t, i) => (
          <li key={i} data-testid="gap-topic">
            <strong data-testid="gap-count">{count(t.count)}</strong> {t.count === 1 ? 'ticket' : 'tickets'}: <span data-testid="gap-terms">{t.terms.join(', ')}</span>
            <span className="muted">
              {' '}
              ({pct(t.noConfidentAnswerShare)} without a confident answer; per week {t.trend.join(' \u00b7 ')})
            </span>{' '}
            <a href={draftHref(t)} data-testid="draft-entry">
              Draft an entry<span className="visually-hidden"> for {topicName(t)}</span>
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}
