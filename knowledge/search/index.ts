import type { Entry } from '../entry';
import { DEFAULT_RANKING, FIELD_ID, FIELDS, idf, queryWeight, type RankingOptions } from './bm25f';
import { InvertedIndex, type UnitInput } from './inverted';
import { liveDocs, packPostingBytes, unpackPostingBytes } from './pack';
import { idealScore, Scratch, scoreQuery, type QueryTerm } from './score';
import { loadIndex, serializeIndex } from './serialise';
import { DEFAULT_TOKENISE_OPTIONS, tokenise, type TokeniseOptions } from './tokenise';
import { termIds } from './term-ids';
import { rerankByWording } from './rerank-wording';
import { WordingModel, type StoredWording } from './wording';
import { queryTerms } from './query-terms';
import { refOf, type EntryRef, type IndexOptions, type LearnedPhrasing, type Matched, type QueryPart, type QueryResult, type SearchHit, type SearchOptions } from './types';

export { refOf } from './types';
export type { EntryRef, IndexOptions, LearnedPhrasing, Matched, QueryPart, QueryResult, RankedHit, SearchHit, SearchOptions } from './types';

export class KnowledgeIndex {
  readonly tokeniseOptions: Readonly<TokeniseOptions>;
  readonly ranking: Readonly<RankingOptions>;
  private ix = new InvertedIndex();
  private readonly scratch = new Scratch();
  private readonly entries = new Map<string, { ref: EntryRef; doc: number; entry?: Entry }>();
  /** False for an index that keeps only each entry's EntryRef (see refs()); get() then finds nothing. */
  readonly holdsEntries: boolean;
  private readonly learnedBy = new Map<string, LearnedPhrasing[]>();
  /** Increases on every change: lets callers cache things derived from the index. */
  revision = 0;
  /** The knowledge base's own wording (wording.ts): trained by trainWording(), never on the query path. */
  private wordingModel?: WordingModel;

  constructor(options: IndexOptions = {}, holdsEntries = true) {
    this.holdsEntries = holdsEntries;
    this.tokeniseOptions = Object.freeze({ ...DEFAULT_TOKENISE_OPTIONS, ...options.tokenise });
    this.ranking = Object.freeze({ ...DEFAULT_RANKING, ...options.ranking });
  }

  static build(entries: readonly Entry[], options?: IndexOptions, learned: readonly LearnedPhrasing[] = [], holdsEntries = true): KnowledgeIndex {
    const index = new KnowledgeIndex(options, holdsEntries);
    for (const l of learned) index.learnedList(l.entryId).push(l);
    for (const e of entries) index.add(e);
    return index;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry, when this index holds entries (holdsEntries). */
  get(id: string): Entry | undefined {
    return this.entries.get(id)?.entry;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  ref(id: string): EntryRef | undefined {
    return this.entries.get(id)?.ref;
  }

  /** Every entry's ref, in document order. */
  refs(): EntryRef[] {
    return [...this.entries.values()].sort((a, b) => a.doc - b.doc).map((v) => v.ref);
  }

  /** Calls `fn` with every entry's ref, in no particular order: no array, no sort (refs() sorts by document). */
  forEachRef(fn: (ref: EntryRef) => void): void {
    for (const v of this.entries.values()) fn(v.ref);
  }

  /** The entries held (none when holdsEntries is false). */
  all(): Entry[] {
    return [...this.entries.values()].flatMap((v) => (v.entry ? [v.entry] : []));
  }

  /** Adds an entry, or replaces the entry with the same id. */
  add(entry: Entry): void {
    if (this.entries.has(entry.id)) this.remove(entry.id);
    const doc = this.ix.addDoc(entry.id, this.units(entry));
    this.revision++;
    this.wordingModel?.noteChange();
    this.entries.set(entry.id, { ref: refOf(entry), doc, ...(this.holdsEntries ? { entry } : {}) });
  }

  update(entry: Entry): void {
    this.add(entry);
  }

  remove(id: string): boolean {
    const found = this.entries.get(id);
    if (!found) return false;
    this.ix.removeDoc(found.doc);
    this.entries.delete(id);
    this.revision++;
    this.wordingModel?.noteChange();
    if (this.ix.deadUnits > 1000 && this.ix.deadUnits > this.ix.unitCount / 2) this.compact();
    return true;
  }

  /** Every learned phrasing, or those of one entry. They are data: shown to leads, removable. */
  learned(entryId?: string): LearnedPhrasing[] {
    if (entryId !== undefined) return [...(this.learnedBy.get(entryId) ?? [])];
    return [...this.learnedBy.values()].flat();
  }

  learn(phrasing: LearnedPhrasing): void {
    const list = this.learnedList(phrasing.entryId);
    if (list.some((l) => l.text === phrasing.text)) return;
    list.push(phrasing);
    this.reindex(phrasing.entryId);
  }

  /** Removes a learned phrasing (by its text); true if there was one. */
  unlearn(entryId: string, text: string): boolean {
    const list = this.learnedBy.get(entryId) ?? [];
    const kept = list.filter((l) => l.text !== text);
    if (kept.length === list.length) return false;
    if (kept.length) this.learnedBy.set(entryId, kept);
    else this.learnedBy.delete(entryId);
    this.reindex(entryId);
    return true;
  }

  serialize(): string {
    return serializeIndex(this);
  }

  static load(json: string, options?: IndexOptions): KnowledgeIndex {
    return loadIndex(json, options);
  }

  /** For serialise.ts: the inverted index itself (not for other callers). */
  get inverted(): InvertedIndex {
    return this.ix;
  }

  /**
   * For serialise.ts: an index from its saved parts; `entries[i]` is document i of `ix`.
   * Options must be the ones the postings were made with (the caller checks).
   */
  static restore(options: IndexOptions, entries: readonly Entry[], learned: readonly LearnedPhrasing[], ix: InvertedIndex): KnowledgeIndex {
    const index = new KnowledgeIndex(options);
    for (const l of learned) index.learnedList(l.entryId).push(l);
    index.ix = ix;
    entries.forEach((entry, doc) => index.entries.set(entry.id, { ref: refOf(entry), doc, entry }));
    return index;
  }

  /** Like restore, for an index that keeps only refs (binary.ts): `refs[i]` is document i of `ix`. */
  static restoreRefs(options: IndexOptions, refs: readonly EntryRef[], learned: readonly LearnedPhrasing[], ix: InvertedIndex): KnowledgeIndex {
    const index = new KnowledgeIndex(options, false);
    for (const l of learned) index.learnedList(l.entryId).push(l);
    index.ix = ix;
    refs.forEach((ref, doc) => index.entries.set(ref.id, { ref, doc }));
    return index;
  }

  /**
   * Does now what the first queries after a change would: works out the score bounds of the common
   * terms (scoreQuery keeps them until the index changes again), so the first ticket after an
   * import or a cold start is as fast as any other. Ranking is unchanged: bounds only prune.
   */
  warm(): void {
    this.warmAt = this.ix.revision;
    const common = this.ix.liveDocs / 16;
    const query: QueryTerm[] = [];
    for (let id = 0; id < this.ix.terms.length; id++) if (this.ix.df[id]! >= common && this.ix.df[id]! > 0) query.push({ id, weight: 1 });
    if (query.length) scoreQuery(this.ix, query, this.ranking, this.scratch, 1, () => true);
  }

  /** The postings warm() worked the bounds out for (any change since, a calibration's leave-one-out queries included, drops them). */
  private warmAt = -1;

  /** True while the bounds warm() worked out still hold (for the worker's tests and diagnostics). */
  isWarm(): boolean {
    return this.warmAt === this.ix.revision;
  }

  /**
   * For self-calibration (self-calibration.ts): the entries' question and learned-phrasing units
   * as query terms. `unit` numbers an entry's units (for heldOut).
   */
  instanceUnits(ids: readonly string[]): { id: string; units: { unit: number; terms: string[] }[] }[] {
    return ids.map((id) => {
      const found = this.entries.get(id);
      const units = found && found.doc >= 0 ? this.ix.docUnits(found.doc) : [];
      const out: { unit: number; terms: string[] }[] = [];
      units.forEach((u, unit) => {
        if (u.terms.length && (u.field === FIELD_ID.questions || u.field === FIELD_ID.learned)) out.push({ unit, terms: Array.from(u.terms, (id) => this.ix.terms[id]!) });
      });
      return { id, units: out };
    });
  }

  /**
   * Runs `fn` with some entries changed for the moment (self-calibration's leave-one-out queries):
   * each named entry without one of its units (`unit`, as numbered by instanceUnits), or without
   * the whole entry (`unit` undefined). Restored before returning: the same entries, postings and
   * scores (only document numbers change, and ties never depend on them).
   */
  heldOut<T>(drop: readonly { id: string; unit?: number }[], fn: () => T): T {
    const saved: { id: string; units: UnitInput[] }[] = [];
    for (const { id, unit } of drop) {
      const found = this.entries.get(id);
      if (!found || saved.some((x) => x.id === id)) continue;
      const units = this.ix.docUnits(found.doc);
      saved.push({ id, units });
      this.ix.removeDoc(found.doc);
      if (unit !== undefined) found.doc = this.ix.addDoc(id, units.filter((_, i) => i !== unit));
      else found.doc = -1;
    }
    this.revision++;
    try {
      return fn();
    } finally {
      for (const { id, units } of saved) {
        const found = this.entries.get(id)!;
        if (found.doc >= 0) this.ix.removeDoc(found.doc);
        found.doc = this.ix.addDoc(id, units);
      }
      this.revision++;
      if (this.ix.deadUnits > 1000 && this.ix.deadUnits > this.ix.unitCount / 2) this.compact();
    }
  }

  /** Every term some live entry contains (for typo correction of short queries). */
  vocabulary(): string[] {
    return this.ix.terms.filter((_, id) => this.ix.df[id]! > 0);
  }

  knows(term: string): boolean {
    const id = this.ix.termIds.get(term);
    return id !== undefined && this.ix.df[id]! > 0;
  }

  /** Live entries containing a term. */
  docFreq(term: string): number {
    const id = this.ix.termIds.get(term);
    return id === undefined ? 0 : this.ix.df[id]!;
  }

  /**
   * Whether some live entry that `accept`s contains a term: its postings scanned up to the first
   * such entry (no scoring; knowledge/search/query-language.ts asks it per word and language). A
   * removed entry's postings point to no entry and are passed over.
   */
  someEntryHas(term: string, accept: (entry: EntryRef) => boolean): boolean {
    const id = this.ix.termIds.get(term);
    if (id === undefined) return false;
    const postings = this.ix.list(id)!;
    const len = this.ix.postingLen[id]!;
    let last = -1;
    for (let i = 0; i < len; i += 2) {
      const doc = this.ix.unitDoc[postings[i]!]!;
      if (doc === last) continue;
      last = doc;
      const ref = this.entries.get(this.ix.docKey[doc] ?? '')?.ref;
      if (ref && accept(ref)) return true;
    }
    return false;
  }

  /** How distinctive a term is in this index (unknown terms are the most distinctive). */
  termIdf(term: string): number {
    const id = this.ix.termIds.get(term);
    return idf(this.ix.liveDocs, id === undefined ? 0 : this.ix.df[id]!);
  }

  terms(text: string, locale?: string): string[] {
    return tokenise(text, locale, this.tokeniseOptions);
  }

  search(text: string, options: SearchOptions = {}): SearchHit[] {
    return this.query([{ text, weight: 1 }], options).hits.map(({ id, score, matched }) => ({ id, score, matched }));
  }

  /** Search with weighted parts, plus what calibration needs (ideal score, coverage). */
  query(parts: readonly QueryPart[], options: SearchOptions = {}): QueryResult {
    const { terms, query, words, unknown } = queryTerms(this.ix, this.ranking, this.tokeniseOptions, parts, options.locale);
    const filter = options.filter;
    const accept = filter ? (d: number) => filter(this.entries.get(this.ix.docKey[d] ?? '')!.ref) : () => true;
    const limit = options.limit ?? 10;
    const r = this.ranking;
    const wording = r.wordingWeight > 0 && this.wordingModel?.trained ? this.wordingModel : undefined;
    let ideal = idealScore(this.ix, query, r);
    let scored = scoreQuery(this.ix, query, r, this.scratch, wording ? Math.max(limit, r.rerankDepth) : limit, accept);
    if (wording) {
      ({ scored, ideal } = rerankByWording(this.ix, wording, words, scored, ideal, r));
      scored = scored.slice(0, limit);
    }
    // Words no entry has are part of the question too (a "telescope tripod" ticket is not about the
    // one word it shares with an entry), at the idf of a word no entry has.
    const unknownWeight = unknown * idf(this.ix.liveDocs, 0);
    const totalWeight = unknownWeight + query.reduce((s, q) => s + q.weight * idf(this.ix.liveDocs, this.ix.df[q.id]!), 0);
    const hits = scored.map(({ doc, score }) => {
      const entry = this.entries.get(this.ix.docKey[doc]!)!.ref;
      let covered = 0;
      for (const q of query) if (this.ix.hasTerm(doc, q.id)) covered += q.weight * idf(this.ix.liveDocs, this.ix.df[q.id]!);
      return { id: entry.id, score, matched: this.matched(doc, query, terms), coverage: totalWeight ? covered / totalWeight : 0 };
    });
    return { hits, ideal, terms };
  }

  /**
   * Trains the wording model (wording.ts) if there is none or the entries changed by more than a
   * twentieth since: seconds on a large base, so never on the query path. Self-calibration calls
   * it first (the CLI at load, the worker once it has answered a ticket); until then queries rank
   * by BM25F alone, or by the last model.
   */
  trainWording(): void {
    if (this.ranking.wordingWeight > 0 && this.wordingStale()) this.wordingModel = WordingModel.fit(this.ix, (terms, k) => this.unitCandidates(terms, k));
  }

  /** The trained wording model, to store with the index (binary.ts keeps it beside the calibration fitted with it). */
  storedWording(): StoredWording | undefined {
    return this.wordingModel?.toStored();
  }

  /** Takes back a stored wording model (ignored when malformed or when ranking uses none: it then trains again). */
  restoreWording(stored: Partial<StoredWording> | undefined): void {
    if (this.ranking.wordingWeight > 0) this.wordingModel = WordingModel.fromStored(stored) ?? this.wordingModel;
  }

  wordingStale(): boolean {
    return this.ranking.wordingWeight > 0 && (!this.wordingModel || this.wordingModel.stale());
  }

  /** BM25F's best k documents for a unit's terms with their counts (the wording model's training lists). */
  private unitCandidates(terms: readonly { term: string; weight: number }[], k: number): number[] {
    const query = terms.flatMap(({ term, weight }) => {
      const id = this.ix.termIds.get(term);
      return id === undefined ? [] : [{ id, weight: queryWeight(weight, this.ranking.k3) }];
    });
    return scoreQuery(this.ix, query, this.ranking, this.scratch, k, () => true).map((s) => s.doc);
  }

  private matched(doc: number, query: readonly QueryTerm[], terms: QueryResult['terms']): Matched {
    const out: Matched = {};
    query.forEach((q, i) => {
      const mask = this.ix.fieldsWithTerm(doc, q.id);
      for (let f = 0; f < FIELDS.length; f++) if (mask & (1 << f)) (out[FIELDS[f]!] ??= []).push(terms[i]!.word);
    });
    return out;
  }

  private units(entry: Entry): UnitInput[] {
    const t = (s: string) => termIds(this.ix, s, entry.locale, this.tokeniseOptions);
    const units: UnitInput[] = [{ field: FIELD_ID.title, terms: t(entry.title) }];
    for (const q of entry.questions) units.push({ field: FIELD_ID.questions, terms: t(q) });
    units.push({ field: FIELD_ID.body, terms: t(entry.body) });
    if (entry.tags.length) units.push({ field: FIELD_ID.tags, terms: t(entry.tags.join(' ')) });
    for (const l of this.learnedBy.get(entry.id) ?? []) units.push({ field: FIELD_ID.learned, terms: l.terms.map((term) => this.ix.termId(term)) });
    return units;
  }

  private learnedList(entryId: string): LearnedPhrasing[] {
    let list = this.learnedBy.get(entryId);
    if (!list) this.learnedBy.set(entryId, (list = []));
    return list;
  }

  private reindex(entryId: string): void {
    const found = this.entries.get(entryId);
    if (!found) return;
    if (found.entry) {
      this.add(found.entry);
      return;
    }
    // No text held: the entry's own units come back from the postings, its learned ones from learnedBy.
    const own = this.ix.docUnits(found.doc).filter((u) => u.field !== FIELD_ID.learned);
    const learned = (this.learnedBy.get(entryId) ?? []).map((l) => ({ field: FIELD_ID.learned, terms: l.terms.map((term) => this.ix.termId(term)) }));
    this.ix.removeDoc(found.doc);
    const doc = this.ix.addDoc(entryId, [...own, ...learned]);
    this.revision++;
    this.wordingModel?.noteChange();
    this.entries.set(entryId, { ...found, doc });
  }

  /**
   * Drops tombstones (same results, less memory): a pack and unpack of the live documents, which
   * needs no entry texts, so an index holding only refs compacts the same way.
   */
  private compact(): void {
    const docs = liveDocs(this.ix);
    const keys = docs.map((d) => this.ix.docKey[d]!);
    this.ix = unpackPostingBytes(packPostingBytes(this.ix), keys);
    keys.forEach((id, doc) => this.entries.set(id, { ...this.entries.get(id)!, doc }));
  }
}
