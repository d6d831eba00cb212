import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addLearned, lastChange, listLearned, loadSearchIndex, removeLearnedPhrasing } from '@/knowledge/store';
import { loadSample, search } from '@/entrypoints/background/knowledge-handlers';
import { insert, onTicket, refreshTickets } from '@/entrypoints/background/ticket-handlers';
import { watchLearned } from '@/entrypoints/background/watch-knowledge';
import { holderFor, makeDeps, read, sampleTicket } from './fixtures';

beforeEach(() => fakeBrowser.reset());

/** The background's wiring (index.ts): learned phrasings changed elsewhere reach the live index. */
function wire(deps: ReturnType<typeof makeDeps>['deps']) {
  return watchLearned(deps.db, () => void deps.holder.learnedChanged().then((ids) => (ids.length ? refreshTickets(deps) : undefined)));
}

/** The stored index includes every logged change and exactly the store's learned phrasings. */
async function cacheMatchesStore(db: ReturnType<typeof makeDeps>['db']): Promise<boolean> {
  const stored = await loadSearchIndex(db);
  const key = (l: { entryId: string; text: string }) => `${l.entryId}\n${l.text}`;
  const want = [...new Set((await listLearned(db)).map(key))].sort();
  const have = (stored?.index.learned ?? []).map(key).sort();
  return stored?.seq === (await lastChange(db)) && JSON.stringify(have) === JSON.stringify(want);
}

const WORDS = 'zorblax quimble';

describe('background: learned phrasings changed in settings (another context)', () => {
  it('a phrasing added elsewhere is searchable at once, and removing it takes it out of the live index and its cache', async () => {
    const { deps, db, notified } = makeDeps();
    await loadSample(deps);
    const { ticket, expected } = sampleTicket(0);
    await onTicket(deps, 1, ticket, read());
    const index = await deps.holder.get();
    const stop = wire(deps);
    await stop.ready;
    expect(await search(deps, WORDS, 5)).toEqual([]);

    const row = await addLearned(db, { entryId: expected, text: WORDS, terms: index.terms(WORDS) }, 'Lead (settings)');
    await expect.poll(async () => (await search(deps, WORDS, 5)).map((h) => h.entry.id)).toEqual([expected]);
    await expect.poll(() => cacheMatchesStore(db)).toBe(true);

    const shownBefore = notified.length;
    await removeLearnedPhrasing(db, row.id!);
    await expect.poll(async () => (await deps.holder.get()).learned(expected).map((l) => l.text)).toEqual([]);
    expect(await search(deps, WORDS, 5)).toEqual([]);
    await expect.poll(() => cacheMatchesStore(db)).toBe(true);
    // Open tickets got suggestions from the index without it.
    await expect.poll(() => notified.length).toBeGreaterThan(shownBefore);
    // A restarted worker loads that cache as it is (no rebuild) and it does not know the phrasing.
    const restarted = holderFor(db);
    const loaded = await restarted.get();
    expect(restarted.origin).toBe('cache');
    expect(loaded.learned(expected)).toEqual([]);
    stop();
  });

  it('removing a phrasing the worker learned from an insert unlearns it too', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    const { ticket, expected } = sampleTicket(0);
    await onTicket(deps, 2, ticket, read());
    const stop = wire(deps);
    await stop.ready;
    await insert(deps, { tabId: 2, entryId: expected, rank: 1, suggestedText: 'Hello', text: 'Hello' });
    const [learned] = await listLearned(db, expected);
    expect(learned).toBeDefined();
    await expect.poll(async () => (await deps.holder.get()).learned(expected).map((l) => l.text)).toEqual([learned!.text]);
    await removeLearnedPhrasing(db, learned!.id!);
    await expect.poll(async () => (await deps.holder.get()).learned(expected)).toEqual([]);
    await expect.poll(() => cacheMatchesStore(db)).toBe(true);
    stop();
  });

  it('nothing changes (and nothing is saved) when the index already matches the store', async () => {
    const { deps } = makeDeps();
    await loadSample(deps);
    expect(await deps.holder.learnedChanged()).toEqual([]);
  });
});
