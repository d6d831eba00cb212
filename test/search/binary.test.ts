import { describe, expect, it } from 'vitest';
import { fromStored, toStored, type StoredIndex } from '../../knowledge/search/binary';
import { KnowledgeIndex, refOf } from '../../knowledge/search/index';
import { IndexLoadError } from '../../knowledge/search/serialise';
import { DamagedListError } from '../../knowledge/search/pack';
import { ticketQuery } from '../../knowledge/search/ticket-query';
import { searchManual, manualCandidates, rankManual } from '../../knowledge/search/manual';
import { suggest, suggestRefs } from '../../knowledge/suggest';
import { asTicket, generateEntries, generateQueries, loadSeedTopics } from '../bench/synthetic';
import { ENTRIES, entry } from './fixtures';

const { topics } = loadSeedTopics();
const MANY = generateEntries(300, { topics }).map((e, i) => (i % 7 === 0 ? { ...e, status: 'draft' as const } : i % 11 === 0 ? { ...e, reviewBy: '2020-01-01' } : e));
const QUERIES = generateQueries(MANY, 25, 300);
const TICKETS = QUERIES.map((q, i) => ticketQuery(asTicket(q, i)).parts);
const ranked = (index: KnowledgeIndex) => TICKETS.map((parts) => index.query(parts, { limit: 5 }));
const DAY = '2026-11-23';

/** Through IndexedDB's structured clone, as the worker reads it back. */
const cloned = (s: StoredIndex): StoredIndex => structuredClone(s);

describe('binary stored index (typed arrays, no entry texts)', () => {
  it('loads back ranking identically, with refs instead of entries', () => {
    const index = KnowledgeIndex.build(MANY);
    const lean = fromStored(cloned(toStored(index)));
    expect(lean.holdsEntries).toBe(false);
    expect(ranked(lean)).toEqual(ranked(index));
    expect(lean.size).toBe(index.size);
    expect(lean.get(MANY[0]!.id)).toBeUndefined();
    expect(lean.ref(MANY[0]!.id)).toEqual(refOf(MANY[0]!));
    expect(lean.refs()).toEqual(MANY.map(refOf));
    const byInstance = KnowledgeIndex.build(MANY, { ranking: { instanceIdf: true } });
    expect(ranked(fromStored(cloned(toStored(byInstance)), { ranking: { instanceIdf: true } }))).toEqual(ranked(byInstance));
  });

  it('suggests and searches like the index holding entries (status and review date filters from the refs)', () => {
    const index = KnowledgeIndex.build(MANY);
    const lean = fromStored(cloned(toStored(index)));
    const byId = new Map(MANY.map((e) => [e.id, e]));
    QUERIES.forEach((q, i) => {
      const full = suggest(asTicket(q, i), index, { day: DAY });
      const refs = suggestRefs(asTicket(q, i), lean, { day: DAY });
      expect(refs.suggestions.map((s) => ({ ...s, entry: byId.get(s.entry.id) }))).toEqual(full.suggestions);
      expect(refs.abstained).toBe(full.abstained);
      const text = q.text.split(/\s+/).slice(0, 3).join(' ');
      const found = manualCandidates(text, lean, { day: DAY });
      expect(rankManual(text, found, found.ids.map((id) => byId.get(id)!), { day: DAY })).toEqual(searchManual(text, index, { day: DAY }));
    });
  });

  it('without entry texts, learns, unlearns, changes and compacts like an index built from the entries', () => {
    const index = KnowledgeIndex.build(MANY);
    const lean = fromStored(cloned(toStored(index)));
    const phrasing = { entryId: MANY[100]!.id, text: 'receipt expenses', terms: index.terms('receipt expenses'), at: '2026-11-23T10:00:00Z' };
    for (const ix of [index, lean]) {
      ix.learn(phrasing);
      ix.learn({ ...phrasing, entryId: MANY[101]!.id });
      ix.unlearn(MANY[101]!.id, phrasing.text);
      for (const e of MANY.slice(0, 40)) ix.update({ ...e, questions: [...e.questions, 'Where is my parcel?'], version: e.version + 1 });
      ix.add(entry('new-one', { title: 'Parcel lost in transit', questions: ['My parcel never arrived, where is it?'] }));
      // enough removals to compact (more than 1000 dead units and half of them)
      for (const e of MANY.slice(150, 300)) ix.remove(e.id);
    }
    expect(lean.inverted.deadUnits).toBeLessThan(500); // compacted: about 1200 dead units without
    expect(ranked(lean)).toEqual(ranked(index));
    expect(lean.learned()).toEqual(index.learned());
    const learnedQuery = [{ text: 'receipt expenses', weight: 1 }];
    expect(lean.query(learnedQuery, { limit: 3 })).toEqual(index.query(learnedQuery, { limit: 3 }));
    expect(lean.query(learnedQuery, { limit: 3 }).hits[0]?.matched.learned).toBeDefined();
    const fresh = KnowledgeIndex.build(index.all(), undefined, index.learned());
    expect(ranked(lean)).toEqual(ranked(fresh));
    expect(ranked(fromStored(cloned(toStored(lean))))).toEqual(ranked(fresh));
  });

  it('decodes no list when it loads, and each list a query uses when it first uses it', () => {
    const index = KnowledgeIndex.build(MANY);
    const lean = fromStored(cloned(toStored(index)));
    const decoded = () => lean.inverted.postings.filter((p) => p !== undefined).length;
    expect(decoded()).toBe(0);
    expect(ranked(lean).slice(0, 3)).toEqual(ranked(index).slice(0, 3));
    const afterThree = decoded();
    expect(afterThree).toBeGreaterThan(0);
    expect(afterThree).toBeLessThan(lean.inverted.terms.length / 2);
    // a change needs every document's terms: then every list is decoded, and ranks as before
    lean.update({ ...MANY[0]!, title: `${MANY[0]!.title} again` });
    index.update({ ...MANY[0]!, title: `${MANY[0]!.title} again` });
    expect(decoded()).toBe(lean.inverted.terms.length);
    expect(ranked(lean)).toEqual(ranked(index));
  });

  it('refuses a list found damaged when first decoded, naming it', () => {
    const stored = cloned(toStored(KnowledgeIndex.build(MANY)));
    // the last pair's tf of the first term: 0 (every tf is at least 1)
    stored.lists[stored.offsets[1]! - 1] = 0;
    const lean = fromStored(stored);
    expect(() => lean.inverted.list(0)).toThrow(DamagedListError);
    expect(() => lean.inverted.list(0)).toThrow(`postings: bad pair in the list of "${lean.inverted.terms[0]}"`);
  });

  it('refuses another version, other options and damaged parts', () => {
    const good = toStored(KnowledgeIndex.build(ENTRIES));
    const damaged = (change: (d: StoredIndex) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return copy;
    };
    const cases = [
      damaged((d) => (d.version = 99)),
      damaged((d) => (d.format = 'other' as never)),
      damaged((d) => (d.tokenise = { ...d.tokenise, stemming: !d.tokenise.stemming })),
      damaged((d) => (d.lists = d.lists.subarray(0, d.lists.length - 3))),
      damaged((d) => (d.units = new Uint8Array([1, 2, 3]))),
      damaged((d) => (d.pairs += 1)),
      damaged((d) => d.terms.pop()),
      damaged((d) => d.titles.pop()),
      damaged((d) => (d.status[0] = 42)),
      damaged((d) => (d.ids[1] = d.ids[0]!)),
      damaged((d) => (d.units = [1, 2] as never)),
      // the term table (version 3): missing, cut short, not ending where the lists end, impossible counts
      damaged((d) => delete (d as Partial<StoredIndex>).offsets),
      damaged((d) => (d.df = d.df.subarray(1))),
      damaged((d) => (d.offsets[d.offsets.length - 1]! -= 1)),
      damaged((d) => (d.df[0] = 0)),
      damaged((d) => (d.instDf[0] = -1)),
      damaged((d) => (d.offsets[1] = d.offsets[0]!)),
    ];
    for (const bad of cases) expect(() => fromStored(bad)).toThrow(IndexLoadError);
    expect(() => fromStored(undefined)).toThrow(IndexLoadError);
  });
});
