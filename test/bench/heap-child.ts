import { ENGINE_IDS, loadEngine, type EngineId } from './engines.ts';
import { generateEntries } from './synthetic.ts';

/**
 * One engine's heap after build, in a fresh process so nothing else the bench allocated counts:
 *   node --expose-gc --import tsx test/bench/heap-child.ts <ours|fuse|minisearch> <entries>
 * Prints one JSON line: the heap the built index holds (entries it keeps included), and the total.
 */

export interface HeapReport {
  engine: EngineId;
  entries: number;
  /** Heap held by the built engine: after build minus before generating entries, both after full gc. */
  indexBytes: number;
  /** Whole process heap after build and gc. */
  heapUsedBytes: number;
}

function fullGc(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const [id, n] = [process.argv[2] as EngineId, Number(process.argv[3])];
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');
  if (!ENGINE_IDS.includes(id) || !Number.isInteger(n) || n <= 0) throw new Error('usage: heap-child.ts <ours|fuse|minisearch> <entries>');
  const engine = await loadEngine(id);
  if ('missing' in engine) throw new Error(engine.missing);
  const before = fullGc(gc);
  // Entries go out of scope after build: only what the engine itself keeps is measured.
  engine.build(generateEntries(n));
  const after = fullGc(gc);
  const report: HeapReport = { engine: engine.id, entries: n, indexBytes: after - before, heapUsedBytes: after };
  process.stdout.write(JSON.stringify(report) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
