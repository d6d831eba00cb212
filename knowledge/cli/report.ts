import { readFile } from 'node:fs/promises';
import { importEventFiles } from '../reports/jsonl.ts';
import { buildReport, type DateRange, type Dimension, type EntryInfo, type GroupRow } from '../reports/report.ts';
import type { Metrics } from '../reports/metrics.ts';
import { reportTables, tableToCsv, type ReportTable } from '../reports/tables.ts';
import { loadKnowledge, parseCommandArgs, UsageError, UserError, type CliIO } from './io.ts';

export const usage =
  'report --events <files…> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by entry|agent|tag|week] [--format table|csv|json] [--kb <file|folder>]';

export const help = `The trainers' report from "Export my events" files (NDJSON, any number, from any number of agents):
merged by eventId, so an event given twice (in one file or two) counts once.
  --from, --to  the range, both days included (UTC); default: the first to the last event's day.
                Every number is also given for the range of the same length before it.
  --by          one more table: per entry, agent, tag or ISO week (tag needs --kb: events name entries by id only)
  --format      table (default), csv (the --by table, else the totals), or json: one object whose
                totals hold ticketsShown, ticketsInserted, acceptance, rejected, noConfidentAnswer,
                medianMsToInsert and more
  --kb          the knowledge (any importable format): entry titles and tags
A file with a bad line is left out whole (every bad line is named by file and line on stderr, exit 1);
the report is made from the other files.`;

const BY = ['entry', 'agent', 'tag', 'week'] as const satisfies readonly Dimension[];
const FORMATS = ['table', 'csv', 'json'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function day(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const t = DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) throw new UsageError(`--${name} ${value}: not a date (YYYY-MM-DD)`);
  return t;
}

const iso = (t: number) => new Date(t).toISOString();
const startOfDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** The flat numbers of one set of metrics: what --format json gives for the totals and each row. */
export function summary(m: Metrics) {
  return {
    events: m.events,
    ticketsShown: m.ticketsShown,
    ticketsInserted: m.ticketsInserted,
    acceptance: m.acceptance.value,
    inserts: m.inserts,
    firstSuggestionShare: m.firstSuggestionShare.value,
    copies: m.copies,
    rejected: m.rejections,
    rejectionRate: m.rejectionRate.value,
    rejectionsByReason: m.rejectionsByReason,
    flags: m.flags,
    noConfidentAnswer: m.ticketsNoConfidentAnswer,
    noConfidentAnswerRate: m.noConfidentAnswerRate.value,
    manualSearches: m.manualSearches,
    manualSearchesInserted: m.manualSearchesInserted,
    medianEditRatio: m.editRatio.median.value,
    meanEditRatio: m.editRatio.mean.value,
    medianMsToInsert: m.msToInsert.median.value,
    p90MsToInsert: m.msToInsert.p90.value,
    /** "small": fewer tickets (or inserts with a time) than the minimum sample: read as an anecdote. */
    sample: m.acceptance.status === 'ok' ? 'ok' : m.acceptance.status,
  };
}

/** Plain aligned columns; numbers right-aligned. */
function textTable(t: ReportTable): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map((c) => (typeof c === 'number' && !Number.isInteger(c) ? c.toFixed(3) : String(c))))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const numeric = t.columns.map((_, i) => t.rows.length > 0 && t.rows.every((r) => typeof r[i] === 'number' || r[i] === ''));
  return [`${t.name}:`, ...cells.map((r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())].join('\n');
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    events: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    by: { type: 'string' },
    format: { type: 'string' },
    kb: { type: 'string', multiple: true },
  });
  const paths = [...(values.events ?? []), ...positionals];
  if (!values.events?.length) throw new UsageError('--events: give at least one events file');
  const by = values.by as Dimension | undefined;
  if (by !== undefined && !(BY as readonly string[]).includes(by)) throw new UsageError(`--by ${by}: use one of ${BY.join(', ')}`);
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${values.format}: use one of ${FORMATS.join(', ')}`);
  if (by === 'tag' && !values.kb?.length) throw new UsageError('--by tag needs --kb: events name entries by id only, their tags are in the knowledge');
  let from = day(values.from, 'from');
  const toDay = day(values.to, 'to');
  if (from !== undefined && toDay !== undefined && toDay < from) throw new UsageError(`--to ${values.to} is before --from ${values.from}`);

  const files = await Promise.all(
    paths.map(async (name) => {
      const text = await readFile(name, 'utf8').catch(() => {
        throw new UserError(`${name}: no such file`);
      });
      return { name, text };
    }),
  );
  const merged = importEventFiles(files);
  for (const e of merged.errors) io.err(e);
  const left = merged.files.filter((f) => f.errors.length).map((f) => f.name);
  if (left.length) io.err(`left out (each file is taken whole or not at all): ${left.join(', ')}`);

  // merged events are in time order
  const first = merged.events.length ? Date.parse(merged.events[0]!.at) : undefined;
  const last = merged.events.length ? Date.parse(merged.events.at(-1)!.at) : undefined;
  if (from === undefined) from = startOfDay(first ?? Date.now());
  // --to names the last day included; the report's bound is the next midnight.
  const to = toDay !== undefined ? toDay + DAY_MS : last !== undefined ? startOfDay(last) + DAY_MS : from + DAY_MS;
  const range: DateRange = { from: iso(from), to: iso(Math.max(to, from + DAY_MS)) };
  const entries: EntryInfo[] = values.kb?.length ? (await loadKnowledge(values.kb)).entries : [];
  const report = buildReport(merged.events, range, { entries, dimensions: by ? [by] : [] });
  const code = merged.errors.length ? 1 : 0;

  if (format === 'json') {
    const row = (r: GroupRow) => ({ key: r.key, ...(r.label ? { label: r.label } : {}), ...summary(r.current), previous: summary(r.previous) });
    io.out(
      JSON.stringify(
        {
          range: report.range,
          previousRange: report.previousRange,
          files: merged.files.map((f) => ({ name: f.name, lines: f.lines, events: f.events.length, errors: f.errors.length })),
          events: merged.events.length,
          duplicates: merged.duplicates,
          minSample: report.minSample,
          empty: report.empty,
          totals: summary(report.totals),
          previousTotals: summary(report.previousTotals),
          ...(by ? { by, rows: report.by[by].map(row) } : {}),
        },
        null,
        2,
      ),
    );
    return code;
  }
  const tables = reportTables(report);
  const chosen = tables.find((t) => t.name === (by ? `by ${by}` : 'totals'))!;
  if (format === 'csv') {
    io.out(tableToCsv(chosen).replace(/\r\n$/, ''));
    return code;
  }
  io.out(`${merged.events.length} events from ${files.length - left.length} of ${files.length} files (${merged.duplicates} duplicates counted once); range ${range.from.slice(0, 10)} to ${iso(Date.parse(range.to) - DAY_MS).slice(0, 10)}`);
  if (report.empty) io.out('No events in this range.');
  const t = report.totals;
  const p = report.previousTotals;
  const v = (x: number | null, digits = 3) => (x === null ? '-' : Number.isInteger(x) ? String(x) : x.toFixed(digits));
  const lines: [string, string, string][] = [
    ['tickets shown a suggestion', v(t.ticketsShown), v(p.ticketsShown)],
    ['tickets with an insert', v(t.ticketsInserted), v(p.ticketsInserted)],
    ['acceptance', v(t.acceptance.value), v(p.acceptance.value)],
    ['rejections', v(t.rejections), v(p.rejections)],
    ['tickets with no confident answer', v(t.ticketsNoConfidentAnswer), v(p.ticketsNoConfidentAnswer)],
    ['median ms from read to insert', v(t.msToInsert.median.value, 0), v(p.msToInsert.median.value, 0)],
    ['p90 ms from read to insert', v(t.msToInsert.p90.value, 0), v(p.msToInsert.p90.value, 0)],
    ['median edit ratio', v(t.editRatio.median.value), v(p.editRatio.median.value)],
  ];
  io.out(textTable({ name: 'totals', columns: ['', 'this range', 'range before'], rows: lines }));
  if (t.acceptance.status === 'small') io.out(`(small sample: fewer than ${report.minSample} tickets; read the rates as anecdotes)`);
  if (by) io.out(`\n${textTable(chosen)}`);
  return code;
}
