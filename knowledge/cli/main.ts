import { pathToFileURL } from 'node:url';
import { UserError, processIO, type CliIO, type Command } from './io.ts';

/** Every command: one line each; the file `./<name>.ts` exports `run(args, io)`. */
const COMMANDS: Record<string, { describe: string; load: () => Promise<Command> }> = {
  validate: { describe: 'check knowledge files or folders and list every problem', load: () => import('./validate.ts') },
  import: { describe: 'convert files (CSV, Markdown, Zendesk, JSON) into one knowledge file', load: () => import('./import.ts') },
  export: { describe: 'write a knowledge base as JSON, CSV or Markdown', load: () => import('./export.ts') },
  search: { describe: 'search a knowledge base: top entries with score, confidence and why', load: () => import('./search.ts') },
  rank: { describe: 'rank a JSONL file of queries against a knowledge base (JSONL out)', load: () => import('./rank.ts') },
  eval: { describe: 'measure top-1, top-3, MRR@10, precision and coverage on labelled queries', load: () => import('./eval.ts') },
  preview: { describe: 'an entry\'s answer for a ticket, exactly as Insert puts it in (text, markdown or html)', load: () => import('./preview.ts') },
  demo: { describe: 'the sample knowledge answering the sample tickets, in the terminal', load: () => import('./demo.ts') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.describe}`);
  return ['usage: npm run kb -- <command> [arguments]', '', 'commands:', ...lines].join('\n');
}

/** Runs one command and returns the exit code; user mistakes are printed, never thrown. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.err(usage());
    return name ? 0 : 1;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  try {
    return await (await command.load()).run(args, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
