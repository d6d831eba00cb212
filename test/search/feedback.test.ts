import { describe, expect, it } from 'vitest';
import { learnFromAcceptance, unlearn } from '../../knowledge/feedback';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { ticketQuery } from '../../knowledge/search/ticket-query';
import { DAY, ENTRIES, ticket } from './fixtures';

const NOW = new Date(`${DAY}T12:00:00Z`);

describe('feedback', () => {
  it('an accepted suggestion teaches the index the ticket wording, visibly and removably', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    const wording = 'Hello,\nmy accountant needs a receipt for the expenses claim. Call me on +44 20 7946 0958.\nThanks,\nAnna Berg';
    const q = ticketQuery(ticket('Receipt', wording));
    expect(index.search('receipt expenses accountant')[0]?.id).not.toBe('invoice');

    const learned = learnFromAcceptance(index, q, 'invoice', { names: ['Anna Berg'], now: NOW })!;
    expect(learned).toMatchObject({ entryId: 'invoice', at: NOW.toISOString() });
    expect(learned.text).toMatch(/receipt/);
    expect(learned.text).not.toMatch(/Anna|Berg|44|7946/);
    expect(index.learned('invoice')).toEqual([learned]);
    const hit = index.search('receipt expenses accountant')[0];
    expect(hit?.id).toBe('invoice');
    expect(hit?.matched.learned).toContain('receipt');

    expect(unlearn(index, learned)).toBe(true);
    expect(index.learned()).toEqual([]);
    expect(index.search('receipt expenses accountant')[0]?.id).not.toBe('invoice');
    expect(unlearn(index, learned)).toBe(false);
  });

  it('learns nothing for an unknown entry', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    expect(learnFromAcceptance(index, ticketQuery(ticket('x', 'receipt')), 'nope')).toBeUndefined();
    expect(index.learned()).toEqual([]);
  });
});
