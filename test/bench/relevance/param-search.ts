/**
 * Coordinate search of the ranking parameters (knowledge/search/bm25f.ts DEFAULT_RANKING) on
 * fitting and dev splits only, across sets of different shapes: BANKING77 train (short intents,
 * K=5 and K=half examples), StackFAQ dev (long answers, no questions) and the sample tickets'
 * fitting split. Never reads a test split or heldout-tickets.json.
 *   npx tsx test/bench/relevance/param-search.ts [--rounds 2]
 * Prints each tried value's top-1 per set and their mean; a value is kept only if it raises the
 * mean by more than MIN_GAIN points (smaller differences are noise at these sizes). Paste the
 * result into DEFAULT_RANKING and refit the confidence model (calibrate.ts) afterwards.
 */
import { DEFAULT_RANKING, type RankingOptions } from '../../../knowledge/search/bm25f.ts';
import { KnowledgeIndex } from '../../../knowledge/search/index.ts';
import { banking77Calibration, sampleTickets, stackfaq, type Dataset } from './datasets.ts';
import { metrics } from './metrics.ts';
import { runOurs } from './ours.ts';

const MIN_GAIN = 0.3;

function sets(): Dataset[] {
  const out: Dataset[] = [];
  for (const k of [5, Infinity]) {
    const c = banking77Calibration(k);
    out.push({ name: `B77 train K=${k === Infinity ? 'half' : k}`, entries: c.entries, queries: [...c.fit, ...c.heldOut] });
  }
  out.push({ ...stackfaq('dev'), name: 'StackFAQ dev' });
  const t = sampleTickets();
  if (t) out.push({ name: 'tickets (fitting split)', entries: t.entries, queries: t.fit });
  return out;
}

type Candidate = Partial<RankingOptions>;

const STEPS: { name: string; values: number[]; apply: (r: RankingOptions, v: number) => Candidate }[] = [
  { name: 'k1', values: [1.2, 1.5, 2, 2.5], apply: (_r, v) => ({ k1: v }) },
  { name: 'title weight', values: [2, 3, 4, 5], apply: (r, v) => ({ weights: { ...r.weights, title: v } }) },
  { name: 'body weight', values: [0.2, 0.3, 0.5, 0.8], apply: (r, v) => ({ weights: { ...r.weights, body: v } }) },
  { name: 'body b', values: [0.5, 0.75, 0.9], apply: (r, v) => ({ b: { ...r.b, body: v } }) },
  { name: 'instance weight', values: [0.7, 1, 1.5], apply: (_r, v) => ({ instanceWeight: v }) },
  { name: 'k3', values: [1, 2, 5], apply: (_r, v) => ({ k3: v }) },
];

function top1(d: Dataset, ranking: RankingOptions): number {
  const index = KnowledgeIndex.build(d.entries, { ranking });
  return metrics(runOurs(index, d.queries).filter((o) => o.relevant.length > 0)).top1.value;
}

if (process.argv[1]?.endsWith('param-search.ts')) {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 1);
  const data = sets();
  let best: RankingOptions = { ...DEFAULT_RANKING };
  const score = (r: RankingOptions) => {
    const per = data.map((d) => top1(d, r));
    return { per, mean: per.reduce((a, x) => a + x, 0) / per.length };
  };
  let current = score(best);
  console.log(`start: mean ${current.mean.toFixed(2)} (${data.map((d, i) => `${d.name} ${current.per[i]!.toFixed(1)}`).join(', ')})`);
  for (let round = 0; round < rounds; round++) {
    for (const step of STEPS) {
      for (const v of step.values) {
        const tried: RankingOptions = { ...best, ...step.apply(best, v) };
        const s = score(tried);
        console.log(`${step.name} = ${v}: mean ${s.mean.toFixed(2)} (${s.per.map((x) => x.toFixed(1)).join(' / ')})`);
        if (s.mean > current.mean + MIN_GAIN) {
          best = tried;
          current = s;
        }
      }
    }
  }
  console.log(`best: ${JSON.stringify(best)}, mean top-1 ${current.mean.toFixed(2)}`);
}
