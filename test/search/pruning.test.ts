import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { ticketQuery } from '../../knowledge/search/ticket-query';
import { asTicket, generateEntries, generateQueries, loadSeedTopics } from '../bench/synthetic';

// Ticket-length queries over a few hundred entries: most postings belong to common words, so the
// pruned evaluation (limit 5) skips most of them. With a limit above the number of entries
// nothing can be pruned: both must give the same hits with the same scores.
describe('pruned query evaluation', () => {
  const { topics } = loadSeedTopics();
  const entries = generateEntries(600, { topics });
  const queries = generateQueries(entries, 40, 600);
  const index = KnowledgeIndex.build(entries);

  it('ranks and scores exactly like scoring every posting', () => {
    for (const [i, q] of queries.entries()) {
      const parts = ticketQuery(asTicket(q, i)).parts;
      for (const limit of [1, 3, 5]) {
        const pruned = index.query(parts, { limit }).hits;
        const full = index.query(parts, { limit: 10_000 }).hits.slice(0, limit);
        expect(pruned).toEqual(full);
      }
    }
  });

  it('stays exact with a filter that rejects some of the best entries', () => {
    const rejected = new Set(entries.filter((_, i) => i % 3 === 0).map((e) => e.id));
    const filter = (e: { id: string }) => !rejected.has(e.id);
    for (const [i, q] of queries.entries()) {
      const parts = ticketQuery(asTicket(q, i)).parts;
      const pruned = index.query(parts, { limit: 5, filter }).hits;
      const full = index.query(parts, { limit: 10_000, filter }).hits.slice(0, 5);
      expect(pruned).toEqual(full);
    }
  });
});

describe('warm (after an import, before the next ticket)', () => {
  const { topics } = loadSeedTopics();
  const entries = generateEntries(600, { topics });
  const queries = generateQueries(entries, 20, 600);

  it('works out the score bounds of the common terms up front, and ranks exactly as before', () => {
    const cold = KnowledgeIndex.build(entries);
    const warmed = KnowledgeIndex.build(entries);
    warmed.warm();
    const ix = warmed.inverted;
    const { boundRev } = (warmed as unknown as { scratch: { boundRev: Float64Array } }).scratch;
    const common = ix.terms.flatMap((_, id) => (ix.df[id]! >= Math.max(256, ix.liveDocs / 16) ? [id] : []));
    expect(common.length).toBeGreaterThan(10);
    expect(common.every((id) => boundRev[id] === ix.revision)).toBe(true);
    for (const [i, q] of queries.entries()) {
      const parts = ticketQuery(asTicket(q, i)).parts;
      expect(warmed.query(parts, { limit: 3 }).hits).toEqual(cold.query(parts, { limit: 3 }).hits);
    }
  });
});
