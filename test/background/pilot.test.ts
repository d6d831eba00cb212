import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEntry, listEvents, saveSettings } from '@/knowledge/store';
import { loadSample } from '@/entrypoints/background/knowledge-handlers';
import { onTicket } from '@/entrypoints/background/ticket-handlers';
import { suggestRefs } from '@/knowledge/suggest';
import { DAY, makeDeps, read, sampleTickets } from './fixtures';

beforeEach(() => fakeBrowser.reset());

/** A sample ticket the whole knowledge answers confidently, and its top entry's tags. */
async function confidentTicket(deps: ReturnType<typeof makeDeps>['deps']) {
  const index = await deps.holder.get();
  const ticket = sampleTickets()
    .map((s) => s.ticket)
    .find((t) => !suggestRefs(t, index, { limit: 3, day: DAY }).abstained)!;
  const top = suggestRefs(ticket, index, { limit: 3, day: DAY }).suggestions[0]!.entry.id;
  return { ticket, top, tags: (await getEntry(deps.db, top))!.tags };
}

describe('pilot mode', () => {
  it('suggests only entries with a pilot tag (any case)', async () => {
    const { deps } = makeDeps();
    await loadSample(deps);
    const { ticket, tags } = await confidentTicket(deps);
    const pilotTags = [tags[0]!.toUpperCase(), ...['orders', 'shipping', 'returns', 'payments'].filter((t) => !tags.includes(t))].slice(0, 3);
    await saveSettings(deps.db, { pilot: { on: true, tags: pilotTags } });
    const state = await onTicket(deps, 1, ticket, read());
    expect(state.result.pilotHeld).toBeUndefined();
    expect(state.result.suggestions.length).toBeGreaterThan(0);
    const wanted = new Set(pilotTags.map((t) => t.toLowerCase()));
    for (const s of state.result.suggestions) expect(s.entry.tags.some((t) => wanted.has(t.toLowerCase()))).toBe(true);
  });

  it('says when pilot mode held back a ticket\u2019s answers, and records it neither as shown nor as a gap', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    const { ticket, tags } = await confidentTicket(deps);
    const outside = ['christmas', 'klarna', 'gdpr', 'vat', 'jacket'].filter((t) => !tags.includes(t)).slice(0, 3);
    await saveSettings(db, { pilot: { on: true, tags: outside } });
    const held = await onTicket(deps, 2, ticket, read());
    expect(held.result).toMatchObject({ abstained: true, pilotHeld: true, suggestions: [] });
    expect(held.result.reason).toBe(`Pilot mode: suggestions only for entries tagged ${outside.join(', ')}. This ticket's answers are outside the pilot.`);
    expect(await listEvents(db)).toEqual([]);
    // pilot mode off: the same ticket is answered again, and counted
    await saveSettings(db, { pilot: { on: false, tags: outside } });
    const open = await onTicket(deps, 2, ticket, read());
    expect(open.result.pilotHeld).toBeUndefined();
    expect(open.result.suggestions.length).toBeGreaterThan(0);
    expect((await listEvents(db)).map((e) => e.type)).toEqual(['shown']);
  });

  it('a ticket nothing answers stays "no confident answer" in pilot mode, recorded as a gap', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    await saveSettings(db, { pilot: { on: true, tags: ['orders', 'shipping', 'returns'] } });
    const { ticket } = sampleTickets()[0]!;
    const state = await onTicket(deps, 3, { ...ticket, subject: 'zzqx', latestMessage: 'qwxz vbnm plok' }, read());
    expect(state.result).toMatchObject({ abstained: true });
    expect(state.result.pilotHeld).toBeUndefined();
    expect((await listEvents(db)).map((e) => e.type)).toEqual(['no_confident_answer']);
  });
});
