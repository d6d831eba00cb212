import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listEvents, recordEvent } from '@/knowledge/store';
import { loadSample } from '@/entrypoints/background/knowledge-handlers';
import { onTicket } from '@/entrypoints/background/ticket-handlers';
import { makeDeps, read, sampleTickets } from './fixtures';

beforeEach(() => fakeBrowser.reset());

describe('background: retention', () => {
  it('recording an event purges events past the retention period, once a day', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    // far older than any retention period the settings allow (at most 10 years)
    await recordEvent(db, { type: 'copied', ticket: { helpdesk: 'zendesk', id: 'old' }, entryId: 'x', rank: 1, at: '2001-01-01T00:00:00.000Z' });
    await onTicket(deps, 1, sampleTickets()[0]!.ticket, read());
    const left = await listEvents(db);
    expect(left.map((e) => e.at.slice(0, 4))).not.toContain('2001');
    expect(left).toHaveLength(1);
    // the day's purge has run: an old event written now stays until tomorrow's
    await recordEvent(db, { type: 'copied', ticket: { helpdesk: 'zendesk', id: 'old' }, entryId: 'x', rank: 1, at: '2001-01-01T00:00:00.000Z' });
    await onTicket(deps, 2, sampleTickets()[1]!.ticket, read());
    expect(await listEvents(db)).toHaveLength(3);
  });
});
