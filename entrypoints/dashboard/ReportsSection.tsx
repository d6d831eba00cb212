import { useEffect, useId, useMemo, useState } from 'react';
import { BeforeAfterView } from '@/components/reports/BeforeAfterView';
import { count } from '@/components/reports/format';
import { GapsView } from '@/components/reports/GapsView';
import { dayOf, describeRange, RangePicker, rangeOf, type RangeChoice } from '@/components/reports/RangePicker';
import { ReportView } from '@/components/reports/ReportView';
import { TeamData } from '@/components/reports/TeamData';
import type { BeforeAfter, Pilot } from '@/knowledge/reports/before-after';
import type { GapsReport, GapTopic } from '@/knowledge/reports/gaps';
import type { DateRange, Dimension, Report } from '@/knowledge/reports/report';
import { exportEventChunks, exportFileName } from '@/knowledge/store/event-files';
import { getSettings, type Settings } from '@/knowledge/store/settings';
import type { DashboardApi } from './api';
import { storeReportsEngine, type CompareRequest, type ReportsEngine } from './report-engine';
import { routeHash } from './route';

type Loading = { state: 'reading'; done: number; total: number } | { state: 'ready'; events: number; at: number } | { state: 'error'; error: string };
type Computed = { report: Report; gaps: GapsReport; by: Dimension } | { error: string };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const splitList = (s: string) => [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))];

/** "Draft an entry" from a gap topic: the editor's new entry, its title and an example question from the topic's terms. */
export function draftHref(topic: GapTopic): string {
  return routeHash({ section: 'new-entry', prefill: { title: topic.terms.slice(0, 4).join(' '), questions: [topic.terms.join(' ')] } });
}

/**
 * The trainers' reports: what agents use, edit and reject, where knowledge is missing, and
 * whether a change helped. Events are read and counted by a Web Worker of this page
 * (reports-worker.ts; the store itself in tests): the page stays responsive and shows progress.
 */
export function ReportsSection({ api, now: fixedNow }: { api: DashboardApi; now?: Date }) {
  const now = useMemo(() => fixedNow ?? new Date(), [fixedNow]);
  // Made and disposed in an effect (not a memo): a remount (StrictMode's, or the route's) gets a live worker.
  const [engine, setEngine] = useState<ReportsEngine>();
  useEffect(() => {
    const made = api.reports?.() ?? storeReportsEngine(api.db);
    setEngine(made);
    return () => made.dispose();
  }, [api]);
  const [reads, setReads] = useState(0);
  const [loading, setLoading] = useState<Loading>({ state: 'reading', done: 0, total: 0 });
  const [choice, setChoice] = useState<RangeChoice>({ preset: 30 });
  const [by, setBy] = useState<Dimension>('entry');
  const [computed, setComputed] = useState<Computed>();
  const [settings, setSettings] = useState<Settings>();
  const range = useMemo(() => rangeOf(choice, now), [choice, now]);

  useEffect(() => {
    if (!engine) return;
    let live = true;
    setLoading({ state: 'reading', done: 0, total: 0 });
    const t0 = performance.now();
    engine.load((done, total) => live && setLoading({ state: 'reading', done, total })).then(
      (r) => live && setLoading({ state: 'ready', events: r.events, at: performance.now() - t0 }),
      (err: unknown) => live && setLoading({ state: 'error', error: `Could not read the events: ${message(err)}` }),
    );
    getSettings(api.db).then((s) => live && setSettings(s), () => undefined);
    return () => {
      live = false;
    };
  }, [api, engine, reads]);

  const ready = loading.state === 'ready';
  useEffect(() => {
    if (!ready || !engine) return;
    let live = true;
    setComputed(undefined);
    Promise.all([engine.report(range, [...new Set([by, 'week' as const])]), engine.gaps(range)]).then(
      ([report, gaps]) => live && setComputed({ report, gaps, by }),
      (err: unknown) => live && setComputed({ error: `Could not compute the report: ${message(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [engine, ready, range, by]);

  const download = (name: string, csv: string) => api.download(name, csv, 'text/csv');
  return (
    <section aria-labelledby="reports-heading" className="reports">
      <h2 id="reports-heading">Reports</h2>
      <RangePicker choice={choice} now={now} onChange={setChoice} />
      <p className="muted" data-testid="range-described">
        {describeRange(range)}, compared with the {Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000)} days before.{' '}
        {ready ? `${count(loading.events)} events stored in this browser.` : ''}{' '}
        <button type="button" onClick={() => setReads((r) => r + 1)} disabled={!ready}>
          Read the events again
        </button>
      </p>
      {loading.state === 'reading' ? (
        <p role="status" data-testid="reports-progress">
          Reading the events{loading.total ? `: ${count(loading.done)} of ${count(loading.total)}` : '\u2026'}{' '}
          <progress max={loading.total || 1} value={loading.done} aria-label="Events read" />
        </p>
      ) : loading.state === 'error' ? (
        <p className="notice notice-error">{loading.error}</p>
      ) : !computed ? (
        <p role="status" data-testid="reports-progress">
          Counting {count(loading.events)} events{'\u2026'}
        </p>
      ) : 'error' in computed ? (
        <p className="notice notice-error">{computed.error}</p>
      ) : (
        <div data-testid="report">
          <ReportView report={computed.report} by={computed.by} onBy={setBy} onDownload={download} />
          <h2 id="gaps-heading">Gaps: where the knowledge has no answer</h2>
          <GapsView gaps={computed.gaps} draftHref={draftHref} onDownload={download} />
        </div>
      )}
      <h2>Before and after</h2>
      {ready ? <BeforeAfterForm key={`${range.from} ${range.to}`} range={range} pilotTags={settings?.pilot.tags ?? []} compare={(req) => engine!.compare(req)} onDownload={download} /> : <p className="muted">Waiting for the events to be read.</p>}
      <TeamData
        onExport={async () => {
          const parts: string[] = [];
          let events = 0;
          for await (const chunk of exportEventChunks(api.db)) {
            parts.push(chunk);
            events += chunk.split('\n').length - 1;
          }
          const fileName = exportFileName((await getSettings(api.db)).installId);
          api.download(fileName, parts.join(''), 'application/x-ndjson');
          return { events, fileName };
        }}
        onImport={async (files) => {
          if (!engine) throw new Error('The reports are still starting.');
          const result = await engine.importFiles(files);
          if (result.added) setReads((r) => r + 1);
          return result;
        }}
      />
    </section>
  );
}

interface FormProps {
  range: DateRange;
  pilotTags: string[];
  compare: (req: CompareRequest) => Promise<BeforeAfter>;
  onDownload: (name: string, csv: string) => void;
}

const DAY = 86_400_000;
const inclusiveEnd = (to: string) => dayOf(Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - DAY);
const exclusiveEnd = (day: string) => dayOf(Date.parse(`${day}T00:00:00Z`) + DAY);

/** Pick two periods, or a pilot group within the range; each metric comes back with its interval. */
function BeforeAfterForm({ range, pilotTags, compare, onDownload }: FormProps) {
  const id = useId();
  const previousFrom = dayOf(Date.parse(`${range.from}T00:00:00Z`) - (Date.parse(range.to) - Date.parse(range.from)));
  const [mode, setMode] = useState<'periods' | 'pilot'>('periods');
  const [periods, setPeriods] = useState({ baseFrom: previousFrom, baseTo: inclusiveEnd(range.from), compFrom: range.from, compTo: inclusiveEnd(range.to) });
  const [tags, setTags] = useState(pilotTags.join(', '));
  const [entryIds, setEntryIds] = useState('');
  const [onlyPilot, setOnlyPilot] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ value: BeforeAfter; names: { baseline: string; comparison: string } } | { error: string }>();
  useEffect(() => setTags((t) => t || pilotTags.join(', ')), [pilotTags]);
  const pilot: Pilot = { tags: splitList(tags), entryIds: splitList(entryIds) };
  const run = async () => {
    setBusy(true);
    try {
      if (mode === 'pilot') {
        if (!pilot.tags!.length && !pilot.entryIds!.length) throw new Error('Name the pilot\u2019s tags or entries.');
        setResult({ value: await compare({ kind: 'pilot', range, pilot }), names: { baseline: 'other tickets', comparison: 'pilot' } });
      } else {
        const baseline = { from: periods.baseFrom, to: exclusiveEnd(periods.baseTo) };
        const comparison = { from: periods.compFrom, to: exclusiveEnd(periods.compTo) };
        if (baseline.from >= baseline.to || comparison.from >= comparison.to) throw new Error('Each period must end on or after the day it starts.');
        const value = await compare({ kind: 'periods', baseline, comparison, ...(onlyPilot ? { pilot } : {}) });
        setResult({ value, names: { baseline: 'baseline', comparison: 'comparison' } });
      }
    } catch (err) {
      setResult({ error: message(err) });
    } finally {
      setBusy(false);
    }
  };
  const date = (key: keyof typeof periods, label: string) => (
    <label>
      {label}{' '}
      <input type="date" data-testid={`ba-${key}`} value={periods[key]} onChange={(e) => e.target.value && setPeriods({ ...periods, [key]: e.target.value })} />
    </label>
  );
  return (
    <div className="before-after" data-testid="before-after-form">
      <fieldset>
        <legend>Compare</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'periods'} onChange={() => setMode('periods')} /> a baseline period with a later period
        </label>{' '}
        <label>
          <input type="radio" name={`${id}-mode`} data-testid="ba-mode-pilot" checked={mode === 'pilot'} onChange={() => setMode('pilot')} /> a pilot group with the other tickets of the range
        </label>
      </fieldset>
      {mode === 'periods' ? (
        <p>
          Baseline {date('baseFrom', 'from')} {date('baseTo', 'to')}; comparison {date('compFrom', 'from')} {date('compTo', 'to')}{' '}
          <label>
            <input type="checkbox" checked={onlyPilot} onChange={(e) => setOnlyPilot(e.target.checked)} /> only the pilot group&rsquo;s tickets
          </label>
        </p>
      ) : null}
      {mode === 'pilot' || onlyPilot ? (
        <p>
          <label>
            Pilot tags <input data-testid="ba-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="returns, shipping, refunds" />
          </label>{' '}
          <label>
            or entry ids <input data-testid="ba-entries" value={entryIds} onChange={(e) => setEntryIds(e.target.value)} />
          </label>
        </p>
      ) : null}
      <button type="button" className="primary" data-testid="ba-run" disabled={busy} onClick={() => void run()}>
        {busy ? 'Comparing\u2026' : 'Compare'}
      </button>
      {busy ? (
        <span role="status" className="muted">
          {' '}
          Resampling 2,000 times for each interval{'\u2026'}
        </span>
      ) : null}
      {result && 'error' in result ? <p className="notice notice-error">{result.error}</p> : null}
      {result && 'value' in result ? <BeforeAfterView result={result.value} names={result.names} onDownload={onDownload} /> : null}
    </div>
  );
}
