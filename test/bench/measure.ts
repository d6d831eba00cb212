import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../../knowledge/entry.ts';
import type { BenchEngine, EngineId } from './engines.ts';
import type { HeapReport } from './heap-child.ts';
import type { BenchQuery } from './synthetic.ts';

/** How hard to push one engine at one size: the baselines are slow enough to need a time budget. */
export interface QueryPlan {
  /** Queries to time, at most. */
  max: number;
  /** At least this many are timed, whatever the budget. */
  min: number;
  /** Stop timing (after min) once this much time has gone. */
  budgetMs: number;
  /** Untimed queries first, so the JIT has compiled the query path. */
  warmup: number;
  /** Skip the queries when one is expected to take longer than this (see speed.ts). */
  capMs: number;
}

export interface Measured {
  buildMs: number;
  serialisedBytes: number;
  loadMs: number;
  /** How many queries were timed (fewer than planned when the budget ran out). */
  timed: number;
  p50: number;
  p95: number;
  /** Share of timed queries whose target entry came back in the top 5: a sanity check, not relevance. */
  found: number;
}

const now = (): number => performance.now();

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: with few samples p95 is the slowest or next-slowest, never an interpolation.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function median(xs: number[]): number {
  return percentile([...xs].sort((a, b) => a - b), 50);
}

/** Runs fn `times` times (≥1) and returns the median duration. */
function timeMedian(times: number, fn: () => void): number {
  const ds: number[] = [];
  for (let i = 0; i < Math.max(1, times); i++) {
    const t = now();
    fn();
    ds.push(now() - t);
  }
  return median(ds);
}

/**
 * Build (median of `repeats`), serialise, load back (median of `repeats`), then time queries
 * against the loaded index, which also proves the serialised form works.
 */
export function measureEngine(engine: BenchEngine, entries: Entry[], queries: readonly BenchQuery[], plan: QueryPlan, repeats: number): Measured {
  // max 0: build, size and load only (the caller decided the queries would take too long).
  const buildMs = timeMedian(repeats, () => engine.build(entries));
  const json = engine.serialize();
  const serialisedBytes = Buffer.byteLength(json, 'utf8');
  const loadMs = timeMedian(repeats, () => engine.load(json));
  for (let i = 0; i < Math.min(plan.warmup, queries.length); i++) engine.query(queries[queries.length - 1 - i]!, i);
  const times: number[] = [];
  let found = 0;
  const start = now();
  for (let i = 0; i < Math.min(plan.max, queries.length); i++) {
    if (times.length >= plan.min && now() - start > plan.budgetMs) break;
    const q = queries[i]!;
    const t = now();
    const ids = engine.query(q, i);
    times.push(now() - t);
    if (ids.includes(q.expected)) found++;
  }
  times.sort((a, b) => a - b);
  return { buildMs, serialisedBytes, loadMs, timed: times.length, p50: percentile(times, 50), p95: percentile(times, 95), found: found / times.length };
}

const HEAP_CHILD = fileURLToPath(new URL('./heap-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Heap after build in a fresh `node --expose-gc` process; the error text when the child fails. */
export function measureHeap(engine: EngineId, entries: number, timeoutMs: number): HeapReport | { error: string } {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', HEAP_CHILD, engine, String(entries)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (child.error) return { error: child.error.message };
  if (child.status !== 0) return { error: (child.stderr || `exit ${child.status}`).trim().split('\n').at(-1)! };
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as HeapReport;
}
