import { cpus, loadavg } from 'node:os';
import type { BenchTable } from './table.ts';
import { ENGINE_IDS, loadEngine, type BenchEngine, type EngineId } from './engines.ts';
import { measureEngine, measureHeap, type Measured, type QueryPlan } from './measure.ts';
import type { HeapReport } from './heap-child.ts';
import { generateEntries, generateQueries, loadSeedTopics } from './synthetic.ts';

/**
 * Speed and memory of our engine beside plain Fuse.js and MiniSearch, measured in the same run
 * on the same synthetic knowledge bases and ticket-length queries.
 */

export interface SpeedOptions {
  quick?: boolean;
}

interface Settings {
  sizes: number[];
  plan(engine: EngineId, n: number): QueryPlan;
  heapTimeoutMs: number;
}

// Plain Fuse.js scans every entry with a fuzzy bitap over 32-character chunks of the query, so a
// ticket-length query costs seconds even at 1k; the baselines get a time budget and a per-query cap.
const FULL: Settings = {
  sizes: [1_000, 10_000, 100_000],
  plan: (engine, n) =>
    engine === 'ours'
      ? { max: n >= 100_000 ? 100 : 300, min: n >= 100_000 ? 100 : 300, budgetMs: Infinity, warmup: 20, capMs: Infinity }
      : { max: 300, min: engine === 'fuse' ? 1 : 3, budgetMs: 20_000, warmup: engine === 'fuse' ? 0 : 3, capMs: 60_000 },
  heapTimeoutMs: 240_000,
};

const QUICK: Settings = {
  sizes: [1_000, 10_000],
  plan: (engine) =>
    engine === 'ours'
      ? { max: 50, min: 50, budgetMs: Infinity, warmup: 10, capMs: Infinity }
      : { max: 50, min: 1, budgetMs: 3_000, warmup: 0, capMs: 10_000 },
  heapTimeoutMs: 60_000,
};

/** The issue's targets for our engine. */
const TARGETS = [
  { label: 'query p95 at 10k', n: 10_000, unit: 'ms', limit: 5, of: (m: Measured) => m.p95 },
  { label: 'query p95 at 100k', n: 100_000, unit: 'ms', limit: 50, of: (m: Measured) => m.p95 },
  { label: 'build at 10k', n: 10_000, unit: 'ms', limit: 1_000, of: (m: Measured) => m.buildMs },
  { label: 'load of a serialised 10k index', n: 10_000, unit: 'ms', limit: 300, of: (m: Measured) => m.loadMs },
] as const;
const HEAP_TARGET = { label: 'heap at 100k (whole process)', n: 100_000, limitMb: 300 };

const MB = 1024 * 1024;
const mb = (bytes: number): number => bytes / MB;
const key = (engine: EngineId, n: number): string => `${engine}@${n}`;
const sizeLabel = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

function status(value: number | undefined, limit: number, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return 'not measured';
  return value < limit ? `met (${Math.round((value / limit) * 100)}% of limit)` : `MISSED by ${(value - limit).toFixed(1)} ${unit} (${(value / limit).toFixed(1)}× the limit)`;
}

function ratio(baseline: number | undefined, ours: number | undefined): string {
  if (baseline === undefined || ours === undefined || !(ours > 0) || Number.isNaN(baseline)) return '–';
  const r = baseline / ours;
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

export async function run(options: SpeedOptions = {}): Promise<BenchTable[]> {
  const settings = options.quick ? QUICK : FULL;
  const seeds = loadSeedTopics();
  const engines: BenchEngine[] = [];
  const missing: string[] = [];
  for (const id of ENGINE_IDS) {
    const e = await loadEngine(id);
    if ('missing' in e) missing.push(`${id}: ${e.missing}`);
    else engines.push(e);
  }

  const results = new Map<string, Measured>();
  const heaps = new Map<string, HeapReport | { error: string }>();
  const log = (s: string) => process.stderr.write(`  speed: ${s}\n`);
  const skipped = new Map<string, number>();
  const loadBefore = loadavg();
  for (const [i, n] of settings.sizes.entries()) {
    const entries = generateEntries(n, { topics: seeds.topics });
    const queries = generateQueries(entries, 300, n);
    for (const engine of engines) {
      const plan = settings.plan(engine.id, n);
      // A full scan grows linearly with entries: estimate from the previous size before spending minutes.
      const prevN = settings.sizes[i - 1];
      const prev = prevN === undefined ? undefined : results.get(key(engine.id, prevN));
      const estimate = prev && prev.timed > 0 && prevN ? prev.p50 * (n / prevN) : 0;
      if (estimate > plan.capMs) skipped.set(key(engine.id, n), estimate);
      log(`${engine.name} at ${sizeLabel(n)}: build, load, ${estimate > plan.capMs ? 'no' : `up to ${plan.max}`} queries`);
      const m = measureEngine(engine, entries, queries, estimate > plan.capMs ? { ...plan, max: 0, min: 0 } : plan, n >= 100_000 ? 1 : 3);
      results.set(key(engine.id, n), m);
      engine.build([]); // let the big index go before the next engine builds
    }
  }
  const loadAfter = loadavg();
  for (const n of settings.sizes) {
    for (const engine of engines) {
      log(`${engine.name} heap at ${sizeLabel(n)} (fresh process)`);
      heaps.set(key(engine.id, n), measureHeap(engine.id, n, settings.heapTimeoutMs));
    }
  }

  const heapMb = (id: EngineId, n: number, field: 'indexBytes' | 'heapUsedBytes'): number | undefined => {
    const h = heaps.get(key(id, n));
    return h && !('error' in h) ? mb(h[field]) : undefined;
  };
  const heapCell = (id: EngineId, n: number): string | number => {
    const h = heaps.get(key(id, n));
    if (!h) return '–';
    return 'error' in h ? `failed: ${h.error.slice(0, 60)}` : `${mb(h.indexBytes).toFixed(1)} (${mb(h.heapUsedBytes).toFixed(0)})`;
  };

  const env = [
    `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; ${engines.map((e) => `${e.name} ${e.version}`).join(', ')}.`,
    `Load average (1 min) at start and end of the speed runs: ${loadBefore[0]!.toFixed(1)}, ${loadAfter[0]!.toFixed(1)} on ${cpus().length} cores: above the core count, other processes shared the CPU and every time here is inflated.`,
    `Entries: synthetic, generated from ${seeds.source}; queries: ticket-length (80-150 words) customer messages about a random entry, with greeting, noise and signature.`,
  ];

  const main: BenchTable = {
    title: `Speed and memory${options.quick ? ' (quick)' : ''}`,
    columns: ['engine', 'entries', 'build ms', 'serialised MB', 'load ms', 'queries timed', 'p50 ms', 'p95 ms', 'found@5', 'heap MB: index (process)'],
    rows: settings.sizes.flatMap((n) =>
      engines.map((e) => {
        const m = results.get(key(e.id, n))!;
        const est = skipped.get(key(e.id, n));
        const q: (string | number)[] =
          m.timed > 0 ? [m.timed, m.p50, m.p95, `${Math.round(m.found * 100)}%`] : [0, 'skipped', est ? `≈${(est / 1000).toFixed(0)} s each` : '–', '–'];
        return [e.name, n, m.buildMs, mb(m.serialisedBytes), m.loadMs, ...q, heapCell(e.id, n)];
      }),
    ),
    notes: [
      ...env,
      'build and load: median of 3 below 100k, one run at 100k; queries are timed one by one after untimed warm-up queries, against the index loaded back from its serialised form.',
      'Our engine: KnowledgeIndex.build / serialize / load and suggest(ticket, index, {limit: 5, day: 2026-11-23}) (ticket cleaning included). Baselines: test/bench/baselines.ts, query = the whole message text, top 5.',
      `Baselines run until ${settings.plan('minisearch', 1).max} queries or ${settings.plan('minisearch', 1).budgetMs / 1000} s (at least ${settings.plan('fuse', 1).min} for Fuse.js, ${settings.plan('minisearch', 1).min} for MiniSearch), so their p95 rests on few queries. Plain Fuse.js takes seconds per ticket-length query (it runs a fuzzy bitap over every entry for each 32-character chunk of the query); when the previous size's p50 scaled by the size ratio exceeds ${settings.plan('fuse', 1).capMs / 1000} s per query, that size's queries are skipped and the estimate is shown instead.`,
      'heap: a fresh `node --expose-gc` process per engine and size; index = heap after build minus heap before the entries were generated (full gc both times; what the engine keeps, entries included); process = whole heap after build.',
      'found@5: share of timed queries whose target entry is in the top 5; a sanity check that each engine did real work, not the relevance bench.',
      ...missing.map((m) => `MISSING engine ${m}`),
    ],
  };

  const ours = (n: number) => results.get(key('ours', n));
  const targets: BenchTable = {
    title: 'Speed and memory targets (our engine)',
    columns: ['target', 'measured', 'limit', 'status'],
    rows: [
      ...TARGETS.map((t) => {
        const v = ours(t.n) ? t.of(ours(t.n)!) : undefined;
        return [t.label, v === undefined ? '–' : `${v.toFixed(2)} ${t.unit}`, `< ${t.limit} ${t.unit}`, status(v, t.limit, t.unit)];
      }),
      (() => {
        const v = heapMb('ours', HEAP_TARGET.n, 'heapUsedBytes');
        return [HEAP_TARGET.label, v === undefined ? '–' : `${v.toFixed(1)} MB`, `< ${HEAP_TARGET.limitMb} MB`, status(v, HEAP_TARGET.limitMb, 'MB')];
      })(),
    ],
    notes: options.quick ? ['Quick run: 100k is not measured, so its targets read "not measured". Run `npm run bench -- --only speed` for the full set.'] : [],
  };

  const has = (id: EngineId) => engines.some((e) => e.id === id);
  const metrics: { label: string; of: (id: EngineId, n: number) => number | undefined }[] = [
    { label: 'query p95 ms', of: (id, n) => results.get(key(id, n))?.p95 },
    { label: 'query p50 ms', of: (id, n) => results.get(key(id, n))?.p50 },
    { label: 'build ms', of: (id, n) => results.get(key(id, n))?.buildMs },
    { label: 'load ms', of: (id, n) => results.get(key(id, n))?.loadMs },
    { label: 'serialised MB', of: (id, n) => { const m = results.get(key(id, n)); return m && mb(m.serialisedBytes); } },
    { label: 'heap MB (index)', of: (id, n) => heapMb(id, n, 'indexBytes') },
  ];
  const compare: BenchTable = {
    title: 'Our engine against plain Fuse.js and MiniSearch (same run, same data)',
    columns: ['entries', 'metric', 'ours', 'Fuse.js', 'MiniSearch', 'Fuse.js ÷ ours', 'MiniSearch ÷ ours'],
    rows: settings.sizes.flatMap((n) =>
      metrics.map((m) => {
        const [o, f, s] = (['ours', 'fuse', 'minisearch'] as const).map((id) => (has(id) ? m.of(id, n) : undefined));
        return [sizeLabel(n), m.label, o ?? '–', f ?? '–', s ?? '–', ratio(f, o), ratio(s, o)];
      }),
    ),
    notes: [
      'A ratio above 1 means ours is faster or smaller by that factor; below 1, the baseline is.',
      'Known from the issue (other machine): MiniSearch p95 65 ms at 10k and 1.3 s at 100k; plain Fuse.js about 1 s per query at 10k and 11 s at 100k; a plain BM25 4.5 ms and 62 ms.',
    ],
  };
  return [main, targets, compare];
}
