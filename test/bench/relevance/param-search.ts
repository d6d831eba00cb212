/**
 * Chooses the ranking parameters (knowledge/search/bm25f.ts DEFAULT_RANKING: field weights,
 * length normalisation, k1, k3, the per-question score and the wording model's weight) by
 * coordinate search across sets of different shapes (and the weight of stop words in a query), never on one alone and never on a test split
 * or heldout-tickets.json (issue 9, part 5):
 *   - BANKING77 train, K=5 and K=half (short intents with example questions; banking77Calibration),
 *   - StackFAQ dev (long answers, no example questions),
 *   - xSID validation (six languages, the query's language not given; xsid.ts),
 *   - the sample pack as long answers without questions (its questions removed from the entries
 *     and asked as queries; `packAnswers` below),
 *   - the sample tickets' fitting split (whole tickets).
 * The objective is the mean top-1 over the sets; a value is kept only if it raises that mean by
 * more than MIN_GAIN points (smaller differences are noise at these sizes).
 *
 * Cross-validation across shapes: the search is also run once per set with that set left out, and
 * the left-out set's top-1 at the values chosen without it is printed beside its top-1 at the
 * start: what choosing on other shapes does to a shape it never saw. The values to ship are those
 * chosen on all sets, kept only if no left-out set lost more than MIN_GAIN.
 *   npx tsx test/bench/relevance/param-search.ts [--rounds 2] [--no-folds]
 * Paste the result into DEFAULT_RANKING and refit the confidence model (calibrate.ts) afterwards.
 */
import { Entry } from '../../../knowledge/entry.ts';
import { DEFAULT_RANKING, type RankingOptions } from '../../../knowledge/search/bm25f.ts';
import { KnowledgeIndex } from '../../../knowledge/search/index.ts';
import { banking77Calibration, hasData, sampleTickets, stackfaq, type Dataset } from './datasets.ts';
import { metrics } from './metrics.ts';
import { runOurs, type Labelled } from './ours.ts';
import { xsidAvailable, xsidDataset } from './xsid.ts';
import { isSuggestable } from '../../../knowledge/entry.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MIN_GAIN = 0.3;
const PACK = fileURLToPath(new URL('../../../knowledge/sample/pack.json', import.meta.url));

/**
 * The sample pack as a set of long answers without example questions: every entry keeps its
 * title, body and tags, its questions are taken out and become the queries (of the entries that
 * may be suggested), so an answer is found by its text alone.
 */
export function packAnswers(): Dataset {
  const entries = (JSON.parse(readFileSync(PACK, 'utf8')) as { entries: unknown[] }).entries.map((e) => Entry.parse(e));
  const queries: Labelled[] = entries
    .filter((e) => isSuggestable(e, '2026-11-23'))
    .flatMap((e) => e.questions.map((q, i) => ({ id: `${e.id}-q${i}`, text: q, relevant: [e.id] })));
  return { name: 'pack answers without questions', entries: entries.map((e) => ({ ...e, questions: [] })), queries };
}

export function searchSets(): Dataset[] {
  const out: Dataset[] = [];
  for (const k of [5, Infinity]) {
    const c = banking77Calibration(k);
    out.push({ name: `B77 train K=${k === Infinity ? 'half' : k}`, entries: c.entries, queries: [...c.fit, ...c.heldOut] });
  }
  if (hasData('stackfaq')) out.push({ ...stackfaq('dev'), name: 'StackFAQ dev' });
  if (xsidAvailable()) {
    const x = xsidDataset('valid');
    out.push({ name: 'xSID valid', entries: x.entries, queries: x.queries });
  }
  out.push(packAnswers());
  const t = sampleTickets();
  if (t) out.push({ name: 'tickets (fitting split)', entries: t.entries, queries: t.fit });
  return out;
}

type Candidate = Partial<RankingOptions>;

export const STEPS: { name: string; values: number[]; apply: (r: RankingOptions, v: number) => Candidate }[] = [
  { name: 'stop-word weight', values: [0.1, 0.3, 0.5, 1], apply: (_r, v) => ({ stopWordWeight: v }) },
  { name: 'long query words', values: [25, 40, 1e9], apply: (_r, v) => ({ longQueryWords: v }) },
  { name: 'wording weight', values: [0, 0.1, 0.2, 0.3, 0.5], apply: (_r, v) => ({ wordingWeight: v }) },
  { name: 'k1', values: [1.2, 1.5, 2, 2.5], apply: (_r, v) => ({ k1: v }) },
  { name: 'title weight', values: [2, 3, 4, 5], apply: (r, v) => ({ weights: { ...r.weights, title: v } }) },
  { name: 'body weight', values: [0.2, 0.3, 0.5, 0.8], apply: (r, v) => ({ weights: { ...r.weights, body: v } }) },
  { name: 'title b', values: [0.3, 0.5, 0.75], apply: (r, v) => ({ b: { ...r.b, title: v } }) },
  { name: 'questions b', values: [0.5, 0.75, 0.9], apply: (r, v) => ({ b: { ...r.b, questions: v } }) },
  { name: 'body b', values: [0.5, 0.75, 0.9], apply: (r, v) => ({ b: { ...r.b, body: v } }) },
  { name: 'instance weight', values: [0.7, 1, 1.5], apply: (_r, v) => ({ instanceWeight: v }) },
  { name: 'k3', values: [1, 2, 5], apply: (_r, v) => ({ k3: v }) },
];

/** Top-1 of one set under one setting, the wording model trained as self-calibration would. */
function top1(d: Dataset, ranking: RankingOptions): number {
  const index = KnowledgeIndex.build(d.entries, { ranking });
  index.trainWording();
  return metrics(runOurs(index, d.queries).filter((o) => o.relevant.length > 0)).top1.value;
}

/** Each setting is measured on every set once; the searches below only read this cache. */
function scorer(data: readonly Dataset[]): (r: RankingOptions) => number[] {
  const seen = new Map<string, number[]>();
  return (r) => {
    const key = JSON.stringify(r);
    let per = seen.get(key);
    if (!per) seen.set(key, (per = data.map((d) => top1(d, r))));
    return per;
  };
}

const meanOf = (per: readonly number[], use: readonly boolean[]) => {
  const kept = per.filter((_, i) => use[i]);
  return kept.reduce((a, x) => a + x, 0) / kept.length;
};

/** Coordinate search maximising the mean top-1 over the sets marked in `use`. */
export function search(score: (r: RankingOptions) => number[], use: readonly boolean[], rounds: number, log: (line: string) => void = () => {}): RankingOptions {
  let best: RankingOptions = { ...DEFAULT_RANKING };
  let current = meanOf(score(best), use);
  for (let round = 0; round < rounds; round++)
    for (const step of STEPS)
      for (const v of step.values) {
        const tried: RankingOptions = { ...best, ...step.apply(best, v) };
        const per = score(tried);
        const m = meanOf(per, use);
        log(`${step.name} = ${v}: mean ${m.toFixed(2)} (${per.map((x) => x.toFixed(1)).join(' / ')})`);
        if (m > current + MIN_GAIN) {
          best = tried;
          current = m;
        }
      }
  return best;
}

/** What changed from the defaults, for printing. */
function changes(r: RankingOptions): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(r) as [keyof RankingOptions, unknown][]) {
    const d = DEFAULT_RANKING[k];
    if (typeof v === 'object' && v && typeof d === 'object')
      for (const [f, x] of Object.entries(v)) {
        if ((d as Record<string, number>)[f] !== x) out.push(`${k}.${f} ${(d as Record<string, number>)[f]} → ${x}`);
      }
    else if (v !== d) out.push(`${k} ${String(d)} → ${String(v)}`);
  }
  return out.join(', ') || 'none';
}

if (process.argv[1]?.endsWith('param-search.ts')) {
  const at = process.argv.indexOf('--rounds');
  const rounds = at > 0 ? Number(process.argv[at + 1]) : 1;
  const data = searchSets();
  const score = scorer(data);
  const all = data.map(() => true);
  const start = score({ ...DEFAULT_RANKING });
  console.log(`sets: ${data.map((d) => `${d.name} (${d.entries.length} entries, ${d.queries.length} queries)`).join('; ')}`);
  console.log(`start: mean ${meanOf(start, all).toFixed(2)} (${data.map((d, i) => `${d.name} ${start[i]!.toFixed(1)}`).join(', ')})`);
  const chosen = search(score, all, rounds, console.log);
  const end = score(chosen);
  console.log(`chosen on all sets: ${changes(chosen)}`);
  console.log(`  top-1: ${data.map((d, i) => `${d.name} ${start[i]!.toFixed(1)} → ${end[i]!.toFixed(1)}`).join(', ')}; mean ${meanOf(end, all).toFixed(2)}`);
  if (!process.argv.includes('--no-folds')) {
    console.log('leave one set out (chosen on the others, measured on it):');
    for (let i = 0; i < data.length; i++) {
      const r = search(
        score,
        data.map((_, j) => j !== i),
        rounds,
      );
      console.log(`  ${data[i]!.name}: ${start[i]!.toFixed(1)} → ${score(r)[i]!.toFixed(1)} (${changes(r)})`);
    }
  }
  console.log(`DEFAULT_RANKING = ${JSON.stringify(chosen)}`);
}
