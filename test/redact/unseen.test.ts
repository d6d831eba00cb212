import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildLabelled } from '../fixtures/redaction/build.ts';
import { PROMISED, percent, ratio, score, sum } from '../fixtures/redaction/score.ts';

/**
 * The unseen set (test/fixtures/redaction/unseen/) was written by someone who had not read the
 * redactor, to measure whether it generalises. Targets: recall >= 97% on the promised types plus
 * addresses, precision >= 90%.
 */
const cases = buildLabelled(fileURLToPath(new URL('../fixtures/redaction/unseen/', import.meta.url)));

describe('redaction on the unseen set', () => {
  it('is large and varied enough to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const s = score(cases);
    for (const t of PROMISED) expect(s.byType[t].expected, t).toBeGreaterThanOrEqual(10);
  });

  it('finds at least 97% of the promised personal data and addresses, with precision of at least 90%', () => {
    const s = score(cases);
    const promised = sum(PROMISED.map((t) => s.byType[t]));
    const recall = ratio(promised.covered, promised.expected);
    console.log(
      `unseen redaction: recall ${percent(recall)} (${promised.covered}/${promised.expected}) on the promised types and addresses, ` +
        `overall recall ${percent(s.recall)}, precision ${percent(s.precision)} (${s.correct}/${s.predicted}) on ${cases.length} strings`,
    );
    for (const [t, v] of Object.entries(s.byType)) console.log(`  ${t}: recall ${percent(ratio(v.covered, v.expected))} (${v.covered}/${v.expected}), precision ${percent(ratio(v.correct, v.predicted))} (${v.correct}/${v.predicted})`);
    for (const m of [...s.misses, ...s.wrong]) console.log(`  ${m}`);
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });
});
