import { readFile } from 'node:fs/promises';
import type { WindowLike } from 'dompurify';
import { answerBody, draft, forInsert } from '../answer.ts';
import { doubled } from '../greeting.ts';
import { isPlaceholderName, PLACEHOLDER_NAMES, PLACEHOLDERS, valuesFromTicket, type PlaceholderValues } from '../placeholders.ts';
import { Ticket } from '../ticket.ts';
import { UsageError, UserError, loadKnowledge, parseCommandArgs, type CliIO } from './io.ts';

export const usage =
  'preview --kb <file|folder> --entry <id> --ticket <ticket.json> [--values <values.json>] [--format text|markdown|html] [--keep-greeting]';

export const help = `Prints an entry's answer for a ticket exactly as Insert puts it into the reply box, with the
functions the side panel uses:
  --format text      what a plain-text reply box gets (and what Copy puts on the clipboard), the default
  --format markdown  the answer's Markdown, values filled as literal text
  --format html      what a rich editor gets
ticket.json is a ticket as knowledge/ticket.ts defines it; values.json maps placeholder names
(agent.signature, order.number, ...) to text. Where the helpdesk adds its own greeting and signature
(FreeScout), the entry's are left out as in the panel; --keep-greeting keeps them.
Exit 0 printed, 1 bad input (file and field named), 2 placeholders left unfilled (named).`;

const FORMATS = ['text', 'markdown', 'html'] as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values: opts } = parseCommandArgs(
    args,
    {
      kb: { type: 'string', multiple: true },
      entry: { type: 'string' },
      ticket: { type: 'string' },
      values: { type: 'string' },
      format: { type: 'string' },
      'keep-greeting': { type: 'boolean' },
    },
  );
  for (const name of ['kb', 'entry', 'ticket'] as const) if (!opts[name]?.length) throw new UsageError(`--${name} is required`);
  const format = opts.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: use one of ${FORMATS.join(', ')}`);

  const ticket = await readTicket(opts.ticket!);
  const given = opts.values ? await readValues(opts.values) : {};
  const { entries } = await loadKnowledge(opts.kb!);
  const entry = entries.find((e) => e.id === opts.entry);
  if (!entry) throw new UserError(`--entry ${opts.entry}: no entry with this id in ${opts.kb!.join(', ')}`);

  const twice = opts['keep-greeting'] ? undefined : doubled(ticket.helpdesk, entry.body);
  const d = draft(answerBody(entry, twice), { ...valuesFromTicket(ticket), ...given }, {}, null);
  if (d.final.unresolved.length) {
    const missing = d.final.unresolved.map((n) => `${n} (${PLACEHOLDERS[n].label.toLowerCase()})`);
    io.err(`${entry.id}: no value for ${missing.join(', ')}; add ${d.final.unresolved.length === 1 ? 'it' : 'them'} to --values <values.json>`);
    return 2;
  }
  if (format === 'markdown') {
    io.out(d.final.text);
    return 0;
  }
  const { JSDOM } = await import('jsdom');
  const win = new JSDOM('').window as unknown as WindowLike & { document: Document };
  const out = forInsert(d.final.text, win);
  io.out(format === 'html' ? out.html.trim() : out.text);
  return 0;
}

async function readJson(file: string, what: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError(`${file}: no such file (${what})`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

async function readTicket(file: string): Promise<Ticket> {
  const parsed = Ticket.safeParse(await readJson(file, '--ticket'));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file}, ${i.path.length ? i.path.join('.') : '(the ticket)'}: ${i.message}`);
  throw new UserError(`${lines.join('\n')}\nA ticket is described in knowledge/ticket.ts.`);
}

async function readValues(file: string): Promise<PlaceholderValues> {
  const raw = await readJson(file, '--values');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UserError(`${file}: expected an object like {"order.number": "A-1"}`);
  const out: PlaceholderValues = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!isPlaceholderName(name)) throw new UserError(`${file}, ${name}: not a placeholder; use one of ${PLACEHOLDER_NAMES.join(', ')}`);
    if (typeof value !== 'string') throw new UserError(`${file}, ${name}: expected text, got ${value === null ? 'null' : typeof value}`);
    out[name] = value;
  }
  return out;
}
