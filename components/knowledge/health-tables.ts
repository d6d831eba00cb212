import type { HealthCounts, HealthGroup, KnowledgeHealth } from '@/knowledge/health';
import type { ReportTable } from '@/knowledge/reports/tables';

/** 0.8234 -> "82%"; no entries -> "–". */
export function percent(share: number | null): string {
  return share === null ? '\u2013' : `${Math.round(share * 100)}%`;
}

const COUNT_COLUMNS = ['health', 'entries', 'healthy', 'not approved', 'overdue', 'no owner', 'no review date', 'times shown'];
const counts = (c: HealthCounts): (string | number)[] => [percent(c.share), c.entries, c.healthy, c.notApproved, c.overdue, c.noOwner, c.noReviewDate, c.shows];

/** The week ending on `end`, as a short label ("Nov 24"). */
export function weekLabel(end: string): string {
  return new Date(end).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** The tables behind the health charts (the same numbers the charts draw, and the CSV). */
export function healthTables(h: KnowledgeHealth): { weeks: ReportTable; byOwner: ReportTable; byTag: ReportTable } {
  const group = (name: string, key: string, none: string, rows: HealthGroup[]): ReportTable => ({
    name,
    columns: [key, ...COUNT_COLUMNS],
    rows: rows.map((g) => [g.key || none, ...counts(g)]),
  });
  return {
    weeks: {
      name: 'knowledge health by week',
      columns: ['week ending', ...COUNT_COLUMNS, 'from'],
      rows: h.weeks.map((w) => [
        weekLabel(w.end),
        ...counts(w),
        w.source === 'current' ? 'the entries now' : w.source === 'history' ? 'saved versions' : `saved versions; ${w.approximateEntries} taken as they are now`,
      ]),
    },
    byOwner: group('knowledge health by owner', 'owner', '(no owner)', h.byOwner),
    byTag: group('knowledge health by tag', 'tag', '(no tag)', h.byTag),
  };
}
