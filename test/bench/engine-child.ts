import { loadEngine } from './engines.ts';
import { measureEngine, type ChildRequest } from './measure.ts';
import { generateEntries, generateQueries, loadSeedTopics } from './synthetic.ts';

/**
 * One engine at one size, in a fresh process so its heap and JIT state are its own:
 *   node --expose-gc --import tsx test/bench/engine-child.ts '{"engine":"ours","entries":10000,...}'
 * (a ChildRequest). Prints the measurement as one JSON line.
 */

function fullGc(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');
  // Infinity does not survive JSON: the parent's unlimited budgets arrive as null.
  const request = JSON.parse(process.argv[2] ?? '', (_k, v: unknown) => (v === null ? Infinity : v)) as ChildRequest;
  const engine = await loadEngine(request.engine);
  if ('missing' in engine) throw new Error(engine.missing);
  const { topics } = loadSeedTopics();
  const n = request.entries;
  const measured = measureEngine(
    engine,
    () => generateEntries(n, { topics }),
    (entries) => generateQueries(entries, 300, n),
    request.plan,
    request.repeats,
    () => fullGc(gc),
  );
  process.stdout.write(JSON.stringify(measured) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
