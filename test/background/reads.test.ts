import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listEvents } from '@/knowledge/store';
import { feedback, loadSample } from '@/entrypoints/background/knowledge-handlers';
import { sessionShownReads } from '@/entrypoints/background/shown-reads';
import { getTabState, insert, onTicket, readSelection } from '@/entrypoints/background/ticket-handlers';
import { makeDeps, memorySession, read, sampleTicket, START } from './fixtures';

beforeEach(() => fakeBrowser.reset());

describe('background: time from the ticket read', () => {
  it('"inserted" and "copied" count from the content script\u2019s read, not from when the worker finished suggesting', async () => {
    const { deps, db, advance } = makeDeps();
    await loadSample(deps);
    const { ticket, expected } = sampleTicket(0);
    const stamp = read(START);
    // The message and suggest() took 300 ms: the worker handles the ticket after the read.
    advance(300);
    const state = await onTicket(deps, 9, ticket, stamp);
    expect(state.readAt).toBe(START);
    advance(4200);
    await feedback(deps, { kind: 'copied', tabId: 9, entryId: expected, rank: 1 });
    await insert(deps, { tabId: 9, entryId: expected, rank: 1, suggestedText: 'Hello there', text: 'Hello there' });
    const events = await listEvents(db);
    expect(events.find((e) => e.type === 'copied')).toMatchObject({ msFromRead: 4500 });
    expect(events.find((e) => e.type === 'inserted')).toMatchObject({ msFromRead: 4500 });
  });

  it('a read stamped "later" than the worker\u2019s clock, or more than a week ago, is clamped', async () => {
    const { deps } = makeDeps();
    await loadSample(deps);
    expect((await onTicket(deps, 1, sampleTicket(0).ticket, read(START + 5000))).readAt).toBe(START);
    expect((await onTicket(deps, 2, sampleTicket(0).ticket, read(START - 30 * 24 * 3600 * 1000))).readAt).toBe(START - 7 * 24 * 3600 * 1000);
  });

  it('a selection read carries its own stamp', async () => {
    const { deps, content } = makeDeps();
    await loadSample(deps);
    content.readSelection.mockResolvedValueOnce({ kind: 'ticket', ticket: { ...sampleTicket(0).ticket, helpdesk: 'generic' }, readAt: START - 50, readId: 'sel-1' });
    expect(await readSelection(deps, 4)).toMatchObject({ kind: 'ticket', readAt: START - 50, readId: 'sel-1', fromSelection: true });
  });
});

describe('background: "shown" once per ticket read', () => {
  it('the same read sent again after a worker restart (state lost) is not counted again; a new read is', async () => {
    const session = memorySession();
    const dbName = `reads-${Math.random()}`;
    const before = makeDeps({ shownReads: sessionShownReads(session) }, dbName);
    await loadSample(before.deps);
    const { ticket } = sampleTicket(0);
    const stamp = read();
    await onTicket(before.deps, 3, ticket, stamp);
    // The worker restarts: tab states and memory are gone, storage.session is not.
    const after = makeDeps({ shownReads: sessionShownReads(session) }, dbName);
    expect(getTabState(after.deps, 3)).toEqual({ kind: 'none', tabId: 3 });
    expect(after.content.readAgain).toHaveBeenCalledWith(3);
    // The tab answers with the same read (the watcher keeps the stamp of a forced re-read).
    const state = await onTicket(after.deps, 3, ticket, stamp);
    expect(state.readId).toBe(stamp.readId);
    expect((await listEvents(after.db)).filter((e) => e.type === 'shown' || e.type === 'no_confident_answer')).toHaveLength(1);
    // The agent opens the ticket again (a new read), or another tab reads it: each is counted.
    await onTicket(after.deps, 3, ticket, read());
    await onTicket(after.deps, 4, ticket, stamp);
    expect((await listEvents(after.db)).filter((e) => e.type === 'shown' || e.type === 'no_confident_answer')).toHaveLength(3);
  });

  it('the same read arriving twice at once is counted once', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    const stamp = read();
    await Promise.all([onTicket(deps, 5, sampleTicket(0).ticket, stamp), onTicket(deps, 5, sampleTicket(0).ticket, stamp)]);
    expect((await listEvents(db)).filter((e) => e.type === 'shown' || e.type === 'no_confident_answer')).toHaveLength(1);
  });

  it('the marker holds a read id only, and goes with the tab', async () => {
    const session = memorySession();
    const shown = sessionShownReads(session);
    expect(await shown.claim(8, 'r1')).toBe(true);
    expect(await shown.claim(8, 'r1')).toBe(false);
    expect([...session.data.entries()]).toEqual([['shownRead:8', 'r1']]);
    await shown.forget(8);
    expect(session.data.size).toBe(0);
    expect(await shown.claim(8, 'r1')).toBe(true);
  });
});

describe('background: without session storage', () => {
  it('counts once per worker life and never throws', async () => {
    const shown = sessionShownReads(undefined);
    expect(await shown.claim(1, 'r')).toBe(true);
    expect(await shown.claim(1, 'r')).toBe(false);
    await expect(shown.forget(1)).resolves.toBeUndefined();
  });
});
