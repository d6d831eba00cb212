import { loadavg } from 'node:os';
import type { BenchTable } from './table.ts';
import { ENGINE_IDS, loadEngine, type BenchEngine, type EngineId } from './engines.ts';
import { measureInChild, type QueryPlan } from './measure.ts';
import { speedTables, type SpeedResults } from './speed-tables.ts';
import { loadSeedTopics } from './synthetic.ts';

/**
 * Speed and memory of our engine beside plain Fuse.js and MiniSearch, measured in the same run
 * on the same synthetic knowledge bases and ticket-length queries.
 */

export interface SpeedOptions {
  quick?: boolean;
}

export interface SpeedSettings {
  sizes: number[];
  plan(engine: EngineId, n: number): QueryPlan;
  /** One engine at one size, in its child process. */
  childTimeoutMs: number;
}

// Plain Fuse.js scans every entry with a fuzzy bitap over 32-character chunks of the query, so a
// ticket-length query costs seconds even at 1k; the baselines get a time budget and a per-query cap.
const FULL: SpeedSettings = {
  sizes: [1_000, 10_000, 100_000],
  plan: (engine, n) =>
    engine === 'ours'
      ? { max: n >= 100_000 ? 100 : 300, min: n >= 100_000 ? 100 : 300, budgetMs: Infinity, warmup: 20, capMs: Infinity }
      : { max: 300, min: 1, budgetMs: 10_000, warmup: engine === 'fuse' || n >= 100_000 ? 0 : 3, capMs: 20_000 },
  childTimeoutMs: 600_000,
};

const QUICK: SpeedSettings = {
  sizes: [1_000, 10_000],
  plan: (engine) =>
    engine === 'ours'
      ? { max: 50, min: 50, budgetMs: Infinity, warmup: 10, capMs: Infinity }
      : { max: 50, min: 1, budgetMs: 3_000, warmup: 0, capMs: 10_000 },
  childTimeoutMs: 180_000,
};

const key = (engine: EngineId, n: number): string => `${engine}@${n}`;
let started = performance.now();
const log = (s: string) => process.stderr.write(`  speed [${((performance.now() - started) / 1000).toFixed(0)} s]: ${s}\n`);

async function availableEngines(): Promise<{ engines: BenchEngine[]; missing: string[] }> {
  const engines: BenchEngine[] = [];
  const missing: string[] = [];
  for (const id of ENGINE_IDS) {
    const e = await loadEngine(id);
    if ('missing' in e) missing.push(`${id}: ${e.missing}`);
    else engines.push(e);
  }
  return { engines, missing };
}

export async function run(options: SpeedOptions = {}): Promise<BenchTable[]> {
  const settings = options.quick ? QUICK : FULL;
  started = performance.now();
  const { engines, missing } = await availableEngines();
  const results: SpeedResults = {
    settings,
    quick: options.quick ?? false,
    seedSource: loadSeedTopics().source,
    engines,
    missing,
    measured: new Map(),
    skipped: new Map(),
    failed: new Map(),
    loadavg: [loadavg()[0]!],
  };
  for (const [i, n] of settings.sizes.entries()) {
    for (const engine of engines) {
      const plan = settings.plan(engine.id, n);
      // A full scan grows linearly with entries: estimate from the previous size before spending minutes.
      const prevN = settings.sizes[i - 1];
      const prev = prevN === undefined ? undefined : results.measured.get(key(engine.id, prevN));
      const prevPerQuery = prev && prev.timed > 0 ? prev.p50.wall : prevN ? (results.skipped.get(key(engine.id, prevN)) ?? 0) : 0;
      const estimate = prevN ? prevPerQuery * (n / prevN) : 0;
      const skip = estimate > plan.capMs;
      if (skip) results.skipped.set(key(engine.id, n), estimate);
      log(`${engine.name} at ${n}: build, heap, load, ${skip ? 'no' : `up to ${plan.max}`} queries (fresh process)`);
      const repeats = n <= (engine.id === 'ours' ? 10_000 : 1_000) ? 3 : 1;
      const m = measureInChild({ engine: engine.id, entries: n, plan: skip ? { ...plan, max: 0, min: 0 } : plan, repeats }, settings.childTimeoutMs);
      if ('error' in m) results.failed.set(key(engine.id, n), m.error);
      else results.measured.set(key(engine.id, n), m);
    }
    results.loadavg.push(loadavg()[0]!);
  }
  return speedTables(results);
}
