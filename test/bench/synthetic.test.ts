import { describe, expect, it } from 'vitest';
import { Entry } from '../../knowledge/entry.ts';
import { Ticket } from '../../knowledge/ticket.ts';
import { asTicket, createRng, generateEntries, generateQueries, loadSeedTopics, vary } from './synthetic.ts';
import { BUILT_IN_SEEDS } from './synthetic-vocab.ts';

const vocabulary = (entries: Entry[]): Set<string> =>
  new Set(entries.flatMap((e) => `${e.title} ${e.body} ${e.questions.join(' ')}`.toLowerCase().split(/[^a-z0-9]+/)));
const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

describe('synthetic knowledge bases', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateEntries(200, { seed: 1 })).toEqual(generateEntries(200, { seed: 1 }));
    expect(generateEntries(200, { seed: 1 })).not.toEqual(generateEntries(200, { seed: 2 }));
    const entries = generateEntries(50);
    expect(generateQueries(entries, 20, 3)).toEqual(generateQueries(entries, 20, 3));
  });

  it('yields valid, approved, suggestable entries with unique ids and reviewBy in 2027-2028', () => {
    const entries = generateEntries(2000);
    for (const e of entries) {
      const parsed = Entry.safeParse(e);
      expect(parsed.success, `${e.id}: ${parsed.error?.message}`).toBe(true);
      expect(e.status).toBe('approved');
      expect(e.reviewBy! >= '2027-09-01' && e.reviewBy! <= '2028-12-31', `${e.id} reviewBy ${e.reviewBy}`).toBe(true);
      expect(e.questions.length).toBeGreaterThan(0);
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('varies entries: few exact duplicates, and the vocabulary keeps growing with size', () => {
    const entries = generateEntries(2000);
    expect(new Set(entries.map((e) => e.body)).size).toBeGreaterThan(entries.length * 0.95);
    expect(vocabulary(entries).size).toBeGreaterThan(1.5 * vocabulary(generateEntries(200)).size);
  });

  it('draws on the given seed topics', () => {
    const topics = [{ title: 'Zebra grooming', questions: ['How often should I brush my zebra?'], body: 'Brush weekly.', tags: ['zebras'] }];
    const entries = generateEntries(10, { topics });
    expect(entries.every((e) => e.title.startsWith('Zebra grooming') && e.tags.includes('zebras'))).toBe(true);
  });

  it('reads the sample pack when it exists, otherwise the built-in vocabulary', () => {
    expect(loadSeedTopics('/nonexistent/pack.json').topics).toBe(BUILT_IN_SEEDS);
    const { topics } = loadSeedTopics();
    expect(topics.length).toBeGreaterThan(0);
  });
});

describe('synthetic tickets', () => {
  it('are 80-150 words, about their target, with greeting and signature around the question', () => {
    const entries = generateEntries(300);
    for (const q of generateQueries(entries, 100)) {
      const target = entries.find((e) => e.id === q.expected)!;
      expect(wordCount(q.text), q.text).toBeGreaterThanOrEqual(80);
      expect(wordCount(q.text), q.text).toBeLessThanOrEqual(150);
      const product = target.title.split(': ').at(-1)!;
      expect(q.text).toContain(`It is about the ${product}.`);
      expect(q.text.split('\n').length).toBeGreaterThan(4);
      expect(Ticket.safeParse(asTicket(q, 0)).success).toBe(true);
    }
  });

  it('swap synonyms without losing capitals', () => {
    const rng = createRng(5);
    const variants = new Set(Array.from({ length: 40 }, () => vary('Order refund: where is my parcel?', rng)));
    expect(variants.size).toBeGreaterThan(3);
    expect([...variants].every((v) => /^[A-Z]/.test(v))).toBe(true);
    expect(variants.has('Purchase refund: where is my parcel?') || variants.has('Purchase reimbursement: where is my package?')).toBe(true);
  });
});
