import type { CDPSession } from 'playwright-core';

/**
 * CPU profiles over CDP, summarised as the functions with the most self time: where an import's
 * seconds go in the real browser (`BENCH_PROFILE=1 npm run bench -- --only cold --quick`). Build
 * the demo unminified to read the names (vite build.minify false).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A CDP method caller: a page's session, or a worker's (see cold.ts workerCaller). */
export type Call = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

export const pageCaller =
  (cdp: CDPSession): Call =>
  (method, params) =>
    cdp.send(method as never, params as never);

export async function startProfile(call: Call): Promise<void> {
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 500 });
  await call('Profiler.start');
}

export async function stopProfile(call: Call): Promise<CpuProfile> {
  const { profile } = (await call('Profiler.stop')) as { profile: CpuProfile };
  return profile;
}

/** "name file:line  ms" lines, most self time first, and the total sampled. */
export function topSelfTime(profile: CpuProfile, top = 20): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  return [
    `sampled ${total.toFixed(0)} ms`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`),
  ];
}
