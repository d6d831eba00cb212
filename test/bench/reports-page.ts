// First: imports run in order, and the schemas below must be built under it.
import './zod-jitless.ts';
import { Dexie } from 'dexie';
import { openKnowledgeDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, type KnowledgeDb } from '../../knowledge/store/db.ts';
import { storeParsedFiles } from '../../knowledge/store/event-import.ts';
import { parseEventsJsonl } from '../../knowledge/reports/jsonl.ts';
import { loadEventColumns } from '../../knowledge/store/report-columns.ts';
import { columnReport } from '../../knowledge/reports/column-report.ts';
import type { EventColumns } from '../../knowledge/reports/columns.ts';
import type { Dimension } from '../../knowledge/reports/report.ts';
import { gapTopicsOf } from '../../knowledge/reports/gaps.ts';
import { compareColumnRanges } from '../../knowledge/reports/before-after.ts';
import { syntheticEntries, syntheticEvents } from './synthetic-events.ts';

/**
 * Bundled by test/bench/reports.ts (esbuild) and evaluated in an extension page of the built
 * extension in Chromium: the same store and report code the dashboard runs, timed there.
 */
const state: { files: { name: string; text: string }[]; db?: KnowledgeDb; columns?: EventColumns } = { files: [] };
const entries = syntheticEntries();

(globalThis as unknown as { reportsBench: unknown }).reportsBench = {
  /** `files` NDJSON files of `perFile` events (not timed: the trainer's files as the page reads them). */
  makeFiles(files: number, perFile: number): number {
    state.files = Array.from({ length: files }, (_, f) => ({
      name: `agent-${f}.ndjson`,
      text: syntheticEvents(f * perFile, perFile, files * perFile).map((e) => `${JSON.stringify(e)}\n`).join(''),
    }));
    return state.files.reduce((n, f) => n + f.text.length, 0);
  },
  /** importEventFilesToStore in its two steps, each timed: parse and check every line, then dedupe and store. */
  async importFiles(): Promise<{ parseMs: number; storeMs: number; added: number; duplicates: number; errors: number }> {
    await Dexie.delete('bench-reports');
    state.db = openKnowledgeDb('bench-reports');
    const t0 = performance.now();
    const parsed = state.files.map(parseEventsJsonl);
    const t1 = performance.now();
    const out = await storeParsedFiles(state.db, parsed);
    const t2 = performance.now();
    state.files = [];
    return { parseMs: t1 - t0, storeMs: t2 - t1, added: out.added, duplicates: out.duplicates, errors: out.errors.length };
  },
  async loadColumns(): Promise<{ ms: number; n: number }> {
    const t0 = performance.now();
    state.columns = await loadEventColumns(state.db!);
    return { ms: performance.now() - t0, n: state.columns.n };
  },
  /** One report over the loaded columns; `days` before the last event's day. */
  report(days: number, dimensions: Dimension[]): { ms: number; ticketsShown: number; rows: number } {
    const c = state.columns!;
    const end = Math.floor(c.time[c.n - 1]! / 86_400_000 + 1) * 86_400_000;
    const range = { from: new Date(end - days * 86_400_000).toISOString(), to: new Date(end).toISOString() };
    const t0 = performance.now();
    const r = columnReport(c, range, { entries, dimensions });
    return { ms: performance.now() - t0, ticketsShown: r.totals.ticketsShown, rows: dimensions.reduce((n, d) => n + r.by[d].length, 0) };
  },
  /**
   * The dashboard's other two views (report-engine.ts), from the loaded columns: gaps over the last
   * `days` days, and before and after (that range against the one before it, without a pilot group).
   */
  eventsViews(days: number): { gapsMs: number; topics: number; compareMs: number; compared: number } {
    const c = state.columns!;
    const end = Math.floor(c.time[c.n - 1]! / 86_400_000 + 1) * 86_400_000;
    const iso = (t: number) => new Date(t).toISOString();
    const range = { from: iso(end - days * 86_400_000), to: iso(end) };
    const before = { from: iso(end - 2 * days * 86_400_000), to: range.from };
    const t0 = performance.now();
    const gaps = gapTopicsOf(c, range);
    const t1 = performance.now();
    const compared = compareColumnRanges(c, before, range);
    const t2 = performance.now();
    return { gapsMs: t1 - t0, topics: gaps.topics.length, compareMs: t2 - t1, compared: compared.metrics.length };
  },
  /** A version-3 database of `n` events (without ids, as version 3 kept the oldest); not timed. */
  async prepareUpgrade(n: number): Promise<void> {
    await Dexie.delete('bench-upgrade');
    const old = new Dexie('bench-upgrade');
    old.version(3).stores({ ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3 });
    for (let i = 0; i < n; i += 10_000) await old.table('events').bulkAdd(syntheticEvents(i, Math.min(10_000, n - i), n).map(({ eventId: _e, installId: _i, ...e }) => e));
    old.close();
  },
  /** The timed open that upgrades the prepared database to version 4. */
  async upgrade(): Promise<{ ms: number; kept: number; withIds: number }> {
    const t0 = performance.now();
    const db = openKnowledgeDb('bench-upgrade');
    await db.open();
    const ms = performance.now() - t0;
    const [kept, withIds] = [await db.events.count(), await db.events.where('eventId').above('').count()];
    db.close();
    await Dexie.delete('bench-upgrade');
    return { ms, kept, withIds };
  },
  async cleanup(): Promise<void> {
    state.db?.close();
    state.columns = undefined;
    await Dexie.delete('bench-reports');
  },
};
