import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cpus, loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { MAX_IMPORT_ENTRIES, type Entry } from '../../knowledge/entry';
import { startDemoHelpdesk } from '../demo/server';
import { loadSampleTickets } from '../demo/tickets';
import { ensureDemoBuild, launchWithExtension, openDashboard, openRealPanel, tabIdOf, type Launched } from '../e2e/harness';
import { percentile } from './measure';
import pack from '../../knowledge/sample/pack.json';
import { generateEntries } from './synthetic';
import type { BenchTable } from './table';
import { pollUntil } from '../e2e/poll';
import { pageCaller, startProfile, stopProfile, topSelfTime, type Call } from './cpu-profile';
import { storeFloor } from './store-floor';

/**
 * What agents meet, in headless Chromium with the demo build and the real side panel, at 10k and
 * 100k entries: the import through the dashboard, warm tickets, cold tickets (the service worker
 * stopped over CDP before each, as Chrome stops an idle worker after about 30 s), where a cold
 * start spends its time, the worker's heap after GC and the origin's IndexedDB size.
 * `npm run bench -- --only cold [--quick]` (--quick: 10k only).
 */

/** Entries per imported file: each file stays well under the check's 50 MB per file. */
const FILE_ENTRIES = 25_000;

interface ChromeLike {
  runtime: { onMessage: { addListener(fn: (m: { type?: string; data?: { ticket?: { id?: string }; readAt?: number } }) => void): void } };
}
declare const chrome: ChromeLike;

/** Tickets the panel shows with the sample knowledge, before the import (the last sample tickets; the warm and cold ones come from the front). */
const PANEL_FIRST = 3;

/** The sample knowledge alone, as a file: imported before the measured import. */
async function sampleFile(): Promise<string> {
  const dir = path.resolve('.e2e-tmp/bench-cold');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'sample-knowledge.json');
  await writeFile(file, JSON.stringify({ format: 'agent-assist/knowledge', schemaVersion: 1, entries: pack.entries }));
  return file;
}

async function knowledgeFiles(size: number): Promise<string[]> {
  const entries = [...(pack.entries as Entry[]), ...generateEntries(size)].sort((a, b) => (a.id < b.id ? -1 : 1));
  const dir = path.resolve('.e2e-tmp/bench-cold');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < entries.length; i += FILE_ENTRIES) {
    const file = path.join(dir, `knowledge-${entries.length}-${files.length + 1}.json`);
    await writeFile(file, JSON.stringify({ format: 'agent-assist/knowledge', schemaVersion: 1, entries: entries.slice(i, i + FILE_ENTRIES) }));
    files.push(file);
  }
  return files;
}

/**
 * Through the dashboard's import wizard (the path a team lead uses): choose the files, wait for the
 * check and its dry run, import, wait for "Imported:". Returns [check ms, import ms, of which writing the batches ms].
 */
async function importThroughDashboard(ext: Launched, panel: Page, files: string[]): Promise<[number, number, number]> {
  const session = process.env.BENCH_PROFILE ? await panel.context().newCDPSession(panel) : undefined;
  const profile = session ? pageCaller(session) : undefined;
  if (profile) await startProfile(profile);
  const t0 = Date.now();
  await panel.getByTestId('import-file').setInputFiles(files);
  await panel.getByTestId('import-apply').waitFor({ timeout: 600_000 });
  await panel.waitForFunction(() => !(document.querySelector('[data-testid=import-apply]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 600_000 });
  const t1 = Date.now();
  const worker = profile ? await workerCaller(ext) : undefined;
  if (profile) {
    console.log(['panel, check:', ...topSelfTime(await stopProfile(profile))].join('\n  '));
    await startProfile(profile);
    await startProfile(worker!.call);
  }
  await panel.evaluate(() => {
    // when the last batch is written (the progress bar full): the rest is the commit and the worker's catch-up
    const g = window as unknown as { benchWritten?: number };
    g.benchWritten = undefined;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-stage=apply] progress');
      if (bar && g.benchWritten === undefined && Number(bar.getAttribute('value')) >= Number(bar.getAttribute('max'))) g.benchWritten = Date.now();
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await panel.getByTestId('import-apply').click();
  await panel.getByText(/Imported:/).waitFor({ timeout: 900_000 });
  const done = Date.now();
  if (profile) {
    console.log(['panel, import:', ...topSelfTime(await stopProfile(profile))].join('\n  '));
    console.log(['worker, import:', ...topSelfTime(await stopProfile(worker!.call))].join('\n  '));
    await worker!.detach();
    await session!.detach().catch(() => undefined);
  }
  const written = await panel.evaluate(() => (window as unknown as { benchWritten?: number }).benchWritten);
  return [t1 - t0, done - t1, written === undefined ? NaN : written - t1];
}

/** Panel: when each ticket's answers were in its DOM, and the content script's read time the worker passed on. */
async function installClocks(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const g = window as unknown as { benchShown: Record<string, number>; benchRead: Record<string, number>; benchGot: Record<string, number> };
    g.benchShown = {};
    g.benchRead = {};
    g.benchGot = {};
    chrome.runtime.onMessage.addListener((m) => {
      const id = m?.data?.ticket?.id;
      if (m?.type === 'backgroundToPanel.tabStateChanged' && id && typeof m.data?.readAt === 'number') {
        g.benchRead[id] ??= m.data.readAt;
        g.benchGot[id] ??= Date.now();
      }
    });
    new MutationObserver(() => {
      const id = document.querySelector('[data-testid=ticket-summary] .ticket-id')?.textContent?.trim().replace(/^#/, '');
      if (!id || g.benchShown[id] !== undefined) return;
      if (document.querySelector('[data-testid=suggestion], [data-testid=no-confident-answer]')) g.benchShown[id] = Date.now();
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** Opens ticket `id` in the helpdesk (a single-page navigation) and returns ms from the content script's read to the panel's render. */
async function readToRender(page: Page, panel: Page, id: string): Promise<number> {
  // a ticket read again is timed again
  await panel.evaluate((t) => {
    const g = window as unknown as Record<'benchShown' | 'benchRead' | 'benchGot', Record<string, number>>;
    for (const k of ['benchShown', 'benchRead', 'benchGot'] as const) delete g[k][t];
  }, id);
  await page.evaluate((t) => document.querySelector<HTMLAnchorElement>(`.demo-list a[href="/tickets/${t}"]`)?.click(), id);
  await panel.waitForFunction((t) => (window as unknown as { benchShown: Record<string, number> }).benchShown[t] !== undefined, id, { timeout: 120_000 });
  const [ms, toPanel] = await panel.evaluate((t) => {
    const g = window as unknown as { benchShown: Record<string, number>; benchRead: Record<string, number>; benchGot: Record<string, number> };
    return [g.benchShown[t]! - g.benchRead[t]!, g.benchGot[t]! - g.benchRead[t]!];
  }, id);
  // COLD_DEBUG: read -> the panel has the worker's answer, and the rest (the panel drawing it)
  if (process.env.COLD_DEBUG) console.log(`ticket ${id}: ${ms} ms = ${toPanel} to the panel's message + ${ms - toPanel} drawing`);
  await settled(panel);
  return ms;
}

/**
 * Waits until the panel has nothing more to ask the worker about this ticket: when the engine
 * abstains, the worker sends the ticket's key terms after the verdict (the box is aria-busy until
 * then) and the panel runs a search on them a moment after. Stopping the worker before that
 * search would let the search wake it, and the next "cold" ticket would find the index already loading.
 */
async function settled(panel: Page): Promise<void> {
  await panel.waitForFunction(() => {
    const box = document.querySelector<HTMLInputElement>('[data-testid=manual-search]');
    if (box?.getAttribute('aria-busy') === 'true') return false;
    if (!box?.value.trim()) return true;
    return document.querySelector('[data-testid=search-result], [data-testid=nothing-relevant]') !== null;
  }, undefined, { timeout: 120_000 });
}

/** Stops every service worker over CDP (a page-level session) and waits until ours reports it stopped. */
async function stopWorker(cdp: CDPSession, status: Map<string, string>, extensionId: string): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await pollUntil(
    () => {
      const ours = [...status].filter(([url]) => url.includes(extensionId));
      return ours.length && ours.every(([, s]) => s === 'stopped') ? true : undefined;
    },
    'the service worker to stop',
    { everyMs: 25, limitMs: 5_000 },
  );
}

/** CDP calls on the extension's service worker, over a browser-level session attached to it. */
async function workerCaller(ext: Launched): Promise<{ call: Call; detach(): Promise<void> }> {
  const browser = await ext.cdp();
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  const replies = new Map<number, (r: unknown) => void>();
  const bus = session as unknown as { on(e: string, f: (p: { sessionId: string; message: string }) => void): void };
  bus.on('Target.receivedMessageFromTarget', (p) => {
    const msg = JSON.parse(p.message) as { id?: number; result?: unknown };
    if (p.sessionId === sessionId && msg.id !== undefined) replies.get(msg.id)?.(msg.result);
  });
  let next = 1;
  const call: Call = (method, params) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      replies.set(id, resolve);
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return { call, detach: () => session.detach().catch(() => undefined) };
}

/** The worker's heap after a garbage collection (MB). */
async function workerHeapMb(ext: Launched): Promise<number> {
  const worker = await workerCaller(ext);
  try {
    await worker.call('HeapProfiler.enable');
    await worker.call('HeapProfiler.collectGarbage');
    const usage = (await worker.call('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / 1024 / 1024;
  } finally {
    await worker.detach();
  }
}

interface Timings {
  origin: string;
  read: number;
  decode: number;
  catchUp: number;
  build: number;
  entries: number;
}

async function lastTimings(ext: Launched): Promise<Timings | undefined> {
  const ours = ext.context.serviceWorkers().filter((w) => w.url().includes(ext.extensionId));
  for (const w of ours.reverse()) {
    const t = await w.evaluate(() => (globalThis as unknown as { agentAssistIndexTimings?: () => Timings | undefined }).agentAssistIndexTimings?.()).catch(() => undefined);
    if (t) return t;
  }
  return undefined;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? 0 };
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

interface SizeResult {
  size: number;
  check: number;
  import: number;
  written: number;
  firstAfterImport: number;
  /** The panel's first tickets, with the sample knowledge, before the import. */
  panelFirst: number[];
  /** The same ticket read again after the warm ones (another ticket between): its own warm time. */
  firstWarm: number;
  warm: ReturnType<typeof stats>;
  cold: ReturnType<typeof stats>;
  breakdown: Timings[];
  heapMb: number;
  idbMb: number;
  /** The same entries written with IndexedDB alone (store-floor.ts), s. */
  floor: { withHistory: number; entriesOnly: number };
  load: string;
}

async function measure(size: number, quick: boolean): Promise<SizeResult> {
  const dist = await ensureDemoBuild();
  const tickets = await loadSampleTickets();
  const demo = await startDemoHelpdesk({ tickets });
  const ext = await launchWithExtension({ dist });
  const files = await knowledgeFiles(size);
  try {
    const ids = tickets.map((t) => t.id);
    const page = await ext.context.newPage();
    await page.goto(`${demo.origin}/tickets/${ids[0]}`);
    const tabId = await tabIdOf(ext, page);
    const importer = await openDashboard(ext, '#import');
    // An agent's panel is open all day: the sample knowledge lands first, the panel shows a few
    // tickets with it (its first drawing of cards is then behind it), and the lead imports.
    await importThroughDashboard(ext, importer, [await sampleFile()]);
    await page.bringToFront();
    const panel = await openRealPanel(ext, tabId);
    await installClocks(panel);
    const panelFirst: number[] = [];
    for (const id of ids.slice(-PANEL_FIRST)) panelFirst.push(await readToRender(page, panel, id));
    await importer.bringToFront();
    // One import takes at most MAX_IMPORT_ENTRIES entries (the check refuses more): more files are imported one after the other.
    let [check, imported, written] = [0, 0, 0];
    const perImport = Math.max(1, Math.floor(MAX_IMPORT_ENTRIES / FILE_ENTRIES));
    for (let i = 0; i < files.length; i += perImport) {
      const [c, m, w] = await importThroughDashboard(ext, importer, files.slice(i, i + perImport));
      [check, imported, written] = [check + c, imported + m, written + w];
    }
    await importer.close();
    await page.bringToFront();
    const warmIds = ids.slice(1, quick ? 21 : 41);
    const warm: number[] = [];
    // WARM_PROFILE: where the worker and the panel spent the warm tickets, all together
    const allWarm = process.env.WARM_PROFILE ? { worker: await workerCaller(ext), panel: pageCaller(await panel.context().newCDPSession(panel)) } : undefined;
    if (allWarm) await Promise.all([startProfile(allWarm.worker.call), startProfile(allWarm.panel)]);
    for (const [i, id] of warmIds.entries()) {
      // COLD_PROFILE: where the worker and the panel spent the first ticket after the import
      const profiled = process.env.COLD_PROFILE && i === 0 ? { worker: await workerCaller(ext), panel: pageCaller(await panel.context().newCDPSession(panel)) } : undefined;
      if (profiled) await Promise.all([startProfile(profiled.worker.call), startProfile(profiled.panel)]);
      warm.push(await readToRender(page, panel, id));
      if (profiled) {
        console.log([`worker, first ticket after the import (${warm[0]} ms):`, ...topSelfTime(await stopProfile(profiled.worker.call))].join('\n  '));
        console.log(['panel, the same ticket:', ...topSelfTime(await stopProfile(profiled.panel))].join('\n  '));
        await profiled.worker.detach();
      }
    }
    if (allWarm) {
      console.log(['worker, warm tickets:', ...topSelfTime(await stopProfile(allWarm.worker.call), 40)].join('\n  '));
      console.log(['panel, warm tickets:', ...topSelfTime(await stopProfile(allWarm.panel), 40)].join('\n  '));
      await allWarm.worker.detach();
    }
    // The first ticket after the import read again, warm: the same ticket's own warm time (tickets differ by 2x)
    const sameWarm = [];
    for (let i = 0; i < 3; i++) sameWarm.push(await readToRender(page, panel, warmIds[i % 2 === 0 ? 0 : 1]!));
    const firstWarm = sameWarm[2]!;
    if (process.env.COLD_DEBUG) console.log('warm', warm.join(' '), '| the first ticket again', sameWarm.join(' '));
    const heapMb = await workerHeapMb(ext);
    const idbMb = await panel.evaluate(async () => {
      const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return (e.usageDetails?.indexedDB ?? e.usage ?? 0) / 1024 / 1024;
    });

    const cdp = await ext.context.newCDPSession(page);
    const status = new Map<string, string>();
    const bus = cdp as unknown as { on(e: string, f: (p: { versions: { scriptURL: string; runningStatus: string }[] }) => void): void };
    bus.on('ServiceWorker.workerVersionUpdated', (p) => {
      for (const v of p.versions) status.set(v.scriptURL, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const cold: number[] = [];
    const breakdown: Timings[] = [];
    const coldIds = ids.slice(41, 41 + (size > 50_000 ? 8 : 12));
    for (const id of coldIds) {
      await stopWorker(cdp, status, ext.extensionId);
      cold.push(await readToRender(page, panel, id));
      if (process.env.COLD_DEBUG) console.log('cold', id, cold.at(-1), JSON.stringify(await lastTimings(ext)));
      const t = await lastTimings(ext);
      if (t) breakdown.push(t);
    }
    // last, so that its writes disturb nothing measured above
    const scratch = await openDashboard(ext);
    const floor = await storeFloor(scratch, files);
    await scratch.close();
    return {
      size: size + pack.entries.length,
      check,
      import: imported,
      written,
      firstAfterImport: warm[0] ?? 0,
      panelFirst,
      firstWarm,
      warm: stats(warm.slice(1)),
      cold: stats(cold),
      breakdown,
      heapMb,
      idbMb,
      floor,
      load: (loadavg()[0]! / cpus().length).toFixed(1),
    };
  } finally {
    await ext.close();
    await demo.close();
    await Promise.all(files.map((f) => rm(f, { force: true })));
  }
}

export async function run(options: { quick?: boolean } = {}): Promise<BenchTable[]> {
  const sizes = options.quick ? [10_000] : [10_000, 100_000];
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await measure(size, options.quick ?? false));
  const target = (size: number, small: string, large: string) => (size > 50_000 ? large : small);
  return [
    {
      title: 'Browser, what agents meet: read -> rendered in the real side panel, warm and cold (ms)',
      columns: ['entries', 'measure', 'tickets', 'p50', 'p95', 'max', 'target'],
      rows: results.flatMap((r) => [
        [r.size, 'warm ticket (worker running)', r.warm.n, r.warm.p50, r.warm.p95, r.warm.max, target(r.size, 'p95 < 50', 'p95 < 150')],
        [r.size, 'cold ticket (worker stopped over CDP before it)', r.cold.n, r.cold.p50, r.cold.p95, r.cold.max, target(r.size, 'p95 < 300', 'p95 < 1500')],
        [r.size, 'first ticket right after the import', 1, r.firstAfterImport, '', '', 'no slower than warm'],
        [r.size, 'the same ticket later, warm', 1, r.firstWarm, '', '', ''],
        [r.size, "the panel's first tickets, before the import (89 entries)", r.panelFirst.length, r.panelFirst.join(', '), '', '', ''],
      ]),
      notes: [
        'Start: the read time the content script stamps on the ticket (passed on by the worker in its state message); end: Date.now() in the panel when the ticket and its answers are in its DOM.',
        'The panel is open before the import, as an agent\'s is: the sample knowledge is imported first and the panel shows three tickets with it (a panel\'s first drawing of cards costs 15-30 ms more whatever came before); the import then runs in the dashboard, and "first ticket right after the import" is the next ticket read.',
        'Cold: before each ticket, CDP ServiceWorker.stopAllWorkers on a page session, then wait until the extension worker reports runningStatus "stopped"; the ticket read wakes it.',
        `Machine load (1-min load average / cores) at the end of each size: ${results.map((r) => `${r.size}: ${r.load}`).join(', ')}; wall-clock times on a shared machine.`,
      ],
    },
    {
      title: 'Browser: where a cold start spends its time (mean ms over the cold tickets)',
      columns: ['entries', 'opened from', 'read stored index', 'decode', 'apply logged changes', 'build', 'entries applied'],
      rows: results.map((r) => [
        r.size,
        [...new Set(r.breakdown.map((b) => b.origin))].join('/') || '?',
        mean(r.breakdown.map((b) => b.read)),
        mean(r.breakdown.map((b) => b.decode)),
        mean(r.breakdown.map((b) => b.catchUp)),
        mean(r.breakdown.map((b) => b.build)),
        mean(r.breakdown.map((b) => b.entries)),
      ]),
      notes: ["From the worker's KnowledgeHolder.timings (globalThis.agentAssistIndexTimings). The shown entries are then read by id (not timed here)."],
    },
    {
      title: 'Browser: import through the dashboard, worker heap and storage',
      columns: [
        'entries',
        'files',
        'check in the dashboard (s)',
        'import + index catch-up (s)',
        'of which batches written (s)',
        'IndexedDB alone: entries + history rows (s)',
        'entries alone (s)',
        'worker heap after GC (MB)',
        'IndexedDB (MB)',
      ],
      rows: results.map((r) => [r.size, Math.ceil(r.size / FILE_ENTRIES), r.check / 1000, r.import / 1000, r.written / 1000, r.floor.withHistory, r.floor.entriesOnly, r.heapMb, r.idbMb]),
      notes: [
        `Targets: import of 10k < 3 s, 100k < 30 s; heap and IndexedDB at 100k < 150 MB. Files of ${FILE_ENTRIES.toLocaleString('en')} entries (JSON); one import takes at most ${MAX_IMPORT_ENTRIES.toLocaleString('en')} entries (more would be imported in several, times summed).`,
        '"check": choosing the files until the Import button is enabled (read, parse, check and the dry run in the dashboard); "import": the click until "Imported:", which waits for the worker to apply the change log.',
        '"IndexedDB alone": the floor under the import on this machine (store-floor.ts): the same entries put with IndexedDB alone, in one transaction, into a scratch database of the extension\'s origin (no Dexie, no checks, no search index, nothing else running), with one history row each as the store writes an import, and without; measured after everything else.',
        'Heap: HeapProfiler.collectGarbage then Runtime.getHeapUsage on the worker target, after the warm tickets. IndexedDB: navigator.storage.estimate().usageDetails.indexedDB of the extension origin (entries, their history, the stored index).',
      ],
    },
  ];
}
