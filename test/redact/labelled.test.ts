import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redact } from '../../knowledge/redact.ts';
import { buildLabelled, serialise, type LabelledCase } from '../fixtures/redaction/build.ts';
import { score } from '../fixtures/redaction/score.ts';

const file = new URL('../fixtures/redaction/labelled.json', import.meta.url);
const cases = JSON.parse(readFileSync(file, 'utf8')) as LabelledCase[];

describe('redaction on the labelled set', () => {
  it('is built from the case files (labelled.json is up to date)', () => {
    expect(readFileSync(file, 'utf8')).toBe(serialise(buildLabelled()));
  });

  it('has enough variety to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const byType = (t: string) => cases.flatMap((c) => c.spans).filter((s) => s.type === t).length;
    for (const t of ['email', 'phone', 'card', 'iban', 'name', 'address']) expect(byType(t)).toBeGreaterThanOrEqual(14);
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
