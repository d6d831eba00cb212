import type { CDPSession } from 'playwright-core';

/** Trace events Chromium reports under devtools.timeline (only the fields used here). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

export interface ScriptCalls {
  /** Calls straight from the browser into the script (MutationObserver callbacks, events), ms. */
  callbacks: number[];
  /** Calls from the script's own timers (the debounced ticket read, WXT's location polling), ms. */
  timers: number[];
}

/** Runs `during` under a devtools.timeline trace of `cdp`'s page and returns the calls into `scriptUrl`. */
export async function traceScriptCalls(cdp: CDPSession, scriptUrl: string, during: () => Promise<void>): Promise<ScriptCalls> {
  const events: TraceEvent[] = [];
  // Playwright types CDP events from its bundled protocol; the trace payload is loose JSON here.
  const bus = cdp as unknown as { on(e: string, f: (p: { value: TraceEvent[] }) => void): void; off(e: string, f: (p: { value: TraceEvent[] }) => void): void };
  const onData = (e: { value: TraceEvent[] }) => void events.push(...e.value);
  bus.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    bus.off('Tracing.dataCollected', onData);
  }
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const functionCalls = complete.filter((e) => e.name === 'FunctionCall');
  // A timer's own callback is the first call inside its TimerFire; a MutationObserver callback
  // can also sit inside a TimerFire (the page's timer changed the DOM), but never first.
  const timerCallbacks = new Set<TraceEvent>();
  for (const t of complete.filter((e) => e.name === 'TimerFire')) {
    const first = functionCalls.find((c) => c.tid === t.tid && c.ts >= t.ts && c.ts <= t.ts + t.dur!);
    if (first) timerCallbacks.add(first);
  }
  const ours = functionCalls.filter((e) => e.args?.data?.url?.startsWith(scriptUrl));
  const ms = (e: TraceEvent) => e.dur! / 1000;
  return { callbacks: ours.filter((c) => !timerCallbacks.has(c)).map(ms), timers: ours.filter((c) => timerCallbacks.has(c)).map(ms) };
}
