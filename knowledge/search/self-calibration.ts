import { confidence as modelConfidence, DEFAULT_THRESHOLD, hitFeatures } from './calibration';
import type { KnowledgeIndex } from './index';
import type { StoredWording } from './wording';

/**
 * Confidence calibrated to each knowledge base (DESIGN.md, "Self-calibration"). The global model
 * (calibration.ts) was fitted on our data; on a team's own knowledge its 0.8 may mean 60 % or
 * 97 %. So the index tests itself: each sampled example question or learned phrasing is asked
 * as a query with that one question left out of its entry ("in scope": its entry is the right
 * answer), and some with their whole entry left out ("out of scope": any answer is wrong). On
 * those outcomes the model's confidence is re-mapped (logit' = slope · logit + intercept, a
 * Platt scaling pulled towards the identity by a prior) and the threshold chosen: the lowest
 * that keeps the precision of the shown top-1 at TARGET_PRECISION. With too few questions the
 * prior holds: the global model and a higher threshold (PRIOR_THRESHOLD).
 */
export interface BaseCalibration {
  slope: number;
  intercept: number;
  /** Confidence (after the mapping) from which a top answer is shown. */
  threshold: number;
  /** False: too few questions to fit, the conservative prior is used. */
  fitted: boolean;
  inScope: number;
  outOfScope: number;
}

/** One held-out query's top answer: its confidence (by the global model) and whether it was right. */
export interface HeldOutOutcome {
  raw: number;
  correct: boolean;
  outOfScope: boolean;
}

/** A point of the fitted curve: at this threshold, this share of held-out answers shown and this share of them right. */
export interface CurvePoint {
  threshold: number;
  precision: number;
  coverage: number;
}

export const TARGET_PRECISION = 0.9;
/** Fewer held-out questions than this: no fit, the prior. */
export const MIN_QUERIES = 30;
/** The prior's threshold: above the global default, since the model was never checked on this base. */
export const PRIOR_THRESHOLD = 0.8;
const MAX_OUT_OF_SCOPE = 50;
/** Out-of-scope queries count for this share of the fit (tickets no entry answers: ~15-20 % in our samples). */
const OUT_OF_SCOPE_SHARE = 0.2;
/** Weight of the prior (slope 1, intercept 0), in held-out queries. */
/**
 * Chosen on fitting splits only (BANKING77 train K=5 and K=half, the sample tickets' fitting
 * split; test/bench/relevance/calibrate.ts prints them): the prior's weight in held-out queries,
 * the held-out precision below which the threshold is raised, and the sample sizes (a fit costs
 * a few hundred short queries).
 */
export const TUNING = { priorWeight: 100, looTarget: 0.7, maxInScope: 200 };
const GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
/** Refit once this share of the entries (or 20 changes) changed since the last fit. */
const REFIT_SHARE = 0.05;

export const PRIOR: Readonly<BaseCalibration> = Object.freeze({ slope: 1, intercept: 0, threshold: PRIOR_THRESHOLD, fitted: false, inScope: 0, outOfScope: 0 });

/** Before any fit: the global model as fitted on our data, at its default threshold. */
export const GLOBAL: Readonly<BaseCalibration> = Object.freeze({ slope: 1, intercept: 0, threshold: DEFAULT_THRESHOLD, fitted: false, inScope: 0, outOfScope: 0 });

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's confidence mapped for this base. */
export function calibrated(raw: number, c: Pick<BaseCalibration, 'slope' | 'intercept'>): number {
  if (c.slope === 1 && c.intercept === 0) return raw;
  return sigmoid(c.slope * logit(raw) + c.intercept);
}

/**
 * The held-out queries of a base: up to TUNING.maxInScope questions/phrasings spread over the entries
 * (round r asks every entry's r-th one, with that one left out), and up to MAX_OUT_OF_SCOPE with
 * their entry left out (a tenth of the entries at a time). Deterministic.
 */
export function heldOutOutcomes(index: KnowledgeIndex): HeldOutOutcome[] {
  const approved = index.refs().filter((r) => r.status === 'approved');
  // entries spread over the base, enough for the in-scope queries (units are read for these only)
  const stride = Math.max(1, Math.floor(approved.length / TUNING.maxInScope));
  const all = index.instanceUnits(approved.filter((_, i) => i % stride === 0).map((r) => r.id)).filter((e) => e.units.length > 0);
  const filter = (e: { status: string }) => e.status === 'approved';
  const ask = (terms: string[]) => {
    const r = index.query([{ text: '', weight: 1, terms }], { limit: 3, filter });
    const top = r.hits[0];
    return top ? { id: top.id, raw: modelConfidence(hitFeatures(r.hits, 0, r.ideal, r.terms.length)) } : undefined;
  };
  const out: HeldOutOutcome[] = [];
  const totalUnits = all.reduce((n, e) => n + e.units.length, 0);
  const step = Math.max(1, Math.ceil(totalUnits / TUNING.maxInScope));
  let seen = 0;
  for (let round = 0; out.length < TUNING.maxInScope; round++) {
    const batch: { id: string; unit: number; terms: string[] }[] = [];
    for (const e of all) {
      const u = e.units[round];
      if (u && seen++ % step === 0) batch.push({ id: e.id, unit: u.unit, terms: u.terms });
    }
    if (!batch.length && all.every((e) => e.units.length <= round)) break;
    index.heldOut(batch, () => {
      for (const q of batch.slice(0, TUNING.maxInScope - out.length)) {
        const top = ask(q.terms);
        out.push({ raw: top?.raw ?? 0, correct: top?.id === q.id, outOfScope: false });
      }
    });
  }
  const entryStep = Math.max(1, Math.ceil(all.length / MAX_OUT_OF_SCOPE));
  const chosen = all.filter((_, i) => i % entryStep === 0);
  const perBatch = Math.max(1, Math.floor(all.length / 10));
  for (let i = 0; i < chosen.length && all.length > 1; i += perBatch) {
    const batch = chosen.slice(i, i + perBatch);
    index.heldOut(
      batch.map((e) => ({ id: e.id })),
      () => {
        for (const e of batch) {
          const top = ask(e.units[0]!.terms);
          out.push({ raw: top?.raw ?? 0, correct: false, outOfScope: true });
        }
      },
    );
  }
  return out;
}

/** Platt scaling with a Gaussian prior towards the identity (slope 1, intercept 0), by Newton steps. */
export function fitMapping(outcomes: readonly HeldOutOutcome[]): { slope: number; intercept: number } {
  const inScope = outcomes.filter((o) => !o.outOfScope).length;
  const outOfScope = outcomes.length - inScope;
  const wOut = outOfScope ? (OUT_OF_SCOPE_SHARE / (1 - OUT_OF_SCOPE_SHARE)) * (inScope / outOfScope) : 0;
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    // gradient and Hessian of the weighted log-loss plus TUNING.priorWeight/2 · ((a-1)² + b²)
    let ga = TUNING.priorWeight * (a - 1);
    let gb = TUNING.priorWeight * b;
    let haa = TUNING.priorWeight;
    let hab = 0;
    let hbb = TUNING.priorWeight;
    for (const o of outcomes) {
      const w = o.outOfScope ? wOut : 1;
      const z = logit(o.raw);
      const p = sigmoid(a * z + b);
      const err = w * (p - (o.correct ? 1 : 0));
      const curv = w * p * (1 - p);
      ga += err * z;
      gb += err;
      haa += curv * z * z;
      hab += curv * z;
      hbb += curv;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { slope: round(a), intercept: round(b) };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** Precision and coverage of the held-out answers at each threshold of the grid (a pure function: `kb eval` and the dashboard draw it). */
export function calibrationCurve(outcomes: readonly HeldOutOutcome[], c: Pick<BaseCalibration, 'slope' | 'intercept'>, thresholds: readonly number[] = GRID): CurvePoint[] {
  const mapped = weighted(outcomes).map((o) => ({ confidence: calibrated(o.raw, c), correct: o.correct, w: o.w }));
  return thresholds.map((threshold) => {
    let shown = 0;
    let right = 0;
    let total = 0;
    for (const o of mapped) {
      total += o.w;
      if (o.confidence >= threshold) {
        shown += o.w;
        if (o.correct) right += o.w;
      }
    }
    return { threshold, precision: shown ? right / shown : 1, coverage: total ? shown / total : 0 };
  });
}

/** Out-of-scope outcomes weighted to their share (as in the fit). */
function weighted(outcomes: readonly HeldOutOutcome[]): (HeldOutOutcome & { w: number })[] {
  const inScope = outcomes.filter((o) => !o.outOfScope).length;
  const outOfScope = outcomes.length - inScope;
  const wOut = outOfScope ? (OUT_OF_SCOPE_SHARE / (1 - OUT_OF_SCOPE_SHARE)) * (inScope / outOfScope) : 0;
  return outcomes.map((o) => ({ ...o, w: o.outOfScope ? wOut : 1 }));
}

/** The lowest threshold of the grid whose held-out precision reaches TARGET_PRECISION (never below the global default's floor of 0.5). */
export function chooseThreshold(curve: readonly CurvePoint[]): number {
  return curve.find((p) => p.threshold >= DEFAULT_THRESHOLD && p.precision >= TUNING.looTarget && p.coverage > 0)?.threshold ?? GRID.at(-1)!;
}

/** Fits a base's calibration from its held-out outcomes (the prior when there are too few). */
export function fitBase(outcomes: readonly HeldOutOutcome[]): BaseCalibration {
  const inScope = outcomes.filter((o) => !o.outOfScope).length;
  const outOfScope = outcomes.length - inScope;
  if (inScope < MIN_QUERIES) return { ...PRIOR, inScope, outOfScope };
  const mapping = fitMapping(outcomes);
  return { ...mapping, threshold: chooseThreshold(calibrationCurve(outcomes, mapping)), fitted: true, inScope, outOfScope };
}

/**
 * The calibration in force without fitting: the last fit (even if the index changed since) or,
 * before any, the global model as it is (GLOBAL). Cheap: the suggestion path calls this.
 */
export function currentCalibration(index: KnowledgeIndex): BaseCalibration {
  return cache.get(index)?.calibration ?? GLOBAL;
}

/** True when the index has no fit yet or changed enough since: call baseCalibration (e.g. when idle). */
export function needsCalibration(index: KnowledgeIndex): boolean {
  const seen = cache.get(index);
  return !seen || !fresh(index, seen) || index.wordingStale();
}

const fresh = (index: KnowledgeIndex, seen: { revision: number; size: number }) => index.revision - seen.revision < Math.max(20, REFIT_SHARE * seen.size);

/** `restored`: taken back from a stored index; when it came without its wording model (a row saved before they were stored), the model is trained again after the load. */
const cache = new WeakMap<KnowledgeIndex, { revision: number; size: number; calibration: BaseCalibration; outcomes: HeldOutOutcome[]; restored?: boolean }>();

/**
 * The index's calibration, fitted on first use and again once enough has changed (REFIT_SHARE of
 * the entries, or 20 changes): a few hundred short queries, tens of milliseconds at 10k entries.
 */
export function baseCalibration(index: KnowledgeIndex): { calibration: BaseCalibration; outcomes: HeldOutOutcome[] } {
  // the wording model first: the confidence is fitted on the scores queries will get
  const retrained = index.wordingStale();
  index.trainWording();
  const seen = cache.get(index);
  // A restored fit was made with the model trained on the same knowledge: training it again after
  // the load gives the scores it was fitted on, so it holds (a cold start refits nothing).
  if (seen && fresh(index, seen) && (!retrained || seen.restored)) {
    delete seen.restored;
    return seen;
  }
  const outcomes = heldOutOutcomes(index);
  const fitted = { revision: index.revision, size: index.size, calibration: fitBase(outcomes), outcomes };
  cache.set(index, fitted);
  return fitted;
}


/** The fitted curve of an index (fitting it if needed): what `kb eval` prints and the dashboard will draw. */
export function fittedCurve(index: KnowledgeIndex): { calibration: BaseCalibration; points: CurvePoint[] } {
  const seen = baseCalibration(index);
  // A fit restored from the stored index keeps no outcomes: ask the held-out queries again to draw it.
  if (!seen.outcomes.length && (seen.calibration.inScope || seen.calibration.outOfScope)) seen.outcomes = heldOutOutcomes(index);
  return { calibration: seen.calibration, points: calibrationCurve(seen.outcomes, seen.calibration) };
}

/** A fit as the stored index keeps it (binary.ts): the worker's cold start then has it at once instead of refitting. */
export interface StoredCalibration {
  calibration: BaseCalibration;
  /** Changes to the index since the fit (it is refitted once these reach REFIT_SHARE). */
  behind: number;
  /** Entries when fitted. */
  size: number;
  /** The wording model the fit was made with (its scores are in the fit): a cold start restores both. */
  wording?: StoredWording;
}

/** The index's last fit, to store with it; undefined before any. */
export function storedCalibration(index: KnowledgeIndex): StoredCalibration | undefined {
  const seen = cache.get(index);
  const wording = index.storedWording();
  return seen && { calibration: { ...seen.calibration }, behind: Math.max(0, index.revision - seen.revision), size: seen.size, ...(wording ? { wording } : {}) };
}

/** Takes back a stored fit for an index just loaded (ignores anything malformed: the index then fits again). */
export function restoreCalibration(index: KnowledgeIndex, stored: StoredCalibration | undefined): void {
  index.restoreWording(stored?.wording);
  const c = stored?.calibration;
  const numbers = c && [c.slope, c.intercept, c.threshold, c.inScope, c.outOfScope, stored.behind, stored.size];
  if (!c || !numbers!.every((x) => typeof x === 'number' && Number.isFinite(x)) || typeof c.fitted !== 'boolean') return;
  cache.set(index, { revision: index.revision - stored.behind, size: stored.size, calibration: { ...c }, outcomes: [], restored: true });
}
