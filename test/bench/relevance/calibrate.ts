/**
 * Fits the confidence model (knowledge/search/calibration.ts) on fit splits and prints
 * precision/coverage on held-out splits. Never touches BANKING77 test.
 *   npx tsx test/bench/relevance/calibrate.ts
 */
import { fitLogistic, precisionCoverage, confidence, type LogisticModel } from '../../../knowledge/search/calibration.ts';
import { banking77Calibration, sampleTickets } from './datasets.ts';
import { buildOurs, runOurs, type Outcome } from './ours.ts';

export function calibrationOutcomes(): { name: string; fit: Outcome[]; heldOut: Outcome[] }[] {
  const sets: { name: string; fit: Outcome[]; heldOut: Outcome[] }[] = [];
  for (const k of [5, Infinity]) {
    const c = banking77Calibration(k);
    const index = buildOurs(c.entries);
    sets.push({ name: `BANKING77 train K=${k === Infinity ? 'half' : k}`, fit: runOurs(index, c.fit), heldOut: runOurs(index, c.heldOut) });
  }
  const t = sampleTickets();
  if (t) {
    const index = buildOurs(t.entries);
    sets.push({ name: 'sample tickets', fit: runOurs(index, t.fit), heldOut: runOurs(index, t.heldOut) });
  }
  return sets;
}

function samples(outcomes: Outcome[], weight: number) {
  const out = [];
  for (const o of outcomes) if (o.features) for (let i = 0; i < weight; i++) out.push({ x: o.features, y: (o.correct ? 1 : 0) as 0 | 1 });
  return out;
}

if (process.argv[1]?.endsWith('calibrate.ts')) {
  const sets = calibrationOutcomes();
  // The sample tickets are few but are the product's case: count each one as many.
  const fitData = sets.flatMap((s) => samples(s.fit, s.name === 'sample tickets' ? 20 : 1));
  const model: LogisticModel = fitLogistic(fitData);
  console.log(JSON.stringify(model));
  for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const cells = sets.map((s) => {
      const o = s.heldOut.map((x) => ({ confidence: x.features ? confidence(x.features, model) : 0, correct: x.correct }));
      const pc = precisionCoverage(o, threshold);
      return `${s.name}: P ${(100 * pc.precision).toFixed(1)} C ${(100 * pc.coverage).toFixed(1)}`;
    });
    console.log(threshold, cells.join(' | '));
  }
}
