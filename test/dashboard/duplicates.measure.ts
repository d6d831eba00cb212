/**
 * Measures the near-duplicate score on the labelled pairs and a 10k-entry scan:
 * `npx tsx test/dashboard/duplicates.measure.ts [--generated]` (the hand-written pairs by default). Printed, never asserted on time.
 */
import { DUPLICATE_THRESHOLD, entrySimilarity, findDuplicates } from '../../knowledge/quality.ts';
import { labelledPairs } from '../fixtures/duplicates/pairs.ts';
import { handPairEntries } from '../fixtures/duplicates/hand-pairs.ts';
import { generateEntries } from '../bench/synthetic.ts';

const set = process.argv.includes('--generated') ? labelledPairs() : handPairEntries();
const pairs = set.map((p) => ({ ...p, s: entrySimilarity(p.a, p.b) }));
console.log(`${pairs.length} labelled pairs: ${pairs.filter((p) => p.duplicate).length} duplicates, ${pairs.filter((p) => !p.duplicate).length} not`);
for (let t = 0.3; t <= 0.9001; t += 0.05) {
  const tp = pairs.filter((p) => p.duplicate && p.s >= t).length;
  const fp = pairs.filter((p) => !p.duplicate && p.s >= t).length;
  const fn = pairs.filter((p) => p.duplicate && p.s < t).length;
  const mark = Math.abs(t - DUPLICATE_THRESHOLD) < 1e-9 ? '  <- DUPLICATE_THRESHOLD' : '';
  console.log(`threshold ${t.toFixed(2)}: precision ${(tp / (tp + fp || 1)).toFixed(3)}, recall ${(tp / (tp + fn)).toFixed(3)}${mark}`);
}
const missed = pairs.filter((p) => p.duplicate && p.s < DUPLICATE_THRESHOLD).map((p) => `${p.b.id} ${p.s.toFixed(2)}`);
const wrong = pairs.filter((p) => !p.duplicate && p.s >= DUPLICATE_THRESHOLD).map((p) => `${p.a.id}~${p.b.id} ${p.s.toFixed(2)}`);
console.log('missed:', missed.join(', ') || 'none');
console.log('false alarms:', wrong.join(', ') || 'none');
console.log('lowest duplicates:', pairs.filter((p) => p.duplicate).sort((a, b) => a.s - b.s).slice(0, 5).map((p) => `${p.b.id} ${p.s.toFixed(2)}`).join(', '));
const top = pairs.filter((p) => !p.duplicate).sort((a, b) => b.s - a.s).slice(0, 5);
console.log('closest non-duplicates:', top.map((p) => `${p.a.id}~${p.b.id} ${p.s.toFixed(2)}`).join(', '));

const big = generateEntries(10_000);
for (const run of ['first', 'second']) {
  const t0 = performance.now();
  const found = findDuplicates(big);
  console.log(`scan of ${big.length} entries (${run} run): ${(performance.now() - t0).toFixed(0)} ms, ${found.length} pairs`);
}
