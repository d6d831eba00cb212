import type { ReportsEngine } from './report-engine';

/** The page's calls to the reports worker, and its replies: one method call, progress on the way, a result or an error. */
type Methods = Exclude<keyof ReportsEngine, 'dispose'>;
export interface EngineRequest {
  id: number;
  method: Methods;
  args: unknown[];
}
export type EngineReply = { id: number; progress: [number, number] } | { id: number; result: unknown } | { id: number; error: string };

/** The worker's side: runs one request on the engine (load reports its progress). */
export async function answerRequest(engine: ReportsEngine, req: EngineRequest, reply: (r: EngineReply) => void): Promise<void> {
  try {
    const result =
      req.method === 'load'
        ? await engine.load((done, total) => reply({ id: req.id, progress: [done, total] }))
        : await (engine[req.method] as (...a: unknown[]) => Promise<unknown>)(...req.args);
    reply({ id: req.id, result });
  } catch (err) {
    reply({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
}

/** The page's side: the engine as calls to a worker (anything with postMessage and onmessage). */
export function workerEngine(
  worker: Pick<Worker, 'postMessage' | 'terminate'> & { onmessage: ((e: MessageEvent<EngineReply>) => void) | null; onerror?: ((e: ErrorEvent) => void) | null },
): ReportsEngine {
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; progress?: (done: number, total: number) => void }>();
  worker.onmessage = (e) => {
    const r = e.data;
    const p = pending.get(r.id);
    if (!p) return;
    if ('progress' in r) p.progress?.(...r.progress);
    else {
      pending.delete(r.id);
      if ('error' in r) p.reject(new Error(r.error));
      else p.resolve(r.result);
    }
  };
  // A worker that fails to start or throws outside a call fails every pending call, instead of leaving the page waiting.
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`The reports worker stopped: ${e.message || 'it could not start'}`));
    pending.clear();
  };
  const call = <T,>(method: Methods, args: unknown[], progress?: (done: number, total: number) => void) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      worker.postMessage({ id, method, args } satisfies EngineRequest);
    });
  return {
    load: (onProgress) => call('load', [], onProgress),
    report: (range, dimensions) => call('report', [range, dimensions]),
    gaps: (range) => call('gaps', [range]),
    compare: (request) => call('compare', [request]),
    importFiles: (files) => call('importFiles', [files]),
    dispose: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('The reports worker was stopped.'));
      pending.clear();
    },
  };
}

/** The real page's engine: a module worker built by Vite from reports-worker.ts. */
export function startReportsWorker(): ReportsEngine {
  return workerEngine(new Worker(new URL('./reports-worker.ts', import.meta.url), { type: 'module' }));
}
