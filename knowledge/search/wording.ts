import { FIELD_ID } from './bm25f';
import type { InvertedIndex } from './inverted';

/**
 * A knowledge base's own wording, learned at index time from its titles, example questions and
 * learned phrasings (issue 9, part 8; no downloaded weights). Each such unit is a training
 * example for its entry: a TF-IDF vector (sublinear tf, unit length) of hashed features, namely
 * its terms and the character 3–5-grams of each term ("refunded" meets "refund", "adress" meets
 * "address"). A linear model per entry, weights[entry, feature], is fitted by softmax regression
 * over candidate lists: for each example, BM25F's best entries for it (plus its own), so the
 * model learns what tells an entry from those it is confused with, and training costs the
 * examples times the list, never the examples times every entry. At query time it re-scores
 * BM25F's best candidates the same way (rerank-wording.ts).
 *
 * Memory is fixed: the weights of (entry, feature) pairs share one hashed Float32Array of
 * TABLE entries (the "hashing trick"; collisions cost a little accuracy, never correctness), and
 * feature document frequencies one Uint32Array. The examples are read back from the postings, so
 * the worker's index without entry texts trains the same; a trained model is stored beside the
 * stored index (toStored: its non-zero counts and weights), so a cold start does not train again.
 * Training is skipped above MAX_WORK (the model then
 * scores 0 and ranking is BM25F's), and redone once the entries changed by more than a twentieth;
 * entries added since are scored by BM25F alone until then.
 */

/** Hashed feature space for document frequencies and query vectors. */
const BITS = 18;
export const DIM = 1 << BITS;
const MASK = DIM - 1;
/** Hashed (entry, feature) weights: 4M floats, 16 MB. */
const TABLE = 1 << 22;
const TABLE_MASK = TABLE - 1;
/** Distinct terms (alphabetically first) whose pairs are features: 276 pairs at most. */
const MAX_PAIR_TERMS = 24;
/**
 * Character n-grams of each term. Chosen on BANKING77 train, StackFAQ dev and xSID validation
 * (param-search.ts): 3-grams only beat 3–5 and none (terms are stems already; 4- and 5-grams
 * mostly repeat the term).
 */
const GRAMS = [3];
/** Fields whose units are examples of an entry's wording: the title and each question and learned phrasing. */
const WORDING_FIELDS = new Set([FIELD_ID.title, FIELD_ID.questions, FIELD_ID.learned]);

export interface TrainingOptions {
  /** Passes over the examples. */
  epochs: number;
  /** SGD step size. */
  rate: number;
  /** L2 weight decay per pass. */
  l2: number;
  /** Entries each example is trained against (BM25F's best for it). */
  candidates: number;
  /**
   * Training is skipped when examples × candidates × epochs exceeds this: 2M is about 12k examples
   * (BANKING77's 10k train: ~1.5 s); 45k examples (10k synthetic entries) took 27 s, which would
   * hold up the worker (DESIGN.md, "Not done").
   */
  maxWork: number;
}

export const DEFAULT_TRAINING: Readonly<TrainingOptions> = Object.freeze({ epochs: 8, rate: 2, l2: 0.001, candidates: 20, maxWork: 2_000_000 });

/** FNV-1a of a string, seeded per feature kind. */
function hash(s: string, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A term's features: the term itself and the character n-grams of " term " (word-bounded, like char_wb). */
export function termFeatures(term: string): Int32Array {
  const padded = ` ${term} `;
  const out: number[] = [hash(term, 1) & MASK];
  for (const n of GRAMS) for (let i = 0; i + n <= padded.length; i++) out.push(hash(padded.slice(i, i + n), 2) & MASK);
  return Int32Array.from(out);
}

/** The weight slot of (entry, feature): the entry's own hash mixed with the feature. */
const slot = (entryHash: number, f: number): number => (Math.imul(entryHash ^ f, 0x9e3779b1) >>> 10) & TABLE_MASK;

/** One training example: a wording unit of document `doc`, as terms with their counts. */
interface Example {
  doc: number;
  terms: { term: string; weight: number }[];
}

function counted(ix: InvertedIndex, ids: ArrayLike<number>): { term: string; weight: number }[] {
  const n = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const t = ix.terms[ids[i]!]!;
    n.set(t, (n.get(t) ?? 0) + 1);
  }
  return [...n].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([term, weight]) => ({ term, weight }));
}

/** A unit-length sparse vector: feature ids and values. */
export interface SparseVector {
  f: Int32Array;
  v: Float64Array;
}

/** A trained model as the stored index keeps it: the non-zero cells of its tables. */
export interface StoredWording {
  examples: number;
  entries: number;
  changes: number;
  df: { at: Uint32Array; count: Uint32Array };
  /** Sparse (positions and values) while under half the table is non-zero, else the whole table. */
  weights: { at: Uint32Array; value: Float32Array } | Float32Array;
}

function nonZero<T extends Uint32Array | Float32Array>(table: T, make: (n: number) => T): { at: Uint32Array; values: T } {
  let n = 0;
  for (let i = 0; i < table.length; i++) if (table[i] !== 0) n++;
  const at = new Uint32Array(n);
  const values = make(n);
  for (let i = 0, k = 0; i < table.length; i++) {
    if (table[i] === 0) continue;
    at[k] = i;
    values[k++] = table[i]!;
  }
  return { at, values };
}

/** Positions within the table and in increasing order (a damaged row must not write out of place). */
const validCells = (at: unknown, values: unknown, size: number, kind: typeof Uint32Array | typeof Float32Array): boolean =>
  at instanceof Uint32Array && values instanceof kind && at.length === values.length && at.every((p, i) => p < size && (i === 0 || p > at[i - 1]!));

export class WordingModel {
  /** Per hashed feature: how many examples contain it (allocated only for a base that is trained). */
  private df = new Uint32Array(0);
  private examples = 0;
  private weights: Float32Array | undefined;
  private countedEntries = 0;
  private changes = 0;
  private readonly featuresOf = new Map<string, Int32Array>();
  private dense = new Float64Array(0);
  private readonly touched: number[] = [];
  private readonly entryHashes = new Map<string, number>();
  private storedTables: StoredWording | undefined;

  /** True when training ran (the base was small enough). */
  get trained(): boolean {
    return this.weights !== undefined;
  }

  /**
   * Counts the features of every example and, when cheap enough, trains the weights.
   * `candidatesOf(terms, k)`: BM25F's best k documents for a unit's term ids.
   */
  static fit(ix: InvertedIndex, candidatesOf: (terms: readonly { term: string; weight: number }[], k: number) => number[], options: TrainingOptions = DEFAULT_TRAINING): WordingModel {
    const m = new WordingModel();
    m.countedEntries = ix.liveDocs;
    // titles, questions and learned phrasings, counted without reading any postings
    const units = ix.liveDocs + ix.instCount[FIELD_ID.questions]! + ix.instCount[FIELD_ID.learned]!;
    if (units * options.candidates * options.epochs > options.maxWork) return m;
    const examples = m.collect(ix);
    if (examples.length) m.train(ix, examples, candidatesOf, options);
    return m;
  }

  /** The trained model to store with the index; undefined when it did not train (a large base). */
  toStored(): StoredWording | undefined {
    if (!this.weights) return undefined;
    // the tables never change after training: worked out once (a save follows every learned phrasing)
    if (this.storedTables) return { ...this.storedTables, changes: this.changes };
    const df = nonZero(this.df, (n) => new Uint32Array(n));
    const w = nonZero(this.weights, (n) => new Float32Array(n));
    const weights = w.at.length * 2 < TABLE ? { at: w.at, value: w.values } : this.weights.slice();
    this.storedTables = { examples: this.examples, entries: this.countedEntries, changes: this.changes, df: { at: df.at, count: df.values }, weights };
    return this.storedTables;
  }

  /** A stored model back; undefined when it is malformed (the index then trains again). */
  static fromStored(s: Partial<StoredWording> | undefined): WordingModel | undefined {
    if (!s || ![s.examples, s.entries, s.changes].every((x) => Number.isSafeInteger(x) && x! >= 0) || !s.df || !s.weights) return undefined;
    if (!validCells(s.df.at, s.df.count, DIM, Uint32Array)) return undefined;
    const w = s.weights;
    if (w instanceof Float32Array ? w.length !== TABLE : !validCells(w.at, w.value, TABLE, Float32Array)) return undefined;
    const m = new WordingModel();
    m.examples = s.examples!;
    m.countedEntries = s.entries!;
    m.changes = s.changes!;
    m.df = new Uint32Array(DIM);
    s.df.at.forEach((p, i) => (m.df[p] = s.df!.count[i]!));
    m.dense = new Float64Array(DIM);
    m.storedTables = { ...(s as StoredWording) };
    if (w instanceof Float32Array) m.weights = w;
    else {
      m.weights = new Float32Array(TABLE);
      w.at.forEach((p, i) => (m.weights![p] = w.value[i]!));
    }
    return m;
  }

  /** An entry was added, changed or removed since training. */
  noteChange(): void {
    this.changes++;
  }

  /** More changes than a twentieth of the entries (at least one on a tiny base): train again. */
  stale(): boolean {
    return this.changes * 20 > Math.max(20, this.countedEntries) || (this.changes > 0 && this.countedEntries < 20);
  }

  /** Every live wording unit as (document, term ids), with the features' document frequencies counted. */
  private collect(ix: InvertedIndex): Example[] {
    const out: Example[] = [];
    this.df = new Uint32Array(DIM);
    this.dense = new Float64Array(DIM);
    const seen = new Set<number>();
    for (let d = 0; d < ix.docCount; d++) {
      if (ix.docKey[d] === undefined) continue;
      for (const u of ix.docUnits(d)) {
        if (!WORDING_FIELDS.has(u.field) || !u.terms.length) continue;
        const terms = counted(ix, u.terms);
        seen.clear();
        this.eachFeature(terms, (f) => seen.add(f));
        for (const f of seen) this.df[f]!++;
        out.push({ doc: d, terms });
      }
    }
    // SGD visits the examples in entry-id order: the same knowledge trains the same weights,
    // however its documents are numbered (a loaded, compacted or held-out-and-restored index)
    const key = (e: Example) => ix.docKey[e.doc]!;
    const stable = out.map((e, i) => ({ e, i })).sort((a, b) => (key(a.e) < key(b.e) ? -1 : key(a.e) > key(b.e) ? 1 : a.i - b.i));
    out.splice(0, out.length, ...stable.map((x) => x.e));
    this.examples = out.length;
    return out;
  }

  private features(term: string): Int32Array {
    let f = this.featuresOf.get(term);
    if (!f) this.featuresOf.set(term, (f = termFeatures(term)));
    return f;
  }

  /** Smoothed idf, as scikit-learn's TfidfVectorizer: ln((1 + n) / (1 + df)) + 1. */
  private idf(f: number): number {
    return Math.log((1 + this.examples) / (1 + this.df[f]!)) + 1;
  }

  private entryHash(id: string): number {
    let h = this.entryHashes.get(id);
    if (h === undefined) this.entryHashes.set(id, (h = hash(id, 3)));
    return h;
  }

  /**
   * Each feature of a text given as terms with their counts (or query weights): the terms' own
   * features, and the pairs of its MAX_PAIR_TERMS weightiest distinct terms that occur together
   * (the postings keep no word order, so pairs stand in for bigrams).
   */
  private eachFeature(terms: readonly { term: string; weight: number }[], fn: (f: number, weight: number) => void): void {
    for (const { term, weight } of terms) for (const f of this.features(term)) fn(f, weight);
    const top = [...terms]
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
      .slice(0, MAX_PAIR_TERMS)
      .map((t) => t.term)
      .sort();
    for (let a = 0; a < top.length; a++) for (let b = a + 1; b < top.length; b++) fn(hash(`${top[a]} ${top[b]}`, 4) & MASK, 1);
  }

  /** Terms with their counts (or query weights) → TF-IDF vector of unit length (sublinear tf). */
  vector(terms: readonly { term: string; weight: number }[]): SparseVector {
    const { dense, touched } = this;
    this.eachFeature(terms, (f, weight) => {
      if (dense[f] === 0) touched.push(f);
      dense[f]! += weight;
    });
    const f = Int32Array.from(touched);
    const v = new Float64Array(f.length);
    let norm = 0;
    for (let i = 0; i < f.length; i++) {
      v[i] = (1 + Math.log(dense[f[i]!]!)) * this.idf(f[i]!);
      norm += v[i]! * v[i]!;
      dense[f[i]!] = 0;
    }
    touched.length = 0;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < v.length; i++) v[i]! /= norm;
    return { f, v };
  }

  /** The model's score of an entry for a vector: Σ x_f · w[entry, f]. */
  logit(entryId: string, x: SparseVector): number {
    const w = this.weights;
    if (!w) return 0;
    const h = this.entryHash(entryId);
    let s = 0;
    for (let i = 0; i < x.f.length; i++) s += x.v[i]! * w[slot(h, x.f[i]!)]!;
    return s;
  }

  /** Softmax over the candidates' logits: how likely each is the answer, according to the wording alone. */
  probabilities(entryIds: readonly string[], x: SparseVector): number[] {
    const logits = entryIds.map((id) => this.logit(id, x));
    const max = Math.max(...logits);
    const e = logits.map((l) => Math.exp(l - max));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  }

  /**
   * Stochastic gradient descent on the softmax loss over each example's candidate list, in a fixed
   * order (deterministic: the same index trains the same weights).
   */
  private train(ix: InvertedIndex, examples: readonly Example[], candidatesOf: (terms: readonly { term: string; weight: number }[], k: number) => number[], o: TrainingOptions): void {
    const w = (this.weights = new Float32Array(TABLE));
    const prepared = examples.map(({ doc, terms }) => {
      const own = ix.docKey[doc]!;
      const ids = [own, ...candidatesOf(terms, o.candidates).map((d) => ix.docKey[d]!).filter((id) => id !== own)];
      return { x: this.vector(terms), hashes: ids.map((id) => this.entryHash(id)) };
    });
    const logits = new Float64Array(o.candidates + 1);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const rate = o.rate / (1 + epoch);
      for (const { x, hashes } of prepared) {
        let max = -Infinity;
        for (let c = 0; c < hashes.length; c++) {
          let s = 0;
          for (let i = 0; i < x.f.length; i++) s += x.v[i]! * w[slot(hashes[c]!, x.f[i]!)]!;
          logits[c] = s;
          if (s > max) max = s;
        }
        let sum = 0;
        for (let c = 0; c < hashes.length; c++) sum += (logits[c] = Math.exp(logits[c]! - max));
        // gradient of −log p(own): p_c − [c is the example's own entry], the own entry first
        for (let c = 0; c < hashes.length; c++) {
          const g = logits[c]! / sum - (c === 0 ? 1 : 0);
          if (Math.abs(g) < 1e-4) continue;
          for (let i = 0; i < x.f.length; i++) w[slot(hashes[c]!, x.f[i]!)]! -= rate * g * x.v[i]!;
        }
      }
      const decay = 1 - rate * o.l2;
      for (let i = 0; i < w.length; i++) w[i]! *= decay;
    }
  }
}
