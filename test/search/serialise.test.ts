import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, VarintWriter, decodeVarints } from '../../knowledge/search/bytes';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { IndexLoadError, INDEX_FORMAT, INDEX_FORMAT_VERSION } from '../../knowledge/search/serialise';
import { ticketQuery } from '../../knowledge/search/ticket-query';
import { asTicket, generateEntries, generateQueries, loadSeedTopics } from '../bench/synthetic';
import { ENTRIES, entry } from './fixtures';

const { topics } = loadSeedTopics();
const MANY = generateEntries(300, { topics });
const TICKETS = generateQueries(MANY, 25, 300).map((q, i) => ticketQuery(asTicket(q, i)).parts);
const ranked = (index: KnowledgeIndex) => TICKETS.map((parts) => index.query(parts, { limit: 5 }));

describe('serialised index (format 2: postings saved)', () => {
  it('loads back ranking identically: hits, scores, coverage, ideal, matched words', () => {
    const index = KnowledgeIndex.build(MANY);
    const loaded = KnowledgeIndex.load(index.serialize());
    expect(ranked(loaded)).toEqual(ranked(index));
    expect(loaded.size).toBe(index.size);
    expect(loaded.vocabulary().sort()).toEqual(index.vocabulary().sort());
    expect(loaded.termIdf('refund')).toBe(index.termIdf('refund'));
    // per-question idf reads the instance counts, which the loader recomputes
    const byInstance = KnowledgeIndex.build(MANY, { ranking: { instanceIdf: true } });
    expect(ranked(KnowledgeIndex.load(byInstance.serialize()))).toEqual(ranked(byInstance));
  });

  it('after removals, updates and learning, the loaded copy equals a fresh build and keeps changing like one', () => {
    const index = KnowledgeIndex.build(MANY);
    for (const e of MANY.slice(0, 40)) index.remove(e.id);
    for (const e of MANY.slice(40, 80)) index.update({ ...e, questions: [...e.questions, 'Where is my parcel?'], version: e.version + 1 });
    index.learn({ entryId: MANY[100]!.id, text: 'receipt expenses', terms: index.terms('receipt expenses'), at: '2026-11-23T10:00:00Z' });
    const loaded = KnowledgeIndex.load(index.serialize());
    expect(ranked(loaded)).toEqual(ranked(index));
    expect(loaded.learned()).toEqual(index.learned());

    // the loaded index is a working index: incremental changes rank like a fresh build of the same entries
    const added = entry('new-one', { title: 'Parcel lost in transit', questions: ['My parcel never arrived, where is it?'] });
    loaded.add(added);
    loaded.remove(MANY[200]!.id);
    index.add(added);
    index.remove(MANY[200]!.id);
    expect(ranked(loaded)).toEqual(ranked(index));
    const fresh = KnowledgeIndex.build(loaded.all(), undefined, loaded.learned());
    expect(ranked(loaded)).toEqual(ranked(fresh));
  });

  it('refuses an older format version with a message that says to rebuild', () => {
    const v1 = JSON.stringify({ format: INDEX_FORMAT, version: 1, tokenise: {}, ranking: {}, entries: ENTRIES, learned: [] });
    expect(() => KnowledgeIndex.load(v1)).toThrow(IndexLoadError);
    expect(() => KnowledgeIndex.load(v1)).toThrow(/format version 1; this version reads 3/);
    expect(INDEX_FORMAT_VERSION).toBe(3);
  });

  it('refuses damaged postings instead of loading a wrong index', () => {
    const json = KnowledgeIndex.build(ENTRIES).serialize();
    const data = JSON.parse(json) as { entries: unknown[]; postings: { terms: string[]; pairs: number; units: string; lists: string } };
    const damaged = (change: (d: typeof data) => void) => {
      const copy = JSON.parse(json) as typeof data;
      change(copy);
      return JSON.stringify(copy);
    };
    const cases = [
      damaged((d) => (d.postings.lists = d.postings.lists.slice(0, -8))),
      damaged((d) => (d.postings.lists = `${d.postings.lists.slice(0, 12)}!!!!${d.postings.lists.slice(16)}`)),
      damaged((d) => (d.postings.units = toBase64(new Uint8Array([1, 2, 3])))),
      damaged((d) => (d.postings.pairs += 1)),
      damaged((d) => d.postings.terms.pop()),
      damaged((d) => d.entries.pop()),
      damaged((d) => (d.postings.terms[1] = d.postings.terms[0]!)),
      damaged((d) => delete (d as Partial<typeof d>).postings),
    ];
    for (const bad of cases) expect(() => KnowledgeIndex.load(bad)).toThrow(IndexLoadError);
  });

  it('varints and base64 round-trip every length and value size', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    const values = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, 2_147_483_647];
    const w = new VarintWriter();
    for (const v of values) w.write(v);
    const bytes = fromBase64(w.toBase64());
    const out = new Int32Array(values.length);
    expect(decodeVarints(bytes, 0, out, 0, values.length)).toBe(bytes.length);
    expect([...out]).toEqual(values);
    expect(() => decodeVarints(bytes.subarray(0, bytes.length - 1), 0, out, 0, values.length)).toThrow(RangeError);
  });
});
