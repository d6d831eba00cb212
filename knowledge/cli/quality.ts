import { readFile } from 'node:fs/promises';
import { FINDING_KINDS, findingLine, type Finding, type FindingKind } from '../quality/findings.ts';
import { reviewQueue } from '../quality/queue.ts';
import { describeChange } from '../quality/revisions.ts';
import { importEventFiles } from '../reports/jsonl.ts';
import { UsageError, UserError, loadKnowledge, parseCommandArgs, type CliIO } from './io.ts';
import { dayArg } from './search.ts';

export const usage = 'quality --kb <files|folders…> [--events <events.jsonl>…] [--format text|jsonl] [--day YYYY-MM-DD] [--lead NAME]';

export const help = `${usage}

Prints the review queue of a knowledge base: exact and near duplicates, shared example questions,
overdue entries and entries due within 14 days, entries without an owner; with --events (files
exported from the panel or the dashboard) also entries not suggested in 90 days, the most rejected
ones, entries flagged as outdated, agents' typical edits, and unused overdue entries to archive.

--format jsonl writes one finding per line:
  {"kind":"duplicate","ids":["a","b"],"reason":"…","key":"…","fix":{…},"shown30":0}
Exit 0 even with findings (1 only when a file cannot be read).`;

const HEADINGS: Record<FindingKind, string> = {
  duplicate: 'Duplicates',
  shared_question: 'Shared example questions',
  flagged: 'Flagged as outdated by agents',
  overdue: 'Overdue',
  due_soon: 'Due for review within 14 days',
  most_rejected: 'Most rejected',
  revision: "Agents' edits proposed as revisions",
  no_owner: 'No owner',
  never_suggested: 'Not suggested in 90 days',
  archive_unused: 'Unused and overdue (archive?)',
};

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    kb: { type: 'string', multiple: true },
    events: { type: 'string', multiple: true },
    format: { type: 'string' },
    day: { type: 'string' },
    lead: { type: 'string' },
  });
  if (!values.kb?.length) throw new UsageError('--kb is required');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'jsonl') throw new UsageError(`--format ${format}: use text or jsonl`);
  const day = dayArg(values.day);
  const { entries } = await loadKnowledge(values.kb);
  const events = values.events?.length ? await readEvents(values.events) : [];
  // The end of the day asked for: events of that day count, and "overdue" is judged on it.
  const now = new Date(`${day}T23:59:59.999Z`);
  const queue = reviewQueue({ entries, events, now, eventsKnown: events.length > 0, ...(values.lead ? { lead: values.lead } : {}) });
  if (format === 'jsonl') {
    for (const f of queue.findings) io.out(JSON.stringify(findingLine(f)));
    return 0;
  }
  const total = queue.findings.length;
  const counts = FINDING_KINDS.filter((k) => queue.counts[k] > 0).map((k) => `${HEADINGS[k].toLowerCase()}: ${queue.counts[k]}`);
  io.out(`Review queue of ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} on ${day}: ${total === 0 ? 'nothing to review.' : `${total} ${total === 1 ? 'finding' : 'findings'} (${counts.join('; ')}).`}`);
  if (!events.length) io.out('No --events given: use, rejections, flags and agents\u2019 edits are not known, so those findings are left out.');
  const byKey = new Map(queue.findings.map((f) => [f.key, f]));
  if (queue.reviewFirst.length) {
    io.out('');
    io.out('Review first (overdue or flagged, most shown to agents in the last 30 days first):');
    queue.reviewFirst.forEach((key, i) => io.out(`  ${i + 1}. ${byKey.get(key)!.ids.join(', ')} (${byKey.get(key)!.kind}, shown ${byKey.get(key)!.shown30}\u00d7)`));
  }
  for (const kind of FINDING_KINDS) {
    const list = queue.findings.filter((f) => f.kind === kind);
    if (!list.length) continue;
    io.out('');
    io.out(`${HEADINGS[kind]} (${list.length}):`);
    for (const f of list) for (const line of describe(f)) io.out(line);
  }
  return 0;
}

function describe(f: Finding): string[] {
  const lines = [`- ${f.reason}`, `  fix: ${f.fix.label}`];
  if (f.fix.kind === 'accept_revision' && f.revision) {
    for (const h of f.revision.typical) lines.push(`    ${describeChange(h)} (${h.inserts} of ${f.revision.edited} edited inserts)`);
  }
  return lines;
}

async function readEvents(paths: string[]) {
  const files = [];
  for (const name of paths) {
    const text = await readFile(name, 'utf8').catch(() => {
      throw new UserError(`${name}: no such file`);
    });
    files.push({ name, text });
  }
  const merged = importEventFiles(files);
  if (merged.errors.length) throw new UserError(`${merged.errors.join('\n')}\nThe events files have errors; fix them and try again.`);
  return merged.events;
}
