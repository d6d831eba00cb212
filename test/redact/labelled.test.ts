import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData, redact } from '../../knowledge/redact.ts';
import { buildLabelled, serialise, type LabelledCase } from '../fixtures/redaction/build.ts';

const file = new URL('../fixtures/redaction/labelled.json', import.meta.url);
const cases = JSON.parse(readFileSync(file, 'utf8')) as LabelledCase[];

/**
 * Recall: a labelled span counts as found when the predicted spans cover all of it (any type: the
 * data is out either way). Precision: a predicted span is right when it lies inside a labelled span.
 */
function score(all: LabelledCase[]) {
  let expected = 0;
  let covered = 0;
  let predicted = 0;
  let correct = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const c of all) {
    const found = findPersonalData(c.text, { names: c.names });
    for (const s of c.spans) {
      expected += 1;
      const isCovered = [...Array(s.end - s.start).keys()].every((k) => found.some((f) => f.start <= s.start + k && s.start + k < f.end));
      if (isCovered) covered += 1;
      else misses.push(`${c.from}: missed ${s.type} ${JSON.stringify(s.text)}`);
    }
    for (const f of found) {
      predicted += 1;
      if (c.spans.some((s) => s.start <= f.start && f.end <= s.end)) correct += 1;
      else wrong.push(`${c.from}: wrongly took ${f.type} ${JSON.stringify(c.text.slice(f.start, f.end))}`);
    }
  }
  return { expected, covered, predicted, correct, recall: covered / expected, precision: correct / predicted, misses, wrong };
}

describe('redaction on the labelled set', () => {
  it('is built from the case files (labelled.json is up to date)', () => {
    expect(readFileSync(file, 'utf8')).toBe(serialise(buildLabelled()));
  });

  it('has enough variety to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const byType = (t: string) => cases.flatMap((c) => c.spans).filter((s) => s.type === t).length;
    for (const t of ['email', 'phone', 'card', 'iban', 'name']) expect(byType(t)).toBeGreaterThanOrEqual(14);
    expect(cases.filter((c) => c.spans.length === 0).length).toBeGreaterThanOrEqual(60);
  });

  it('finds at least 99% of the personal data, with precision of at least 95%', () => {
    const s = score(cases);
    console.log(
      `redaction: recall ${(100 * s.recall).toFixed(1)}% (${s.covered}/${s.expected}), ` +
        `precision ${(100 * s.precision).toFixed(1)}% (${s.correct}/${s.predicted}) on ${cases.length} labelled strings`,
    );
    for (const m of [...s.misses, ...s.wrong]) console.log(`  ${m}`);
    expect(s.recall).toBeGreaterThanOrEqual(0.99);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('returns the expected text for most cases (exact tokens and boundaries)', () => {
    const exact = cases.filter((c) => redact(c.text, { names: c.names }) === c.expected).length;
    console.log(`redaction: ${exact}/${cases.length} strings redacted exactly as labelled`);
    expect(exact / cases.length).toBeGreaterThanOrEqual(0.97);
  });
});
