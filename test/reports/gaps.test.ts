import { describe, expect, it } from 'vitest';
import { keyTerms } from '../../knowledge/key-terms.ts';
import { toColumns } from '../../knowledge/reports/columns.ts';
import { clusterTermSets, gapItems, gapTopics, gapTopicsOf, purity } from '../../knowledge/reports/gaps.ts';
import { inRange } from '../../knowledge/reports/report.ts';
import type { Ticket } from '../../knowledge/ticket.ts';
import { ev } from './events.ts';
import { measureGapGrouping } from './gap-fixture.ts';

const ticket = (subject: string, latestMessage: string, extra: Partial<Ticket> = {}): Ticket => ({
  helpdesk: 'zendesk', id: '1', subject, latestMessage, requester: {}, thread: [], tags: [], ...extra,
});

describe('keyTerms', () => {
  it('keeps topic words, without stop words, negations, numbers or personal data', () => {
    const terms = keyTerms(
      ticket('Re: Bulk order for our hiking club', 'Hi, I am Martina Rossi (martina.rossi@example.it, +39 347 123 4567). We do not want 40 jackets unless there is a club discount. Order 100234.', {
        requester: { name: 'Martina Rossi' },
      }),
    );
    // words in the subject and the message first, then subject words, in order
    expect(terms.slice(0, 4)).toEqual(['order', 'club', 'bulk', 'hiking']);
    expect(terms).toContain('discount');
    for (const gone of ['martina', 'rossi', 'example', 'email', 'phone', 'name', 'not', 'we', 'hi', 're', '40', '100234', 'the']) expect(terms).not.toContain(gone);
    expect(terms.join(' ')).not.toMatch(/\d/);
  });

  it('keeps at most 12, one per stem, subject words first', () => {
    const terms = keyTerms(ticket('Tents tent', 'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar'));
    expect(terms).toHaveLength(12);
    expect(terms[0]).toBe('tents');
    expect(terms.filter((t) => t.startsWith('tent'))).toHaveLength(1);
  });

  it('uses the ticket language\'s stop words', () => {
    expect(keyTerms(ticket('Frage zur Fahrradwerkstatt', 'Ich möchte mein Fahrrad zur Inspektion bringen und habe eine Frage', { locale: 'de' }))).toEqual([
      'frage', 'fahrradwerkstatt', 'möchte', 'fahrrad', 'inspektion', 'bringen',
    ]);
  });
});

describe('gap topics', () => {
  const terms = {
    bike: ['bike', 'workshop', 'brakes', 'service'],
    bike2: ['bike', 'service', 'gears', 'workshop'],
    job: ['job', 'application', 'cv'],
    job2: ['apply', 'job', 'application'],
  };

  it('makes one gap per ticket: abstained, or rejected with nothing inserted', () => {
    const { items, withoutTerms } = gapItems([
      ev('no_confident_answer', 1, { keyTerms: terms.bike }),
      ev('rejected', 1, { entryId: 'repair', reason: 'wrong_topic', keyTerms: ['bike', 'fork'], at: '2026-11-22T09:00:00.000Z' }),
      ev('rejected', 2, { entryId: 'repair', reason: 'wrong_topic', keyTerms: terms.job }),
      ev('rejected', 3, { entryId: 'repair', reason: 'wrong_topic', keyTerms: terms.job2 }),
      ev('inserted', 3, { entryId: 'other', rank: 2, editRatio: 0 }),
      ev('no_confident_answer', 4, {}),
    ]);
    expect(items.map((i) => [i.kind, i.terms, i.at])).toEqual([
      ['no_confident_answer', [...terms.bike, 'fork'], '2026-11-22T09:00:00.000Z'],
      ['rejected', terms.job, '2026-11-23T10:00:00.000Z'],
    ]);
    expect(withoutTerms).toBe(1);
  });

  it('groups tickets that share words, with count, weekly trend and sample terms', () => {
    const report = gapTopics([
      ev('no_confident_answer', 1, { keyTerms: terms.bike, at: '2026-11-16T10:00:00.000Z' }),
      ev('no_confident_answer', 2, { keyTerms: terms.bike2, at: '2026-11-30T10:00:00.000Z' }),
      ev('no_confident_answer', 3, { keyTerms: ['bikes', 'service'], at: '2026-11-30T11:00:00.000Z' }),
      ev('no_confident_answer', 4, { keyTerms: terms.job }),
      ev('rejected', 5, { entryId: 'x', reason: 'other', keyTerms: terms.job2 }),
    ]);
    expect(report.weeks).toEqual(['2026-W47', '2026-W48', '2026-W49']);
    expect(report.topics.map((t) => [t.count, t.trend, t.terms.slice(0, 2)])).toEqual([
      [3, [1, 0, 2], ['service', 'bike']],
      [2, [0, 2, 0], ['application', 'job']],
    ]);
    expect(report.topics[1]!.noConfidentAnswerShare).toBe(0.5);
  });

  it('gives the same topics from report columns (what the dashboard keeps) as from the events', () => {
    const day = (d: number, h = 10) => `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
    const events = [
      ev('no_confident_answer', 1, { keyTerms: terms.bike, at: day(2) }),
      ev('no_confident_answer', 2, { keyTerms: terms.bike2, at: day(16) }),
      ev('rejected', 3, { entryId: 'x', reason: 'other', keyTerms: ['bikes', 'service'], at: day(17) }),
      ev('rejected', 4, { entryId: 'x', reason: 'other', keyTerms: terms.job, at: day(18) }),
      ev('inserted', 4, { entryId: 'x', rank: 1, editRatio: 0, at: day(18, 11) }),
      ev('no_confident_answer', 5, { keyTerms: terms.job2, at: day(20) }),
      ev('no_confident_answer', 6, { keyTerms: terms.job, at: day(21) }),
      ev('no_confident_answer', 7, { at: day(22) }),
      ev('copied', 8, { entryId: 'x', rank: 1, at: day(22) }),
      ev('rejected', 9, { entryId: 'x', reason: 'other', keyTerms: terms.bike, at: day(28) }),
    ];
    const range = { from: '2026-11-10', to: '2026-11-28' };
    const fromColumns = gapTopicsOf(toColumns([...events].reverse()), range);
    expect(fromColumns).toEqual(gapTopics(inRange(events, range)));
    expect(fromColumns.topics.map((t) => t.count)).toEqual([2, 2]);
    expect(fromColumns.withoutTerms).toBe(1);
  });

  it('does not chain two topics through one common word', () => {
    const clusters = clusterTermSets([
      ['refund', 'bank', 'card', 'order'],
      ['refund', 'bank', 'card', 'late'],
      ['tent', 'pole', 'broken', 'order'],
      ['tent', 'pole', 'broken', 'replacement'],
    ]);
    expect(clusters.map((c) => c.sort())).toEqual([[0, 1], [2, 3]]);
  });

  it('measures purity and inverse purity', () => {
    expect(purity([[0, 1], [2, 3]], ['a', 'a', 'b', 'b'])).toEqual({ purity: 1, inversePurity: 1 });
    expect(purity([[0, 1, 2, 3]], ['a', 'a', 'b', 'b'])).toEqual({ purity: 0.5, inversePurity: 1 });
    expect(purity([[0], [1], [2], [3]], ['a', 'a', 'b', 'b'])).toEqual({ purity: 1, inversePurity: 0.5 });
  });

  it('groups the labelled gap tickets (64 tickets, 8 topics) mostly by topic', () => {
    const m = measureGapGrouping();
    expect(m.tickets).toBe(64);
    expect(m.purity).toBeGreaterThanOrEqual(0.9);
    expect(m.inversePurity).toBeGreaterThanOrEqual(0.75);
    expect(m.topics).toBeLessThanOrEqual(16);
  });
});
