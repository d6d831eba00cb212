import { describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/entry';
import { fromStored, toStored } from '../../knowledge/search/binary';
import { FIELD_ID } from '../../knowledge/search/bm25f';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { baseCalibration, needsCalibration } from '../../knowledge/search/self-calibration';
import { DEFAULT_TRAINING, termFeatures, WordingModel } from '../../knowledge/search/wording';
import { entry } from './fixtures';

/**
 * Two entries that share their words and differ in which words go together: "card" with
 * "arrive" and "post" is card delivery; "card" with "declined" and "shop" is a refused payment.
 * Each also has an example that uses the other's words, the kind of overlap BM25F cannot weigh.
 */
const QUESTIONS: Record<string, string[]> = {
  delivery: [
    'when will my new card arrive',
    'my card has not arrived in the post',
    'card still not here after a week',
    'how long until the card arrives',
    'the card I ordered never came in the post',
    'new card delivery takes too long',
    'track the card you posted to me',
    'card was declined so I ordered a new card, when does it arrive',
  ],
  declined: [
    'my card was declined at the shop',
    'payment declined in a shop today',
    'why was my card refused',
    'card declined when paying online',
    'shop says my payment did not go through',
    'card payment keeps getting declined',
    'the till refused my card',
    'declined again even though the new card arrived',
  ],
  pin: ['how do I change my pin', 'forgot my pin', 'pin blocked after three tries', 'reset the pin of my card'],
};

const ENTRIES: Entry[] = Object.entries(QUESTIONS).map(([id, questions]) => entry(id, { title: id, body: `About ${id}.`, questions }));
const WORDING = { ranking: { wordingWeight: 0.5 } };

function trained(entries: readonly Entry[] = ENTRIES): KnowledgeIndex {
  const index = KnowledgeIndex.build(entries, WORDING);
  index.trainWording();
  return index;
}

describe('wording model (knowledge/search/wording.ts)', () => {
  it("learns each entry's wording: every example's own entry is the model's most likely among all", () => {
    const index = KnowledgeIndex.build(ENTRIES);
    const ix = index.inverted;
    const model = WordingModel.fit(ix, () => [0, 1, 2]);
    expect(model.trained).toBe(true);
    const ids = ENTRIES.map((e) => e.id);
    for (const [id, questions] of Object.entries(QUESTIONS))
      for (const q of questions) {
        const p = model.probabilities(ids, model.vector(index.terms(q).map((term) => ({ term, weight: 1 }))));
        expect(ids[p.indexOf(Math.max(...p))], q).toBe(id);
      }
  });

  it('puts the entry whose examples are worded like the query first, where BM25F alone does not', () => {
    const query = 'posted card refused';
    // BM25F: "post" is in three delivery examples, "refused" in two declined ones; the model has
    // learned that "refused" goes with refused payments more than "post" goes with delivery
    const plain = KnowledgeIndex.build(ENTRIES).search(query, { limit: 3 });
    const learned = trained().search(query, { limit: 3 });
    expect(learned.map((h) => h.id)).not.toEqual(plain.map((h) => h.id));
    expect(learned[0]!.id).toBe('declined');
  });

  it('keeps score / ideal (the confidence feature norm) within 0..1: the ideal grows by the weight', () => {
    const index = trained();
    const plain = KnowledgeIndex.build(ENTRIES);
    for (const q of Object.values(QUESTIONS).flat()) {
      const r = index.query([{ text: q, weight: 1 }], { limit: 3 });
      expect(r.ideal).toBeCloseTo(plain.query([{ text: q, weight: 1 }]).ideal * (1 + WORDING.ranking.wordingWeight), 9);
      for (const h of r.hits) expect(h.score / r.ideal).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('is trained only on demand and only when cheap: untrained, ranking is BM25F exactly', () => {
    const untrained = KnowledgeIndex.build(ENTRIES, WORDING);
    const plain = KnowledgeIndex.build(ENTRIES);
    const q = [{ text: 'declined card in the post', weight: 1 }];
    expect(untrained.query(q)).toEqual(plain.query(q));
    expect(untrained.wordingStale()).toBe(true);
    const tooBig = WordingModel.fit(plain.inverted, () => [], { ...DEFAULT_TRAINING, maxWork: 10 });
    expect(tooBig.trained).toBe(false);
  });

  it('trains the same from the stored binary index (no entry texts) as from the entries', () => {
    const index = trained();
    const lean = fromStored(structuredClone(toStored(index)), WORDING);
    lean.trainWording();
    for (const q of ['declined card in the post', 'pin card arrive', 'new card']) {
      const a = index.search(q, { limit: 3 });
      const b = lean.search(q, { limit: 3 });
      expect(b.map((h) => h.id)).toEqual(a.map((h) => h.id));
      b.forEach((h, i) => expect(h.score).toBeCloseTo(a[i]!.score, 9));
    }
  });

  it('is stored with the calibration fitted with it: a cold start restores both and trains nothing', () => {
    const index = KnowledgeIndex.build(ENTRIES, WORDING);
    baseCalibration(index);
    const stored = structuredClone(toStored(index));
    expect(stored.calibration?.wording).toBeDefined();
    const cold = fromStored(stored, WORDING);
    expect(cold.wordingStale()).toBe(false);
    expect(needsCalibration(cold)).toBe(false);
    for (const q of ['declined card in the post', 'pin card arrive', 'new card']) {
      const a = index.query([{ text: q, weight: 1 }], { limit: 3 });
      const b = cold.query([{ text: q, weight: 1 }], { limit: 3 });
      expect(b.hits.map((h) => h.id)).toEqual(a.hits.map((h) => h.id));
      b.hits.forEach((h, i) => expect(h.score).toBeCloseTo(a.hits[i]!.score, 5));
    }
    // changes counted since training carry over: the restored model is stale as soon as the trained one would be
    cold.add(entry('lost', { questions: ['I lost my card'] }));
    expect(cold.wordingStale()).toBe(true);
  });

  it('a damaged stored model is left out (the index trains again), never read out of place', () => {
    const index = trained();
    const model = index.storedWording()!;
    const bad = { ...model, df: { at: Uint32Array.from([5, 3]), count: Uint32Array.from([1, 1]) } };
    expect(WordingModel.fromStored(bad)).toBeUndefined();
    expect(WordingModel.fromStored({ ...model, weights: new Float32Array(3) })).toBeUndefined();
    expect(WordingModel.fromStored(structuredClone(model))?.trained).toBe(true);
  });

  it('trains again once more than a twentieth of the entries changed (every change, on a tiny base)', () => {
    const index = trained();
    expect(index.wordingStale()).toBe(false);
    index.add(entry('lost', { questions: ['I lost my card', 'card stolen'] }));
    expect(index.wordingStale()).toBe(true);
    index.trainWording();
    expect(index.wordingStale()).toBe(false);
    expect(index.search('my card was stolen', { limit: 1 })[0]!.id).toBe('lost');
  });

  it('is trained by self-calibration (the CLI at load, the worker after a ticket), before the confidence is fitted', () => {
    const index = KnowledgeIndex.build(ENTRIES, WORDING);
    baseCalibration(index);
    expect(index.wordingStale()).toBe(false);
    expect(needsCalibration(index)).toBe(false);
    index.add(entry('lost', { questions: ['I lost my card'] }));
    expect(needsCalibration(index)).toBe(true);
  });

  it('reads every wording unit of an entry: title, questions and learned phrasings, not the body', () => {
    const units = KnowledgeIndex.build(ENTRIES).inverted.docUnits(0);
    expect(units.filter((u) => u.field === FIELD_ID.questions)).toHaveLength(QUESTIONS.delivery!.length);
    expect(termFeatures('card')).toHaveLength(1 + 4); // the term and the 3-grams of " card "
  });
});
