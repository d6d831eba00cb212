import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatTable, type BenchTable } from './table.ts';

/**
 * `npm run bench [-- --only relevance|speed|browser|bundle|redaction|gaps|dashboard|cold|reports] [-- --quick]`: every bench
 * in one process, in a fixed order, tables to stdout and to bench-artifacts/latest.md.
 */

const BENCHES = ['relevance', 'speed', 'browser', 'bundle', 'redaction', 'gaps', 'dashboard', 'cold', 'reports'] as const;
type BenchName = (typeof BENCHES)[number];

interface BenchModule {
  run(options?: { quick?: boolean }): Promise<BenchTable[]>;
}

interface Args {
  only?: BenchName;
  quick: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') args.quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a === '--only' ? argv[++i] : a.slice('--only='.length);
      if (!BENCHES.includes(v as BenchName)) throw new Error(`--only takes one of ${BENCHES.join(', ')} (got ${v ?? 'nothing'})`);
      args.only = v as BenchName;
    } else throw new Error(`unknown option ${a}; usage: npm run bench -- [--only ${BENCHES.join('|')}] [--quick]`);
  }
  return args;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function runOne(name: BenchName, quick: boolean): Promise<{ text: string; failed: boolean }> {
  const path = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  if (!existsSync(path)) return { text: `### ${name}\n\n${name} bench missing: test/bench/${name}.ts is not written yet.\n`, failed: false };
  const started = performance.now();
  try {
    const mod = (await import(path)) as Partial<BenchModule>;
    if (typeof mod.run !== 'function') return { text: `### ${name}\n\n${name} bench missing: test/bench/${name}.ts exports no run().\n`, failed: true };
    const tables = await mod.run({ quick });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    return { text: tables.map(formatTable).join('\n') + `\n_${name} bench took ${secs} s._\n`, failed: false };
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { text: `### ${name}\n\n${name} bench FAILED: ${message}\n`, failed: true };
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const header = [
    `# Agent Assist benchmarks${args.quick ? ' (quick)' : ''}`,
    '',
    `${new Date().toISOString()}; Node ${process.version}; ${cpus()[0]?.model ?? 'unknown CPU'}; ${cpus().length} cores; ${process.platform} ${process.arch}.`,
    '',
  ].join('\n');
  process.stdout.write(header + '\n');
  const parts = [header];
  let failed = false;
  for (const name of BENCHES) {
    if (args.only && args.only !== name) continue;
    process.stderr.write(`${name} bench...\n`);
    const out = await runOne(name, args.quick);
    failed ||= out.failed;
    process.stdout.write(out.text + '\n');
    parts.push(out.text);
  }
  parts.push(`_All benches took ${((performance.now() - started) / 1000).toFixed(1)} s._\n`);
  mkdirSync(`${ROOT}bench-artifacts`, { recursive: true });
  writeFileSync(`${ROOT}bench-artifacts/latest.md`, parts.join('\n'));
  process.stdout.write(`${parts.at(-1)}Written to bench-artifacts/latest.md\n`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
