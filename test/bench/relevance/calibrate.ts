/**
 * Fits the global confidence model (knowledge/search/calibration.ts) on fitting splits only and
 * chooses the default threshold; never reads BANKING77 test, StackFAQ test, xSID test or the
 * sample tickets' held-out split (heldout-tickets.json).
 *   npx tsx test/bench/relevance/calibrate.ts     (prints the model to paste, and the check)
 * test/search/calibration-refit.test.ts refits the same way and checks the shipped coefficients.
 */
import { confidence, fitLogistic, precisionCoverage, type ConfidenceFeatures, type LogisticModel } from '../../../knowledge/search/calibration.ts';
import { banking77Calibration, every, sampleTickets } from './datasets.ts';
import { buildOurs, runOurs, type Outcome } from './ours.ts';

/** The sample tickets are few but are the product's case: each counts as this many. */
const TICKET_WEIGHT = 20;
/** The default threshold is the lowest at which every check set reaches this precision. */
const TARGET = 0.9;
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

interface FitSet {
  name: string;
  fit: Outcome[];
  check: Outcome[];
  weight: number;
}

/** BANKING77 train (K=5 and K=half; fit and check halves of train) and the sample tickets' fitting split. */
export function fittingOutcomes(): { sets: FitSet[]; tickets: Outcome[] } {
  const sets: FitSet[] = [];
  for (const k of [5, Infinity]) {
    const c = banking77Calibration(k);
    const index = buildOurs(c.entries);
    sets.push({ name: `BANKING77 train K=${k === Infinity ? 'half' : k}`, fit: runOurs(index, c.fit), check: runOurs(index, c.heldOut), weight: 1 });
  }
  const t = sampleTickets();
  const tickets = t ? runOurs(buildOurs(t.entries), t.fit) : [];
  return { sets, tickets };
}

function samples(outcomes: readonly Outcome[], weight: number): { x: ConfidenceFeatures; y: 0 | 1 }[] {
  const out: { x: ConfidenceFeatures; y: 0 | 1 }[] = [];
  for (const o of outcomes) if (o.features) for (let i = 0; i < weight; i++) out.push({ x: o.features, y: o.correct ? 1 : 0 });
  return out;
}

/** The shipped model: fitted on every fitting outcome (BANKING77 fit halves, all fitting-split tickets). */
export function fitGlobalModel(f = fittingOutcomes()): LogisticModel {
  return fitLogistic([...f.sets.flatMap((s) => samples(s.fit, s.weight)), ...samples(f.tickets, TICKET_WEIGHT)]);
}

const at = (outcomes: readonly Outcome[], model: LogisticModel, threshold: number) =>
  precisionCoverage(
    outcomes.map((o) => ({ confidence: o.features ? confidence(o.features, model) : 0, correct: o.correct })),
    threshold,
  );

if (process.argv[1]?.endsWith('calibrate.ts')) {
  const f = fittingOutcomes();
  const model = fitGlobalModel(f);
  console.log(JSON.stringify(model));
  // The tickets are checked by 2-fold cross-validation inside the fitting split (a model fitted without each half).
  const halves = [every(f.tickets, 2, 0), every(f.tickets, 2, 1)];
  const cv = halves.map((h, i) => ({ check: h, model: fitLogistic([...f.sets.flatMap((s) => samples(s.fit, s.weight)), ...samples(halves[1 - i]!, TICKET_WEIGHT)]) }));
  let chosen: number | undefined;
  for (const threshold of THRESHOLDS) {
    const b77 = f.sets.map((s) => ({ name: s.name, pc: at(s.check, model, threshold) }));
    const shown = cv.map((c) => at(c.check, c.model, threshold));
    const right = shown.reduce((a, s) => a + s.precision * s.shown, 0);
    const n = shown.reduce((a, s) => a + s.shown, 0);
    const ticketP = n ? right / n : 1;
    const ticketC = n / f.tickets.length;
    // K=5 is not held to the target: a base with five examples per entry gets a higher threshold from its self-calibration
    if (chosen === undefined && b77[1]!.pc.precision >= TARGET && ticketP >= TARGET) chosen = threshold;
    console.log(threshold, [...b77.map((b) => `${b.name}: P ${(100 * b.pc.precision).toFixed(1)} C ${(100 * b.pc.coverage).toFixed(1)}`), `tickets (fitting split, 2-fold): P ${(100 * ticketP).toFixed(1)} C ${(100 * ticketC).toFixed(1)}`].join(' | '));
  }
  console.log(`default threshold: ${chosen}`);
}
