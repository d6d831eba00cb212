import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { isSuggestable } from '../../knowledge/entry.ts';
import { learnFromAcceptance } from '../../knowledge/feedback.ts';
import { DEFAULT_THRESHOLD, precisionCoverage } from '../../knowledge/search/calibration.ts';
import { fuseRanker, miniSearchRanker, packageVersion } from './baselines.ts';
import { banking77Test, every, sampleTickets, type Dataset } from './relevance/datasets.ts';
import { metrics } from './relevance/metrics.ts';
import { runRanker } from './relevance/baselines-run.ts';
import { BENCH_DAY, buildOurs, runOurs, type Labelled, type Outcome } from './relevance/ours.ts';
import { languageIdTable } from './relevance/language-id.ts';
import { xsidAvailable } from './relevance/xsid.ts';
import { xsidTable } from './relevance/xsid-bench.ts';
import type { BenchTable } from './table.ts';

/**
 * Fuse.js needs ~1-2 s per ticket, and per query over every BANKING77 training utterance: it
 * gets a deterministic sample (every nth query). 300 as the issue asks takes ~10 minutes on a
 * shared 2-core machine; RELEVANCE_FUSE_SAMPLE=300 runs that, the default keeps the bench short.
 */
const FUSE_SAMPLE = Number(process.env.RELEVANCE_FUSE_SAMPLE ?? 100);
const COLUMNS = ['engine', 'queries', 'top-1 %', 'top-3 %', 'MRR@10 %', 'precision@thr %', 'coverage@thr %'];

function row(name: string, outcomes: Outcome[], calibrated: boolean): (string | number)[] {
  const answerable = outcomes.filter((o) => o.relevant.length > 0);
  const m = metrics(answerable);
  const pc = precisionCoverage(outcomes, DEFAULT_THRESHOLD);
  return [name, outcomes.length, m.top1, m.top3, m.mrr10, calibrated ? 100 * pc.precision : '-', calibrated ? 100 * pc.coverage : '-'];
}

function compare(d: Dataset, fuseSample?: number): BenchTable {
  const suggestable = (e: (typeof d.entries)[number]) => isSuggestable(e, BENCH_DAY);
  const ours = runOurs(buildOurs(d.entries), d.queries);
  const fuseQueries = fuseSample ? every(d.queries, Math.ceil(d.queries.length / fuseSample)) : d.queries;
  const rows = [
    row('Agent Assist engine', ours, true),
    row(`Fuse.js ${packageVersion('fuse.js')}${fuseSample ? ` (sample of ${fuseQueries.length})` : ''}`, runRanker(fuseRanker(), d.entries, fuseQueries, suggestable), false),
    row(`MiniSearch ${packageVersion('minisearch')}`, runRanker(miniSearchRanker(), d.entries, d.queries, suggestable), false),
  ];
  const notes = [`${d.entries.length} entries. Plain libraries get the same approved entries; for tickets they get subject + latest message as they are.`];
  if (fuseSample) notes.push(`Fuse.js is too slow for every query (about a second each): it gets one query in ${Math.ceil(d.queries.length / fuseSample)} (deterministic), so its numbers carry a few points of sampling error.`);
  notes.push(`precision@thr: share of shown top-1 that is right at the default confidence threshold ${DEFAULT_THRESHOLD}; coverage@thr: share of queries that get a suggestion (the rest: "no confident answer").`);
  if (d.queries.some((q) => q.relevant.length === 0)) notes.push('Tickets whose right answer is "none" count in precision/coverage, not in top-k/MRR.');
  return { title: `Relevance: ${d.name}`, columns: COLUMNS, rows, notes };
}

/** Learns from the even-numbered test queries (with their right answer), measures on the odd ones. */
function feedback(d: Dataset): BenchTable {
  const teach = every(d.queries, 2, 0);
  const measure = every(d.queries, 2, 1);
  const index = buildOurs(d.entries);
  const before = runOurs(index, measure);
  let learned = 0;
  for (const q of teach) {
    const query = q.ticket ? undefined : { text: q.text ?? '', parts: [{ text: q.text ?? '', weight: 1 }] };
    if (query && q.relevant[0] && learnFromAcceptance(index, query, q.relevant[0], { now: new Date(`${BENCH_DAY}T12:00:00Z`) })) learned++;
  }
  const after = runOurs(index, measure);
  return {
    title: `Feedback: ${d.name}, learned from half the test queries, measured on the other half`,
    columns: COLUMNS,
    rows: [row('before learning', before, true), row(`after ${learned} learned phrasings`, after, true)],
    notes: ['Simulates agents accepting the right entry for the even-numbered queries; measured on the odd-numbered ones.'],
  };
}

/** @orama/stemmers exports no main entry, so packageVersion() cannot resolve it. */
function stemmersVersion(): string {
  const file = fileURLToPath(new URL('../../node_modules/@orama/stemmers/package.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function environment(): string[] {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}, ${cpu} (${os.cpus().length} cores), fuse.js ${packageVersion('fuse.js')}, minisearch ${packageVersion('minisearch')}, @orama/stemmers ${stemmersVersion()}.`,
    `Targets: BANKING77 top-1 >= 68 (K=5) and >= 84 (K=all); sample tickets >= 5 points above the best plain library; after feedback K=5 top-1 >= 75; precision of shown top-1 >= 90% on sample tickets.`,
  ];
}

export async function run(): Promise<BenchTable[]> {
  const tables: BenchTable[] = [];
  const tickets = sampleTickets();
  if (tickets) tables.push(compare({ name: 'sample tickets (knowledge/sample)', entries: tickets.entries, queries: tickets.all as Labelled[] }, FUSE_SAMPLE));
  const k5 = banking77Test(5);
  tables.push(compare(k5, FUSE_SAMPLE * 3));
  tables.push(compare(banking77Test(Infinity), FUSE_SAMPLE));
  tables.push(feedback(k5));
  if (xsidAvailable()) tables.push(xsidTable('test'));
  tables.push(languageIdTable());
  tables[0]!.notes = [...(tables[0]!.notes ?? []), ...environment()];
  if (!tickets) tables[0]!.notes.push('knowledge/sample/tickets.json not found: sample-ticket table skipped.');
  return tables;
}

if (process.argv[1]?.endsWith('relevance.ts')) {
  const { formatTable } = await import('./table.ts');
  for (const t of await run()) console.log(formatTable(t));
}
