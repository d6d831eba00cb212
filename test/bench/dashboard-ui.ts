import type { Page } from 'playwright-core';
import type { Entry } from '../../knowledge/entry';
import { importInDashboard, knowledgeFile } from '../e2e/dashboard-seed';
import { ensureDemoBuild, launchWithExtension, openDashboard } from '../e2e/harness';
import { percentile } from './measure';
import { generateEntries } from './synthetic';
import type { BenchTable } from './table';

/**
 * The dashboard's knowledge list in headless Chromium with the built (demo) extension: 10k
 * generated entries imported through the dashboard's Import section, then the list opened,
 * searched one keystroke at a time, filtered, sorted and selected. Wall-clock times of the page's
 * own work: each measure starts in the page just before the input and ends when the next frame
 * after React's update has been drawn. Printed, never asserted.
 */
const KB_SIZE = 10_000;
const MARKS = { rowsRead: 'knowledge-list:rows-read', searchReady: 'knowledge-list:search-ready', duplicateScan: 'knowledge-list:duplicate-scan' };

function entries(n: number): Entry[] {
  const statuses = ['approved', 'approved', 'approved', 'draft', 'in_review', 'archived'] as const;
  return generateEntries(n).map((e, i) => ({
    ...e,
    status: statuses[i % statuses.length]!,
    owner: i % 13 === 0 ? '' : e.owner,
    reviewBy: i % 7 === 0 ? '2026-01-01' : e.reviewBy,
    locale: i % 11 === 0 ? 'de' : e.locale,
  }));
}

type Act = { kind: 'type'; value: string } | { kind: 'select'; testId: string; value: string } | { kind: 'click'; testId: string };

/**
 * Does `act` in the page and resolves with the ms from just before it to the frame after React
 * drew its result. (No eval: the extension page's CSP forbids it, so the acts are spelled out.)
 */
async function timed(page: Page, act: Act): Promise<number> {
  return page.evaluate(async (a) => {
    const t0 = performance.now();
    if (a.kind === 'click') document.querySelector<HTMLElement>(`[data-testid="${a.testId}"]`)!.click();
    else {
      // The value setter + an input/change event: how React notices a typed or chosen value.
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${a.kind === 'type' ? 'list-search' : a.testId}"]`)!;
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!.call(el, a.value);
      el.dispatchEvent(new Event(a.kind === 'type' ? 'input' : 'change', { bubbles: true }));
    }
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, act);
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? 0 };
};

export async function run(options: { quick?: boolean } = {}): Promise<BenchTable[]> {
  const n = options.quick ? 2_000 : KB_SIZE;
  await ensureDemoBuild();
  const ext = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await openDashboard(ext, '#import');
    const importStarted = Date.now();
    await importInDashboard(page, await knowledgeFile(`list-${n}`, entries(n)));
    const importMs = Date.now() - importStarted;

    // Open the page fresh: read the store, draw the list, then build the search index and scan for duplicates.
    const opens: { open: number; render: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(page.url().replace(/#.*$/, '') + '#knowledge');
      await page.reload();
      const t = await page.evaluate(async (rowsRead) => {
        // (Loops, not named helpers: tsx would wrap those in a __name the page does not have.)
        while (!document.querySelector('[data-testid="knowledge-table"] tbody tr')) await new Promise((r) => requestAnimationFrame(r));
        const drawn = performance.now();
        const mark = performance.getEntriesByName(rowsRead)[0];
        return { open: drawn, render: mark ? drawn - mark.startTime : NaN };
      }, MARKS.rowsRead);
      opens.push(t);
    }
    await page.getByTestId('list-count').getByText(`${n.toLocaleString('en')} entries.`, { exact: true }).waitFor();
    const background = await page.evaluate(
      async ({ searchReady, duplicateScan, rowsRead }) => {
        while (!performance.getEntriesByName(searchReady).length || !performance.getEntriesByName(duplicateScan).length) await new Promise((r) => setTimeout(r, 50));
        const rows = performance.getEntriesByName(rowsRead)[0]!.startTime;
        return { index: performance.getEntriesByName(searchReady)[0]!.startTime - rows, scan: performance.getEntriesByName(duplicateScan)[0]!.duration };
      },
      { ...MARKS },
    );
    await page.getByTestId('list-search').waitFor();
    await page.waitForFunction(() => !document.querySelector('.list-note'));

    // One keystroke at a time, as a lead types: words the knowledge has, a half word, a typo.
    const queries = ['refund', 'delivery times', 'pasword reset', 'gift card balance', 'warranty claim'];
    const keystrokes: number[] = [];
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) keystrokes.push(await timed(page, { kind: 'type', value: q.slice(0, i) }));
      keystrokes.push(await timed(page, { kind: 'type', value: '' }));
    }
    const filters: number[] = [];
    for (const [testId, value] of [
      ['filter-owner', ''],
      ['filter-owner', '\u0000any'],
      ['filter-review', 'overdue'],
      ['filter-review', '\u0000any'],
      ['filter-not-suggested', '*'],
      ['filter-not-suggested', '\u0000any'],
    ] as const) {
      filters.push(await timed(page, { kind: 'select', testId, value }));
    }
    for (const testId of ['filter-status-draft', 'filter-status-draft', 'filter-never', 'filter-never']) filters.push(await timed(page, { kind: 'click', testId }));
    const sorts: number[] = [];
    for (const col of ['title', 'owner', 'reviewBy', 'updatedAt', 'shown']) sorts.push(await timed(page, { kind: 'click', testId: `sort-${col}` }));
    const selectAll = [await timed(page, { kind: 'click', testId: 'select-all' }), await timed(page, { kind: 'click', testId: 'select-all' })];
    const scroll = await page.evaluate(async () => {
      const box = document.querySelector('[data-testid="list-scroll"]')!;
      const times: number[] = [];
      for (let i = 1; i <= 20; i++) {
        const t0 = performance.now();
        box.scrollTop = (box.scrollHeight * i) / 21;
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        times.push(performance.now() - t0);
      }
      return times;
    });

    const o = stats(opens.map((x) => x.open));
    const r = stats(opens.map((x) => x.render));
    const k = stats(keystrokes);
    const f = stats(filters);
    const s = stats(sorts);
    const a = stats(selectAll);
    const sc = stats(scroll);
    return [
      {
        title: `Knowledge list in Chromium, ${n.toLocaleString('en')} entries (dashboard, built extension)`,
        columns: ['measure', 'runs', 'p50 ms', 'p95 ms', 'max ms'],
        rows: [
          ['rows read -> list drawn (React render + first frame)', r.n, r.p50, r.p95, r.max],
          ['page opened -> list drawn (IndexedDB read, health, list)', o.n, o.p50, o.p95, o.max],
          ['search, per keystroke (search + filter + draw)', k.n, k.p50, k.p95, k.max],
          ['filter (status, owner, review, flags), per change', f.n, f.p50, f.p95, f.max],
          ['sort by a column header', s.n, s.p50, s.p95, s.max],
          ['select all / clear', a.n, a.p50, a.p95, a.max],
          ['scroll a screen (virtual rows drawn)', sc.n, sc.p50, sc.p95, sc.max],
        ],
        notes: [
          `Targets (issue 7): the list of 10k rendered < 300 ms, filtered < 50 ms per keystroke. Keystrokes: ${queries.map((q) => `"${q}"`).join(', ')}, each typed one character at a time, then cleared.`,
          `After the list is drawn, in steps between frames: the search index (agents' engine, every status) ready ${background.index.toFixed(0)} ms after the rows were read; the duplicate scan took ${background.scan.toFixed(0)} ms in one piece.`,
          `Import of the ${n.toLocaleString('en')} entries through the dashboard's Import section (setup, not a list measure): ${(importMs / 1000).toFixed(1)} s. No events recorded: the use columns are all 0 (buildList's cost with events is in the dashboard bench).`,
        ],
      },
    ];
  } finally {
    await ext.close();
  }
}
