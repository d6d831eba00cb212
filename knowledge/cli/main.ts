import { pathToFileURL } from 'node:url';
import { UsageError, UserError, exitQuietlyOnBrokenPipe, processIO, type CliIO, type Command } from './io.ts';

/**
 * Every command, one entry each: what it does (for `kb --help`) and its file, which exports
 * `usage` (for `kb <command> --help` and usage errors) and `run(args, io)`.
 */
const COMMANDS: Record<string, { describe: string; load: () => Promise<Command> }> = {
  validate: { describe: 'check knowledge files or folders and list every problem', load: () => import('./validate.ts') },
  import: { describe: 'convert files (CSV, Markdown, Zendesk, JSON) into one knowledge file', load: () => import('./import.ts') },
  export: { describe: 'write a knowledge base as JSON, CSV or Markdown', load: () => import('./export.ts') },
  search: { describe: 'search a knowledge base: top entries with score, confidence and why', load: () => import('./search.ts') },
  rank: { describe: 'rank a JSONL file of queries against a knowledge base (JSONL out)', load: () => import('./rank.ts') },
  eval: { describe: 'measure top-1, top-3, MRR@10, precision and coverage on labelled queries', load: () => import('./eval.ts') },
  preview: { describe: 'an entry\'s answer for a ticket, exactly as Insert puts it in (text, markdown or html)', load: () => import('./preview.ts') },
  report: { describe: 'trainers\' report from "Export my events" files: acceptance, rejections, gaps, time to insert', load: () => import('./report.ts') },
  demo: { describe: 'the sample knowledge answering the sample tickets, in the terminal', load: () => import('./demo.ts') },
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

const HELP_FLAGS = ['--help', '-h'];

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.describe}`);
  return [
    'usage: npm run kb -- <command> [arguments]',
    '',
    'commands:',
    ...lines,
    '',
    'npm run kb -- <command> --help shows how to call one command.',
  ].join('\n');
}

const usageLine = (command: Command) => `usage: npm run kb -- ${command.usage}`;

/** Asked for help: `--help` or `-h` before a `--` that ends the options. */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => HELP_FLAGS.includes(a));
}

/**
 * Runs one command and returns the exit code: 0 done, 1 problems found (or a mistake in the
 * files), 2 a mistake in how the command was called (the usage is printed with it).
 * Help goes to stdout; user mistakes go to stderr, never thrown.
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(usage());
    return 2;
  }
  if (HELP_FLAGS.includes(name) || (name === 'help' && args.length === 0)) {
    io.out(usage());
    return 0;
  }
  const asked = name === 'help' ? args[0]! : name;
  const command = Object.hasOwn(COMMANDS, asked) ? COMMANDS[asked] : undefined;
  if (!command) {
    io.err(`unknown command "${asked}"\n\n${usage()}`);
    return 2;
  }
  const loaded = await command.load();
  if (name === 'help' || wantsHelp(args)) {
    io.out(`${usageLine(loaded)}\n\n${loaded.help ?? command.describe}`);
    return 0;
  }
  try {
    return await loaded.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usageLine(loaded)}`);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  exitQuietlyOnBrokenPipe(process.stdout);
  process.exitCode = await main(process.argv.slice(2));
}
