import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexLoadError, INDEX_FORMAT_VERSION } from '../../knowledge/search/serialise';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { ENTRIES, entry } from './fixtures';

const QUERIES = ['where is my refund', 'parcel not arrived track', 'forgot password login', 'VAT invoice company', 'Rückerstattung Geld', 'gift'];
const results = (index: KnowledgeIndex) => QUERIES.map((q) => index.search(q, { limit: 10 }));

describe('KnowledgeIndex', () => {
  it('finds the entry whose questions match, with the matched words per field', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    const [top] = index.search('I returned my parcel, where is my refund?');
    expect(top?.id).toBe('refund');
    expect(top?.matched.questions).toEqual(expect.arrayContaining(['refund', 'parcel']));
    expect(top?.matched.title).toContain('refund');
    expect(index.search('forgot password')[0]?.id).toBe('password');
    expect(index.search('Wo bleibt meine Rückerstattung', { locale: 'de' })[0]?.id).toBe('rueckerstattung');
  });

  it('sees every entry without a filter and only the accepted ones with it', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    expect(index.search('gift card')[0]?.id).toBe('draft-gift-cards');
    expect(index.search('gift card', { filter: (e) => e.status === 'approved' }).map((h) => h.id)).not.toContain('draft-gift-cards');
  });

  it('after incremental add, update and remove, ranks exactly like a fresh build', () => {
    const changed = entry('tracking', { title: 'Tracking a parcel', questions: ['Where is my refund parcel?'], version: 2 });
    const added = entry('returns', { title: 'Returning an item', questions: ['How do I send back my parcel for a refund?'] });
    const incremental = KnowledgeIndex.build(ENTRIES);
    incremental.add(added);
    incremental.update(changed);
    incremental.remove('invoice');
    incremental.remove('not-there');
    const finalEntries = [...ENTRIES.filter((e) => e.id !== 'invoice' && e.id !== 'tracking'), added, changed];
    expect(results(incremental)).toEqual(results(KnowledgeIndex.build(finalEntries)));
    expect(incremental.get('invoice')).toBeUndefined();
    expect(incremental.search('VAT invoice').map((h) => h.id)).not.toContain('invoice');
  });

  it('stays equal to a fresh build across many changes (tombstones compacted)', () => {
    const many = Array.from({ length: 400 }, (_, i) => entry(`e${i}`, { title: `topic ${i % 37} parcel`, questions: [`question ${i} about refund ${i % 11}`] }));
    const index = KnowledgeIndex.build(many);
    for (let round = 0; round < 5; round++) for (const e of many.slice(0, 300)) index.update({ ...e, version: round + 2 });
    for (const e of many.slice(300)) index.remove(e.id);
    const fresh = KnowledgeIndex.build(many.slice(0, 300));
    for (const q of ['parcel refund 3', 'topic 5', 'question 17']) expect(index.search(q)).toEqual(fresh.search(q));
  });

  it('serialises and loads back with identical results and learned phrasings', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    index.learn({ entryId: 'invoice', text: 'receipt expenses', terms: index.terms('receipt expenses'), at: '2026-11-23T10:00:00Z' });
    const loaded = KnowledgeIndex.load(index.serialize());
    expect(results(loaded)).toEqual(results(index));
    expect(loaded.learned()).toEqual(index.learned());
    expect(loaded.search('receipt for my expenses')[0]?.id).toBe('invoice');
  });

  it('refuses to load another format version or other tokenising options', () => {
    const json = KnowledgeIndex.build(ENTRIES).serialize();
    const other = JSON.stringify({ ...JSON.parse(json), version: INDEX_FORMAT_VERSION + 1 });
    expect(() => KnowledgeIndex.load(other)).toThrow(IndexLoadError);
    expect(() => KnowledgeIndex.load(json, { tokenise: { stemming: false } })).toThrow(/other tokenising options/);
    expect(() => KnowledgeIndex.load('{"format":"something-else"}')).toThrow(IndexLoadError);
    expect(() => KnowledgeIndex.load('not json')).toThrow(IndexLoadError);
  });

  it('never throws on random text, and returns at most `limit` hits, best first', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 0, max: 20 }), (text, limit) => {
        const hits = index.search(text, { limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      }),
      { numRuns: 300 },
    );
  });
});
