import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addLearned, listLearned } from '@/knowledge/store';
import { loadSample, search } from '@/entrypoints/background/knowledge-handlers';
import { forgetLearned, learnedList } from '@/entrypoints/background/learned-handlers';
import { insert, onTicket } from '@/entrypoints/background/ticket-handlers';
import { holderFor, makeDeps, read, sampleTicket } from './fixtures';

beforeEach(() => fakeBrowser.reset());

/** Words no sample entry has: this ticket can only match an entry through what was learned from it. */
const ODD = { subject: 'zorblax quimble', latestMessage: 'frobnitz wuggle plonkish' };

/** Loads the sample, reads the odd ticket in tab 1 and inserts `entryId` for it unchanged: the worker learns its wording. */
async function learnedOnce() {
  const made = makeDeps();
  await loadSample(made.deps);
  const { ticket, expected } = sampleTicket(0);
  const odd = { ...ticket, ...ODD, requester: { name: 'Tom Fletcher' } };
  const before = await onTicket(made.deps, 1, odd, read());
  expect(before.result.suggestions.map((s) => s.entry.id)).not.toContain(expected);
  await insert(made.deps, { tabId: 1, entryId: expected, rank: 1, suggestedText: 'Hello', text: 'Hello' });
  return { ...made, odd, expected };
}

describe('background: learned phrasings listed and removed from the panel', () => {
  it('lists what an insert taught, with the entry title, and the suggestion says it matched a learned phrasing', async () => {
    const { deps, odd, expected } = await learnedOnce();
    const entryTitle = (await deps.holder.get()).ref(expected)!.title;
    const list = await learnedList(deps);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ entryId: expected, entryTitle, who: 'an agent' });
    expect(list[0]!.text).toContain('zorblax');
    expect(list[0]!.terms.length).toBeGreaterThan(0);

    const after = await onTicket(deps, 1, odd, read());
    const top = after.result.suggestions[0]!;
    expect(top.entry.id).toBe(expected);
    expect(top.matched.learned?.length).toBeGreaterThan(0);
  });

  it('a learned phrasing goes through the redactor: a street and city in the ticket are not stored', async () => {
    const made = makeDeps();
    await loadSample(made.deps);
    const { ticket, expected } = sampleTicket(0);
    const latestMessage = 'frobnitz wuggle plonkish, please send it to Lindenstraße 12, 10115 Berlin or to 14 Grafton Street, Dublin 2, D02 X285';
    await onTicket(made.deps, 1, { ...ticket, ...ODD, latestMessage, requester: { name: 'Tom Fletcher' } }, read());
    await insert(made.deps, { tabId: 1, entryId: expected, rank: 1, suggestedText: 'Hello', text: 'Hello' });
    const [row] = await listLearned(made.db);
    expect(row!.text).toContain('frobnitz');
    expect(row!.text).not.toMatch(/Linden|Berlin|Grafton|Dublin|address/i);
    expect(row!.terms.join(' ')).not.toMatch(/linden|berlin|grafton|dublin/i);
  });

  it('removing the phrasing takes the entry out of the suggestions of a ticket that only matched through it', async () => {
    const { deps, db, odd, expected, notified } = await learnedOnce();
    expect((await onTicket(deps, 1, odd, read())).result.suggestions[0]?.entry.id).toBe(expected);
    expect((await search(deps, ODD.subject, 5)).map((h) => h.entry.id)).toEqual([expected]);
    const shown = notified.length;

    const [row] = await learnedList(deps);
    expect(await forgetLearned(deps, { kind: 'one', id: row!.id })).toEqual({ ok: true, value: { removed: 1 } });

    expect(await listLearned(db)).toEqual([]);
    // The open ticket was re-suggested at once, without the entry, and the panel was told.
    expect(notified.length).toBeGreaterThan(shown);
    const refreshed = notified.at(-1)!;
    expect(refreshed.kind === 'ticket' && refreshed.result.suggestions.map((s) => s.entry.id)).not.toContain(expected);
    expect((await onTicket(deps, 1, odd, read())).result.suggestions.map((s) => s.entry.id)).not.toContain(expected);
    expect(await search(deps, ODD.subject, 5)).toEqual([]);
    // A restarted worker (index from the cache) does not know it either.
    const restarted = holderFor(db);
    expect((await restarted.get()).learned(expected)).toEqual([]);
    // Removing it again removes nothing.
    expect(await forgetLearned(deps, { kind: 'one', id: row!.id })).toEqual({ ok: true, value: { removed: 0 } });
  });

  it('the same wording learned twice is listed once, and one Remove forgets it for good', async () => {
    const { deps, db, odd, expected } = await learnedOnce();
    await onTicket(deps, 1, odd, read());
    await insert(deps, { tabId: 1, entryId: expected, rank: 1, suggestedText: 'Hello', text: 'Hello' });
    expect(await listLearned(db)).toHaveLength(2);
    const list = await learnedList(deps);
    expect(list.map((l) => l.times)).toEqual([2]);
    expect(await forgetLearned(deps, { kind: 'one', id: list[0]!.id })).toEqual({ ok: true, value: { removed: 1 } });
    expect(await listLearned(db)).toEqual([]);
    expect((await onTicket(deps, 1, odd, read())).result.suggestions.map((s) => s.entry.id)).not.toContain(expected);
  });

  it('"remove all for this entry" removes only that entry\u2019s phrasings', async () => {
    const { deps, odd, expected } = await learnedOnce();
    const index = await deps.holder.get();
    const other = (await deps.db.entries.toArray()).find((e) => e.status === 'approved' && e.id !== expected)!.id;
    await addLearned(deps.db, { entryId: expected, text: 'glimmerous snoot', terms: index.terms('glimmerous snoot') }, 'Lead');
    await addLearned(deps.db, { entryId: other, text: 'blargle fizzwick', terms: index.terms('blargle fizzwick') }, 'Lead');
    await deps.holder.learnedChanged();
    expect((await learnedList(deps)).map((l) => l.entryId).sort()).toEqual([expected, expected, other].sort());

    expect(await forgetLearned(deps, { kind: 'entry', entryId: expected })).toEqual({ ok: true, value: { removed: 2 } });
    expect((await learnedList(deps)).map((l) => l.entryId)).toEqual([other]);
    expect((await onTicket(deps, 1, odd, read())).result.suggestions.map((s) => s.entry.id)).not.toContain(expected);
    expect((await search(deps, 'blargle fizzwick', 5)).map((h) => h.entry.id)).toEqual([other]);
  });
});
