// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/sidepanel/App';
import { byTestId, cleanup, click, flush, render, type } from './render';
import { fakeApi, ticketState } from '../sidepanel/fake-api';
import { openSettings } from '../sidepanel/open-settings';

afterEach(cleanup);

describe('settings: team settings', () => {
  it('saves the team salt, pilot mode with its tags and the retention period in one patch', async () => {
    const { api, c } = await openSettings();
    await type(byTestId<HTMLInputElement>(c, 'team-salt'), '  northwind-team-salt-2026 ');
    await click(byTestId(c, 'pilot-on'));
    await type(byTestId<HTMLInputElement>(c, 'pilot-tags'), 'returns, shipping ,refunds,');
    await type(byTestId<HTMLInputElement>(c, 'retention-days'), '90');
    await click(byTestId(c, 'save-team'));
    await flush();
    expect(api.saveSettings).toHaveBeenLastCalledWith({ teamSalt: 'northwind-team-salt-2026', pilot: { on: true, tags: ['returns', 'shipping', 'refunds'] }, retentionDays: 90 });
    expect(byTestId(c, 'status').textContent).toBe('Team settings saved.');
  });

  it('an empty salt removes the team salt; the store\u2019s refusal is shown', async () => {
    const { api, c } = await openSettings();
    api.saveSettings.mockResolvedValueOnce({ ok: false, error: 'Settings, pilot.tags: pilot mode needs 3 to 5 tags' } as never);
    await click(byTestId(c, 'save-team'));
    await flush();
    expect(api.saveSettings).toHaveBeenLastCalledWith({ teamSalt: null, pilot: { on: false, tags: [] }, retentionDays: 180 });
    expect(byTestId(c, 'status').textContent).toBe('Settings, pilot.tags: pilot mode needs 3 to 5 tags');
  });
});

describe('settings: your data', () => {
  it('exports my events and says how many, into which file', async () => {
    const { api, c } = await openSettings();
    await click(byTestId(c, 'export-events'));
    await flush();
    expect(api.downloadMyEvents).toHaveBeenCalledTimes(1);
    expect(byTestId(c, 'status').textContent).toBe('Exported 12 events to agent-assist-events-1a2b3c4d-2026-12-02.ndjson.');
  });

  it('deletes nothing until confirmed; keeps the knowledge unless chosen', async () => {
    const { api, c } = await openSettings();
    await click(byTestId(c, 'delete-my-data'));
    expect(api.deleteMyData).not.toHaveBeenCalled();
    expect(byTestId(c, 'delete-confirm').textContent).toContain('cannot be undone');
    await click(Array.from(byTestId(c, 'delete-confirm').querySelectorAll('button')).find((b) => b.textContent === 'Cancel')!);
    expect(c.querySelector('[data-testid=delete-confirm]')).toBeNull();
    expect(api.deleteMyData).not.toHaveBeenCalled();

    await click(byTestId(c, 'delete-my-data'));
    await click(byTestId(c, 'confirm-delete'));
    await flush();
    expect(api.deleteMyData).toHaveBeenLastCalledWith({ knowledge: false });
    expect(byTestId(c, 'status').textContent).toBe('Deleted 12 events, 3 learned phrasings.');

    await click(byTestId(c, 'delete-my-data'));
    await click(byTestId(c, 'delete-knowledge'));
    expect(byTestId(c, 'confirm-delete').textContent).toBe('Delete my data and the knowledge');
    await click(byTestId(c, 'confirm-delete'));
    await flush();
    expect(api.deleteMyData).toHaveBeenLastCalledWith({ knowledge: true });
  });
});

describe('assist: pilot mode', () => {
  it('says the ticket is outside the pilot instead of "no confident answer"', async () => {
    const held = ticketState();
    if (held.kind !== 'ticket') throw new Error('ticket state expected');
    const reason = 'Pilot mode: suggestions only for entries tagged returns, shipping, refunds. This ticket\u2019s answers are outside the pilot.';
    const { api } = fakeApi({ ...held, result: { abstained: true, pilotHeld: true, reason, suggestions: [] } });
    const c = await render(<App api={api} />);
    await flush();
    const notice = byTestId(c, 'no-confident-answer');
    expect(notice.querySelector('h2')?.textContent).toBe('Not in the pilot');
    expect(notice.textContent).toContain(reason);
    expect(byTestId(c, 'announcement').textContent).toBe('No suggestion: this ticket is outside the pilot.');
  });
});
