import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEventsJsonl } from '../../knowledge/reports/jsonl';
import { startDemoHelpdesk, type DemoHelpdesk } from '../demo/server';
import { ensureDemoBuild, launchWithExtension, openPanelAsTab, tabIdOf, type Launched } from './harness';
import { forbiddenRequests, recordRequests, type SeenRequest } from './network';
import { confidentTickets } from './sample';

// Pilot mode, "Export my events" and "Delete all my data" in the side panel of the built extension.
const [first] = confidentTickets(1);

let demo: DemoHelpdesk;
let ext: Launched;
let requests: SeenRequest[];
let helpdesk: Page;
let panel: Page;

beforeAll(async () => {
  await ensureDemoBuild();
  demo = await startDemoHelpdesk();
  ext = await launchWithExtension();
  requests = recordRequests(ext.context);
  helpdesk = await ext.context.newPage();
  await helpdesk.goto(`${demo.origin}/tickets/${first!.row.ticket.id}`);
  await helpdesk.waitForFunction(() => document.body.dataset.demoReady);
  panel = await openPanelAsTab(ext, await tabIdOf(ext, helpdesk));
});

afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

describe('your data and pilot mode in the panel (headless Chromium)', () => {
  it('suggests the ticket\u2019s answer once the sample knowledge is loaded', async () => {
    await panel.getByTestId('load-sample').click();
    await expect.poll(() => panel.getByTestId('suggestion').first().getAttribute('data-entry-id'), { timeout: 30_000 }).toBe(first!.entry.id);
  });

  it('pilot mode without the ticket\u2019s tags: the panel says the ticket is outside the pilot', async () => {
    const tags = ['klarna', 'gdpr', 'christmas', 'vat', 'customs'].filter((t) => !first!.entry.tags.includes(t)).slice(0, 3);
    await panel.getByTestId('open-settings').click();
    await panel.getByTestId('pilot-on').check();
    await panel.getByTestId('pilot-tags').fill(tags.join(', '));
    await panel.getByTestId('save-team').click();
    await expect.poll(() => panel.getByTestId('status').textContent()).toBe('Team settings saved.');
    await panel.getByRole('button', { name: 'Suggestions', exact: true }).click();
    const notice = panel.getByTestId('no-confident-answer');
    await expect.poll(() => notice.getAttribute('data-pilot'), { timeout: 20_000 }).toBe('held');
    expect(await notice.textContent()).toContain(`Pilot mode: suggestions only for entries tagged ${tags.join(', ')}.`);
    // off again: the answer comes back
    await panel.getByTestId('open-settings').click();
    await panel.getByTestId('pilot-on').uncheck();
    await panel.getByTestId('save-team').click();
    await panel.getByRole('button', { name: 'Suggestions', exact: true }).click();
    await expect.poll(() => panel.getByTestId('suggestion').first().getAttribute('data-entry-id'), { timeout: 20_000 }).toBe(first!.entry.id);
  });

  it('Export my events saves an NDJSON file of this browser\u2019s events, each with eventId and installId', async () => {
    await panel.getByTestId('open-settings').click();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-events').click()]);
    expect(download.suggestedFilename()).toMatch(/^agent-assist-events-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.ndjson$/);
    const text = await readFile((await download.path())!, 'utf8');
    const parsed = parseEventsJsonl({ name: download.suggestedFilename(), text });
    expect(parsed.errors).toEqual([]);
    // the ticket's read (before the sample knowledge landed: no confident answer)
    expect(parsed.events.length).toBeGreaterThan(0);
    expect(parsed.events.every((e) => typeof e.installId === 'string')).toBe(true);
    expect(new Set(parsed.events.map((e) => e.installId)).size).toBe(1);
    expect(text).not.toContain(first!.row.ticket.id === '' ? '\u0000' : `"${first!.row.ticket.id}"`);
    await expect.poll(() => panel.getByTestId('status').textContent()).toBe(`Exported ${parsed.events.length} ${parsed.events.length === 1 ? 'event' : 'events'} to ${download.suggestedFilename()}.`);
  });

  it('Delete all my data asks first, then deletes the events and keeps the knowledge', async () => {
    await panel.getByTestId('delete-my-data').click();
    await panel.getByTestId('delete-confirm').waitFor();
    await panel.getByTestId('confirm-delete').click();
    await expect.poll(() => panel.getByTestId('status').textContent(), { timeout: 20_000 }).toMatch(/^Deleted [1-9]\d* events, \d+ learned phrasings\.$/);
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-events').click()]);
    expect(await readFile((await download.path())!, 'utf8')).toBe('');
    await panel.getByRole('button', { name: 'Suggestions', exact: true }).click();
    await expect.poll(() => panel.getByTestId('suggestion').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });

  it('made no network request', () => {
    expect(forbiddenRequests(requests, ext.extensionId, [demo.origin])).toEqual([]);
  });
});
