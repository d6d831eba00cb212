import type { CDPSession, Page } from 'playwright-core';

/**
 * CPU time of a page's main thread between pairs of marks, from a Chromium trace: on a shared
 * machine wall-clock time mostly measures the neighbours, the thread's own CPU time does not.
 * The page marks with console.timeStamp(label) or performance.mark(name); every task on the
 * marking thread between two marks counts with its thread time (tdur).
 */
export class PageCpu {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<PageCpu> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink.user_timing', transferMode: 'ReturnAsStream' });
    return new PageCpu(cdp);
  }

  /** Stops the trace and returns what it holds. */
  async stop(): Promise<PageTrace> {
    const complete = new Promise<string>((resolve) => this.cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
    await this.cdp.send('Tracing.end');
    const stream = await complete;
    let text = '';
    for (;;) {
      const chunk = await this.cdp.send('IO.read', { handle: stream, size: 1 << 20 });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await this.cdp.send('IO.close', { handle: stream });
    await this.cdp.detach();
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return new PageTrace(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
  }
}

export class PageTrace {
  /** console.timeStamp(label) and performance.mark(name) events, by label (the last one of each). */
  private readonly marks = new Map<string, TraceEvent>();
  constructor(private readonly events: TraceEvent[]) {
    for (const e of events) {
      const message = e.args?.data?.message;
      if (e.name === 'TimeStamp' && typeof message === 'string') this.marks.set(message, e);
      else if (e.cat?.includes('blink.user_timing')) this.marks.set(e.name, e);
    }
  }

  /** Ms of CPU on the thread that marked `end`: tasks ending after `start` (or from the trace's start) and starting before `end`; undefined when a mark is missing. */
  cpu(start: string | undefined, end: string): number | undefined {
    const to = this.marks.get(end);
    const from = start === undefined ? { ts: -Infinity } : this.marks.get(start);
    if (!to || !from) return undefined;
    let us = 0;
    for (const e of this.events) {
      if (e.ph !== 'X' || e.tid !== to.tid || e.pid !== to.pid || (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')) continue;
      if (e.ts + (e.dur ?? 0) > from.ts && e.ts < to.ts) us += e.tdur ?? e.dur ?? 0;
    }
    return us / 1000;
  }
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { message?: unknown } };
}
