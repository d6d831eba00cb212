import { readFileSync } from 'node:fs';
import { keyTerms } from '../../knowledge/key-terms.ts';
import { clusterTermSets, MAX_CLUSTERED, SIMILARITY_THRESHOLD } from '../../knowledge/reports/gaps.ts';
import { seededRandom } from '../../knowledge/reports/stats.ts';
import { KnowledgeIndex } from '../../knowledge/search/index.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import { suggest } from '../../knowledge/suggest.ts';
import { gapFixture, measureGapGrouping } from '../reports/gap-fixture.ts';
import type { BenchTable } from './table.ts';

/**
 * Gaps: how well the gap topics group tickets the knowledge does not answer. Purity on the labelled
 * set test/fixtures/gaps/tickets.json (64 tickets, 8 topics), at the shipped threshold and around
 * it, whether the sample knowledge indeed abstains on those tickets, and the grouping's time.
 */
export async function run(options: { quick?: boolean } = {}): Promise<BenchTable[]> {
  const thresholds = [0.03, 0.04, SIMILARITY_THRESHOLD, 0.07, 0.1];
  const rows = [...new Set(thresholds)].sort((a, b) => a - b).map((t) => {
    const m = measureGapGrouping(t);
    return [t === SIMILARITY_THRESHOLD ? `${t} (shipped)` : String(t), m.tickets, m.labels, m.topics, m.singletons, m.purity, m.inversePurity];
  });
  // Each half of every topic alone (tickets 1-4 and 5-8 of each): fewer tickets per topic, as in a short range.
  for (const [name, half] of [['first half', 0], ['second half', 1]] as const) {
    const m = measureGapGrouping(SIMILARITY_THRESHOLD, (i) => (i % 8 < 4 ? 0 : 1) === half);
    rows.push([`${SIMILARITY_THRESHOLD}, ${name} only`, m.tickets, m.labels, m.topics, m.singletons, m.purity, m.inversePurity]);
  }

  const fixture = gapFixture();
  const pack = importFiles([{ name: 'pack.json', bytes: readFileSync(new URL('../../knowledge/sample/pack.json', import.meta.url)) }], {
    now: new Date('2026-11-23T12:00:00Z'),
  });
  const index = KnowledgeIndex.build(pack.entries);
  const abstained = fixture.filter((f) => suggest(f.ticket, index, { day: '2026-11-23' }).abstained).length;

  // Time: gap tickets made by mixing the fixture's key terms (seeded), up to MAX_CLUSTERED.
  const random = seededRandom(8);
  const pool = fixture.map((f) => keyTerms(f.ticket));
  const timing: (string | number)[][] = [];
  for (const n of options.quick ? [500] : [500, MAX_CLUSTERED]) {
    const sets = Array.from({ length: n }, () => {
      const base = pool[Math.floor(random() * pool.length)]!;
      return base.filter(() => random() < 0.8).concat(`rare${Math.floor(random() * n)}`);
    });
    const started = performance.now();
    const clusters = clusterTermSets(sets);
    timing.push([n, clusters.length, performance.now() - started]);
  }

  return [
    {
      title: 'Gaps: topic grouping on labelled tickets',
      columns: ['similarity threshold', 'tickets', 'true topics', 'topics found', 'one-ticket topics', 'purity', 'inverse purity'],
      rows,
      notes: [
        'Average-linkage clustering on IDF-weighted Jaccard of each ticket\'s key terms (knowledge/key-terms.ts, knowledge/reports/gaps.ts).',
        'Purity: share of tickets in a topic whose label is that topic\'s majority (1 = no topic mixes two subjects). Inverse purity: the same with labels and topics swapped (1 = no subject split over topics).',
        `The sample knowledge abstains on ${abstained} of ${fixture.length} of these tickets; it suggests a wrong entry on the rest (an agent would reject it): all are gaps.`,
        'The threshold was chosen on this same set (no held-out set): read purity as an upper bound for other tickets.',
      ],
    },
    {
      title: 'Gaps: grouping time (Node)',
      columns: ['gap tickets', 'topics', 'ms'],
      rows: timing,
      notes: [`Only the newest ${MAX_CLUSTERED} gap tickets of a range are grouped (quadratic memory and time).`],
    },
  ];
}
