import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../knowledge/events.ts';
import { PERSONAL_DATA_TYPES, redact } from '../../knowledge/redact.ts';
import { applyHunks, proposeRevisions, type TypicalHunk } from '../../knowledge/quality/revisions.ts';
import { entry } from '../store/helpers.ts';
import { inserted } from './events.ts';

const hunk = (removed: string, added: string, before = '', after = ''): TypicalHunk => ({ before, removed, added, after, inserts: 3 });
const edited = (at: string, ratio: number, edits: object[]): StoredEvent => ({ ...inserted(at, 'e', ratio), edits }) as StoredEvent;

describe('applyHunks', () => {
  it('places a change found once, and an addition by its context', () => {
    const body = 'Hi {{customer.first_name|there}},\n\nreturns are free within **30 days**.\n\n{{agent.signature}}';
    expect(applyHunks(body, [hunk('30', '60', 'within **', ' days'), hunk('', ' from Germany', 'free', ' within')])).toEqual({
      body: 'Hi {{customer.first_name|there}},\n\nreturns are free from Germany within **60 days**.\n\n{{agent.signature}}',
      skipped: [],
    });
  });

  it('uses the context when the removed text occurs twice, and skips what it cannot place', () => {
    const body = 'Cards take 5 days. Bank transfers take 5 days.';
    const out = applyHunks(body, [hunk('5', '3', 'transfers take ', ' days'), hunk('PayPal', 'Klarna'), hunk('days', 'weeks')]);
    expect(out.body).toBe('Cards take 5 days. Bank transfers take 3 days.');
    expect(out.skipped.map((s) => s.why)).toEqual(['not_found', 'ambiguous']);
  });

  it('never writes redacted personal data into the body', () => {
    expect(applyHunks('Hi there,', [hunk('there', '[name]')])).toEqual({ skipped: [{ hunk: hunk('there', '[name]'), why: 'personal_data' }] });
    // The queue spells the redactor's tokens out (to keep the redactor off the page): every one of them counts.
    for (const type of PERSONAL_DATA_TYPES) expect(applyHunks('a b', [hunk('a', `[${type}]`)]).body, type).toBeUndefined();
    expect(redact('write to anna@example.com')).toContain('[email]');
  });
});

describe('proposeRevisions', () => {
  const e = entry('e', { body: 'Returns are free within 30 days.', updatedAt: '2026-11-01T00:00:00Z' });
  const change = { before: 'within ', removed: '30', added: '60', after: ' days.' };

  it('needs at least 3 inserts edited by 0.2 or more since the entry last changed', () => {
    const two = [edited('2026-11-10T00:00:00Z', 0.3, [change]), edited('2026-11-11T00:00:00Z', 0.3, [change]), edited('2026-11-12T00:00:00Z', 0.1, [change]), edited('2026-10-01T00:00:00Z', 0.5, [change])];
    expect(proposeRevisions([e], two)).toEqual([]);
    const three = [...two, edited('2026-11-13T00:00:00Z', 0.2, [change])];
    expect(proposeRevisions([e], three)).toMatchObject([{ entryId: 'e', inserts: 4, edited: 3, body: 'Returns are free within 60 days.', typical: [{ ...change, inserts: 3 }] }]);
  });

  it('keeps only the changes at least half of the edited inserts made', () => {
    const other = { before: 'Returns ', removed: 'are', added: 'stay', after: ' free' };
    const events = [edited('2026-11-10T00:00:00Z', 0.3, [change]), edited('2026-11-11T00:00:00Z', 0.3, [change, other]), edited('2026-11-12T00:00:00Z', 0.3, [{ ...change, before: '' }]), edited('2026-11-13T00:00:00Z', 0.3, [])];
    const [p] = proposeRevisions([e], events);
    expect(p!.typical.map((h) => h.added)).toEqual(['60']);
    expect(p!.body).toBe('Returns are free within 60 days.');
  });

  it('still reports an entry agents rewrite each in their own way, without a body to accept', () => {
    const events = ['a', 'b', 'c'].map((w, i) => edited(`2026-11-1${i}T00:00:00Z`, 0.4, [{ before: '', removed: '', added: w, after: ' Returns' }]));
    expect(proposeRevisions([e], events)).toMatchObject([{ entryId: 'e', edited: 3, typical: [] }]);
    expect(proposeRevisions([e], events)[0]!.body).toBeUndefined();
  });
});
