import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../../knowledge/entry.ts';
import type { BenchEngine, EngineId } from './engines.ts';
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

/** Wall-clock time, and the CPU time this process spent in it (less inflated on a shared machine). */
export interface Timing {
  wall: number;
  cpu: number;
}

export interface Measured {
  build: Timing;
  serialisedBytes: number;
  load: Timing;
  /** How many queries were timed (fewer than planned when the budget ran out). */
  timed: number;
  p50: Timing;
  p95: Timing;
  /** Share of timed queries whose target entry came back in the top 5: a sanity check, not relevance. */
  found: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: with few samples p95 is the slowest or next-slowest, never an interpolation.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function time<T>(fn: () => T): { result: T; timing: Timing } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { result, timing: { wall, cpu: (used.user + used.system) / 1000 } };
}

/** Percentile of wall and of CPU times, each taken over its own sorted list. */
function pick(timings: readonly Timing[], p: number): Timing {
  const of = (k: keyof Timing) => percentile(timings.map((t) => t[k]).sort((a, b) => a - b), p);
  return { wall: of('wall'), cpu: of('cpu') };
}

/** Runs fn `times` times (at least once) and returns the median. */
function timeMedian(times: number, fn: () => void): Timing {
  return pick(Array.from({ length: Math.max(1, times) }, () => time(fn).timing), 50);
}

export interface HeapBytes {
  /** Heap held by the built engine: after build minus before the entries were generated, full gc both times. */
  index: number;
  /** Whole process heap after build and gc. */
  process: number;
}

export interface ChildRequest {
  engine: EngineId;
  entries: number;
  plan: QueryPlan;
  /** Builds and loads to take the median of. */
  repeats: number;
}

/**
 * In a fresh process (see engine-child.ts): build (median of `repeats`), heap after build with the
 * entries dropped, serialise, load back (median of `repeats`), then time queries against the
 * loaded index, which also proves the serialised form works.
 * plan.max 0: no queries (the caller decided they would take too long).
 */
export function measureEngine(
  engine: BenchEngine,
  makeEntries: () => Entry[],
  makeQueries: (entries: Entry[]) => BenchQuery[],
  plan: QueryPlan,
  repeats: number,
  heapUsed: () => number,
): Measured & { heap: HeapBytes } {
  const before = heapUsed();
  let entries: Entry[] | undefined = makeEntries();
  const queries = makeQueries(entries);
  const builds: Timing[] = [];
  for (let i = 0; i < Math.max(1, repeats); i++) builds.push(time(() => engine.build(entries!)).timing);
  entries = undefined;
  const after = heapUsed();
  const json = engine.serialize();
  const serialisedBytes = Buffer.byteLength(json, 'utf8');
  const load = timeMedian(repeats, () => engine.load(json));
  for (let i = 0; i < Math.min(plan.warmup, queries.length); i++) engine.query(queries[queries.length - 1 - i]!, i);
  const timings: Timing[] = [];
  let found = 0;
  const start = performance.now();
  for (let i = 0; i < Math.min(plan.max, queries.length); i++) {
    if (timings.length >= plan.min && performance.now() - start > plan.budgetMs) break;
    const q = queries[i]!;
    const { result: ids, timing } = time(() => engine.query(q, i));
    timings.push(timing);
    if (ids.includes(q.expected)) found++;
  }
  const timed = timings.length;
  return {
    build: pick(builds, 50),
    serialisedBytes,
    load,
    timed,
    p50: pick(timings, 50),
    p95: pick(timings, 95),
    found: timed ? found / timed : Number.NaN,
    heap: { index: after - before, process: after },
  };
}

const CHILD = fileURLToPath(new URL('./engine-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs one measurement in a fresh `node --expose-gc` process, so heap numbers and JIT state are its own. */
export function measureInChild(request: ChildRequest, timeoutMs: number): (Measured & { heap: HeapBytes }) | { error: string } {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, JSON.stringify(request)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (child.error) return { error: child.error.message };
  if (child.status !== 0) {
    // Node ends a crash with its version line: the cause is the first line that names an error.
    const lines = (child.stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    return { error: lines.find((l) => /error|heap|memory|killed/i.test(l)) ?? lines.at(-1) ?? `exit ${child.status ?? child.signal}` };
  }
  // JSON has no Infinity/NaN: they come back as null, read as "not measured".
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!, (_k, v: unknown) => (v === null ? Number.NaN : v)) as Measured & { heap: HeapBytes };
}
