import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Entry } from '../../knowledge/entry';
import { DEFAULT_THRESHOLD } from '../../knowledge/search/calibration';
import { fromStored, toStored } from '../../knowledge/search/binary';
import { KnowledgeIndex } from '../../knowledge/search/index';
import {
  baseCalibration,
  calibrated,
  calibrationCurve,
  currentCalibration,
  fitBase,
  fitMapping,
  fittedCurve,
  GLOBAL,
  needsCalibration,
  PRIOR_THRESHOLD,
  type HeldOutOutcome,
} from '../../knowledge/search/self-calibration';
import { WEAK_CAP } from '../../knowledge/search/why';
import { suggest } from '../../knowledge/suggest';
import { DAY, ENTRIES, entry, ticket } from './fixtures';

const PACK = (JSON.parse(readFileSync(new URL('../../knowledge/sample/pack.json', import.meta.url), 'utf8')) as { entries: unknown[] }).entries.map((e) => Entry.parse(e));
const QUERIES = ['where is my parcel', 'refund not received yet', 'change the delivery address', 'how do I return boots', 'gas canisters by post'];
const scores = (index: KnowledgeIndex) => QUERIES.map((q) => index.search(q, { limit: 10 }).map((h) => `${h.id}:${h.score}`));

describe('self-calibration: each knowledge base fits its own confidence mapping and threshold', () => {
  it('asks the base its own questions with that question, or its entry, left out, and leaves the index as it was', () => {
    const index = KnowledgeIndex.build(PACK);
    index.trainWording(); // calibration trains the wording model first, which changes scores on purpose
    const before = scores(index);
    const { calibration, outcomes } = baseCalibration(index);
    expect(calibration.fitted).toBe(true);
    expect(calibration.inScope).toBeGreaterThanOrEqual(30);
    expect(calibration.outOfScope).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.outOfScope).every((o) => !o.correct)).toBe(true);
    // some left-out questions still find their entry, some do not: a real test, not a formality
    const inScope = outcomes.filter((o) => !o.outOfScope);
    expect(inScope.some((o) => o.correct) && inScope.some((o) => !o.correct)).toBe(true);
    expect(scores(index)).toEqual(before);
    const loaded = KnowledgeIndex.load(index.serialize());
    loaded.trainWording();
    expect(scores(loaded)).toEqual(before);
    // the threshold is never below the global model's, and it is the one the suggestions use
    expect(calibration.threshold).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(suggest(ticket('Where is my parcel?', 'It has not arrived.'), index, { day: DAY }).threshold).toBe(calibration.threshold);
  });

  it('with too few example questions keeps the global model under a conservative threshold', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    expect(currentCalibration(index)).toBe(GLOBAL);
    const { calibration } = baseCalibration(index);
    expect(calibration).toMatchObject({ fitted: false, slope: 1, intercept: 0, threshold: PRIOR_THRESHOLD });
    expect(PRIOR_THRESHOLD).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(suggest(ticket('Refund', 'where is my refund?'), index, { day: DAY }).threshold).toBe(PRIOR_THRESHOLD);
  });

  it('maps an overconfident model down, and stays near the identity on little evidence', () => {
    const over: HeldOutOutcome[] = Array.from({ length: 400 }, (_, i) => ({ raw: 0.9, correct: i % 2 === 0, outOfScope: false }));
    const m = fitMapping(over);
    expect(calibrated(0.9, m)).toBeLessThan(0.75);
    const few = fitMapping(over.slice(0, 6));
    expect(calibrated(0.9, few)).toBeGreaterThan(0.85);
    expect(fitBase(over.slice(0, 10))).toMatchObject({ fitted: false, threshold: PRIOR_THRESHOLD });
  });

  it('the fitted curve is a pure function of the held-out outcomes: precision and coverage per threshold', () => {
    const outcomes: HeldOutOutcome[] = [
      { raw: 0.95, correct: true, outOfScope: false },
      { raw: 0.8, correct: true, outOfScope: false },
      { raw: 0.6, correct: false, outOfScope: false },
      { raw: 0.4, correct: true, outOfScope: false },
    ];
    const curve = calibrationCurve(outcomes, { slope: 1, intercept: 0 }, [0.5, 0.9]);
    expect(curve).toEqual([
      { threshold: 0.5, precision: 2 / 3, coverage: 3 / 4 },
      { threshold: 0.9, precision: 1, coverage: 1 / 4 },
    ]);
    expect(calibrationCurve(outcomes, { slope: 1, intercept: 0 }, [0.5, 0.9])).toEqual(curve);
  });

  it('is refitted once enough of the base changed', () => {
    const index = KnowledgeIndex.build(PACK);
    baseCalibration(index);
    expect(needsCalibration(index)).toBe(false);
    for (let i = 0; i < 25; i++) index.add(entry(`new-${i}`, { questions: [`question number ${i}`] }));
    expect(needsCalibration(index)).toBe(true);
    baseCalibration(index);
    expect(needsCalibration(index)).toBe(false);
  });

  it('goes with the stored index: loaded again, the fit holds without refitting, and refits once enough changed', () => {
    const index = KnowledgeIndex.build(PACK);
    expect(toStored(index).calibration).toBeUndefined();
    baseCalibration(index);
    for (let i = 0; i < 3; i++) index.add(entry(`new-${i}`, { questions: [`question number ${i}`] }));
    const loaded = fromStored(toStored(index));
    expect(currentCalibration(loaded)).toEqual(currentCalibration(index));
    expect(currentCalibration(loaded).fitted).toBe(true);
    // the wording model is never stored: trained again after the load, and the fit holds without a refit
    const fit = currentCalibration(loaded);
    baseCalibration(loaded);
    expect(currentCalibration(loaded)).toBe(fit);
    expect(needsCalibration(loaded)).toBe(false);
    // the changes made before the save still count towards the refit
    for (let i = 3; i < 20; i++) loaded.add(entry(`new-${i}`, { questions: [`question number ${i}`] }));
    expect(needsCalibration(loaded)).toBe(true);
    // its curve is drawn by asking the held-out queries again (outcomes are not stored)
    expect(fittedCurve(fromStored(toStored(index))).points.some((p) => p.coverage > 0)).toBe(true);
    // a damaged stored fit is ignored: the index fits again
    const damaged = fromStored({ ...toStored(index), calibration: { calibration: { ...currentCalibration(index), slope: NaN }, behind: 0, size: 1 } });
    expect(currentCalibration(damaged)).toBe(GLOBAL);
  });
});

describe('matches on stop words or on one common word alone never reach "high"', () => {
  const words = [
    entry('casting', { title: 'Die casting und moulds', body: 'Die casting und moulds, made to order.' }),
    ...['a', 'b', 'c', 'd', 'e'].map((x) => entry(`order-${x}`, { title: `Order ${x}`, body: `Your order of item ${x}.` })),
  ];
  const index = KnowledgeIndex.build(words);

  it('a German ticket read as English that shares only German stop words ("die", "und") with an entry', () => {
    const r = suggest(ticket('die und', 'die und'), index, { day: DAY });
    // Told from its text, the ticket is German and its stop words match nothing; read as English,
    // "die" matches the entry: either way, never above the weak-evidence cap.
    for (const s of r.suggestions) expect(s.confidence).toBeLessThanOrEqual(WEAK_CAP);
    expect(r.abstained).toBe(true);
    const english = suggest({ ...ticket('die und', 'die und'), locale: 'en' }, index, { day: DAY });
    expect(english.suggestions[0]?.entry.id).toBe('casting');
    expect(english.suggestions[0]!.confidence).toBeLessThanOrEqual(WEAK_CAP);
  });

  it('one word that many entries share ("order"), even where one entry says little else', () => {
    const local = KnowledgeIndex.build([...words, entry('orders', { title: 'Orders', body: 'Orders.', questions: ['order', 'orders', 'my order'] })]);
    const r = suggest(ticket('order', 'order order'), local, { day: DAY });
    expect(r.suggestions[0]?.entry.id).toBe('orders');
    expect(r.suggestions[0]!.confidence).toBeLessThanOrEqual(WEAK_CAP);
  });

  it('a distinctive word still can', () => {
    const r = suggest(ticket('moulds', 'die casting moulds'), index, { day: DAY });
    expect(r.suggestions[0]!.confidence).toBeGreaterThan(WEAK_CAP);
  });
});
