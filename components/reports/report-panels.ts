import { REJECT_REASONS } from '@/knowledge/events';
import type { Measure, Metrics } from '@/knowledge/reports/metrics';
import type { Dimension, GroupRow, Report } from '@/knowledge/reports/report';
import type { ReportTable } from '@/knowledge/reports/tables';
import { duration, pct } from './format';

/**
 * One chart per metric, drawn by the chosen grouping (entry, agent, helpdesk, tag, locale, week),
 * with the numbers behind it as a table. Shares and times rest on a sample and are drawn only for
 * groups with enough of it; counts are drawn as they are.
 */
export interface MetricPanel {
  id: string;
  heading: string;
  kind: 'share' | 'ms' | 'count';
  /** What one bar or point is. */
  value(m: Metrics): Measure | number;
  /** What the sample counts, for "small sample: 12 tickets shown". */
  unit: string;
  columns: [string, (m: Metrics, previous: Metrics) => string | number][];
}

const cell = (m: Measure, kind: 'share' | 'ms'): string => (m.value === null ? '' : kind === 'share' ? pct(m.value) : duration(m.value));

export const METRIC_PANELS: MetricPanel[] = [
  {
    id: 'acceptance',
    heading: 'Acceptance: tickets with an insert \u00f7 tickets shown a suggestion',
    kind: 'share',
    value: (m) => m.acceptance,
    unit: 'tickets shown',
    columns: [
      ['tickets shown', (m) => m.ticketsShown],
      ['tickets inserted', (m) => m.ticketsInserted],
      ['acceptance', (m) => cell(m.acceptance, 'share')],
      ['previous range', (_, p) => cell(p.acceptance, 'share')],
    ],
  },
  {
    id: 'first-suggestion',
    heading: 'Inserted from the first suggestion',
    kind: 'share',
    value: (m) => m.firstSuggestionShare,
    unit: 'inserts',
    columns: [
      ['inserts', (m) => m.inserts],
      ['first-suggestion share', (m) => cell(m.firstSuggestionShare, 'share')],
      ['previous range', (_, p) => cell(p.firstSuggestionShare, 'share')],
    ],
  },
  {
    id: 'copies',
    heading: 'Copies (answers copied instead of inserted)',
    kind: 'count',
    value: (m) => m.copies,
    unit: 'copies',
    columns: [
      ['copies', (m) => m.copies],
      ['tickets copied', (m) => m.ticketsCopied],
      ['previous range', (_, p) => p.copies],
    ],
  },
  {
    id: 'rejections',
    heading: 'Rejections: tickets with a rejected suggestion \u00f7 tickets shown',
    kind: 'share',
    value: (m) => m.rejectionRate,
    unit: 'tickets shown',
    columns: [
      ['rejections', (m) => m.rejections],
      ['rejection rate', (m) => cell(m.rejectionRate, 'share')],
      ['previous range', (_, p) => cell(p.rejectionRate, 'share')],
    ],
  },
  {
    id: 'flags',
    heading: 'Flagged as outdated',
    kind: 'count',
    value: (m) => m.flags,
    unit: 'flags',
    columns: [
      ['flags', (m) => m.flags],
      ['previous range', (_, p) => p.flags],
    ],
  },
  {
    id: 'no-answer',
    heading: 'No confident answer: tickets the engine abstained on \u00f7 tickets read',
    kind: 'share',
    value: (m) => m.noConfidentAnswerRate,
    unit: 'tickets read',
    columns: [
      ['tickets without an answer', (m) => m.ticketsNoConfidentAnswer],
      ['rate', (m) => cell(m.noConfidentAnswerRate, 'share')],
      ['previous range', (_, p) => cell(p.noConfidentAnswerRate, 'share')],
    ],
  },
  {
    id: 'searches',
    heading: 'Manual searches that ended in an insert',
    kind: 'share',
    value: (m) => m.manualSearchInsertRate,
    unit: 'searches',
    columns: [
      ['manual searches', (m) => m.manualSearches],
      ['ended in an insert', (m) => m.manualSearchesInserted],
      ['share', (m) => cell(m.manualSearchInsertRate, 'share')],
      ['previous range', (_, p) => cell(p.manualSearchInsertRate, 'share')],
    ],
  },
  {
    id: 'time',
    heading: 'Time from reading the ticket to insert (median; 90th percentile in the table)',
    kind: 'ms',
    value: (m) => m.msToInsert.median,
    unit: 'timed inserts',
    columns: [
      ['timed inserts', (m) => m.msToInsert.median.n],
      ['median', (m) => cell(m.msToInsert.median, 'ms')],
      ['90th percentile', (m) => cell(m.msToInsert.p90, 'ms')],
      ['median, previous range', (_, p) => cell(p.msToInsert.median, 'ms')],
    ],
  },
];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  entry: 'entry',
  agent: 'agent',
  helpdesk: 'helpdesk',
  tag: 'tag',
  locale: 'language',
  week: 'week',
};

export const groupLabel = (row: GroupRow): string => (row.label ? `${row.label} (${row.key})` : row.key);

const noteOf = (v: Measure | number, minSample: number): string =>
  typeof v === 'number' ? '' : v.status === 'empty' ? 'no data' : v.status === 'small' ? `small sample (< ${minSample})` : '';

/** The table beside a metric's chart: one row per group, the metric's columns, the sample note. */
export function panelTable(panel: MetricPanel, dimension: Dimension, report: Report): ReportTable {
  return {
    name: `${panel.id} by ${dimension}`,
    columns: [DIMENSION_LABELS[dimension], ...panel.columns.map(([name]) => name), 'sample'],
    rows: report.by[dimension].map((r) => [groupLabel(r), ...panel.columns.map(([, f]) => f(r.current, r.previous)), noteOf(panel.value(r.current), report.minSample)]),
  };
}

/** The value a chart draws for a group, or null when it rests on too small a sample (or none). */
export function drawable(v: Measure | number): number | null {
  if (typeof v === 'number') return v;
  return v.status === 'ok' ? v.value : null;
}

export function editTable(report: Report): ReportTable {
  return {
    name: 'edit ratio distribution',
    columns: ['edit ratio', 'inserts', 'previous range'],
    rows: report.totals.editRatio.histogram.map((b, i) => [b.label, b.count, report.previousTotals.editRatio.histogram[i]!.count]),
  };
}

export function mostEditedTable(report: Report): ReportTable {
  return {
    name: 'most edited entries',
    columns: ['entry', 'inserts', 'mean edit ratio', 'median edit ratio', 'sample'],
    rows: report.mostEdited.map((e) => [
      e.title ? `${e.title} (${e.entryId})` : e.entryId,
      e.inserts,
      pct(e.meanEditRatio.value),
      pct(e.medianEditRatio.value),
      noteOf(e.meanEditRatio, report.minSample),
    ]),
  };
}

export const REASON_LABELS: Record<(typeof REJECT_REASONS)[number], string> = {
  wrong_topic: 'wrong topic',
  outdated: 'outdated',
  incomplete: 'incomplete',
  tone: 'tone',
  other: 'other',
};

export function reasonsTable(report: Report): ReportTable {
  return {
    name: 'rejections by reason',
    columns: ['reason', 'rejections', 'previous range'],
    rows: REJECT_REASONS.map((r) => [REASON_LABELS[r], report.totals.rejectionsByReason[r], report.previousTotals.rejectionsByReason[r]]),
  };
}

/** Week by week: the shares a trainer follows, each blank in weeks with too small a sample. */
export function weeksTable(report: Report): ReportTable {
  return {
    name: 'trend by week',
    columns: ['week', 'tickets shown', 'acceptance', 'rejection rate', 'no-confident-answer rate', 'median time to insert', 'sample'],
    rows: report.by.week.map((w) => [
      w.key,
      w.current.ticketsShown,
      cell(w.current.acceptance, 'share'),
      cell(w.current.rejectionRate, 'share'),
      cell(w.current.noConfidentAnswerRate, 'share'),
      cell(w.current.msToInsert.median, 'ms'),
      noteOf(w.current.acceptance, report.minSample),
    ]),
  };
}
