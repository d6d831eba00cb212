import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoHelpdesk, type DemoHelpdesk } from '../demo/server';
import { settle } from './browser';
import type { ChromeApi } from './chrome-api';
import { ARTIFACTS, ensureDemoBuild, launchWithExtension, openDashboard, openPanelAsTab, openRealPanel, tabIdOf, type Launched } from './harness';
import { forbiddenRequests, recordRequests, type SeenRequest } from './network';
import { abstainedTicket, AGENT_VALUES, confidentTickets, linksIn, visibleLines } from './sample';

declare const chrome: ChromeApi;

// The whole flow on the local demo helpdesk with the built (demo) extension: read, suggest,
// insert at the cursor, follow a single-page route change, never send, never touch the network.
const [first, second] = confidentTickets(2);
const none = abstainedTicket();

let demo: DemoHelpdesk;
let ext: Launched;
let requests: SeenRequest[];
let realPanelRequests: SeenRequest[] = [];
let helpdesk: Page;
let panel: Page;

const shot = (name: string) => ({ path: path.join(ARTIFACTS, name) });
const replyText = () => helpdesk.evaluate(() => window.demo.reply()?.text ?? '');
const lines = (s: string) => s.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

/** Types what only the agent knows (signature, order number, ...) into the preview's form. */
async function fillPlaceholderForm(page: Page): Promise<void> {
  for (const input of await page.locator('[data-testid=placeholder-form] input[data-placeholder]').all()) {
    const name = (await input.getAttribute('data-placeholder')) as keyof typeof AGENT_VALUES;
    await input.fill(AGENT_VALUES[name] ?? 'x');
  }
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
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

describe('demo helpdesk with the built extension (headless Chromium)', () => {
  it('the demo build asks for the loopback hosts only, and registers the helpdesk script there', async () => {
    const manifest = await ext.sw.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    const scripts = await ext.sw.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts.flatMap((s) => s.matches ?? []).sort()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('loads the sample knowledge from the panel', async () => {
    await panel.getByTestId('load-sample').click();
    await expect.poll(() => panel.getByTestId('status').textContent(), { timeout: 20_000 }).toMatch(/loaded/i);
  });

  it('reads the ticket on the page and suggests its answer first', async () => {
    const { row, entry } = first!;
    await expect.poll(() => panel.getByTestId('ticket-summary').textContent(), { timeout: 20_000 }).toContain(`#${row.ticket.id}`);
    await expect(panel.getByTestId('ticket-summary').textContent()).resolves.toContain(row.ticket.subject);
    await expect.poll(() => panel.getByTestId('suggestion').first().getAttribute('data-entry-id'), { timeout: 20_000 }).toBe(entry.id);
    await panel.screenshot(shot('demo-panel-suggestions.png'));
  });

  it('the panel has no serious or critical accessibility violation (suggestions and preview)', async () => {
    const list = await new AxeBuilder({ page: panel }).analyze();
    await panel.getByTestId('suggestion').first().locator('button').first().click();
    await panel.getByTestId('preview').waitFor();
    const preview = await new AxeBuilder({ page: panel }).analyze();
    const bad = [...list.violations, ...preview.violations].filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it("Insert puts the approved answer at the agent's cursor in the Quill reply box; nothing is sent", async () => {
    const { row, entry } = first!;
    await helpdesk.click('[data-demo-reply] .ql-editor');
    await helpdesk.keyboard.type('Hi there,');
    await helpdesk.keyboard.press('Enter');
    await helpdesk.keyboard.type('Best, Sam');
    await settle(helpdesk);
    await helpdesk.keyboard.press('ArrowUp');
    await helpdesk.keyboard.press('End');
    await settle(helpdesk);
    await helpdesk.keyboard.press('Enter');
    await settle(helpdesk);

    await fillPlaceholderForm(panel);
    await panel.getByTestId('insert').click();
    const want = visibleLines(entry, row.ticket);
    await expect.poll(async () => lines(await replyText()).length, { timeout: 10_000 }).toBeGreaterThan(2);
    const got = lines(await replyText());
    expect(got[0]).toBe('Hi there,');
    expect(got.at(-1)).toBe('Best, Sam');
    expect(got.slice(1, -1).join(' ')).toBe(want.join(' '));
    const html = await helpdesk.evaluate(() => window.demo.reply()?.html ?? '');
    for (const href of linksIn(entry)) expect(html).toContain(`href="${href}"`);
    expect(await helpdesk.evaluate(() => [window.demo.submits, window.demo.sendClicks])).toEqual([0, 0]);
    expect(demo.posts()).toEqual([]);
    await helpdesk.screenshot(shot('demo-helpdesk-inserted.png'));
  });

  it('Settings lists the phrasing that insert taught, and Remove forgets it in the worker', async () => {
    const { entry } = first!;
    await panel.getByTestId('open-settings').click();
    const section = panel.getByTestId('learned');
    await expect.poll(() => section.getByTestId('learned-entry').count(), { timeout: 10_000 }).toBe(1);
    expect(await section.getByTestId('learned-entry').locator('h4').textContent()).toBe(`${entry.title} (${entry.id})`);
    const axe = await new AxeBuilder({ page: panel }).include('[data-testid=learned]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await section.getByRole('button', { name: 'Remove all for this entry' }).click();
    await section.getByTestId('learned-empty').waitFor();
    // The worker's table is empty: the removal went through the typed message to the background.
    const left = await ext.sw.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('agent-assist');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('learned').objectStore('learned').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(left).toBe(0);
    await panel.getByRole('button', { name: 'Suggestions', exact: true }).click();
  });

  it('a single-page route change to another ticket updates the suggestions', async () => {
    const { row, entry } = second!;
    await helpdesk.click(`.demo-list a[href="/tickets/${row.ticket.id}"]`);
    await helpdesk.waitForURL(`**/tickets/${row.ticket.id}`);
    // The demo counts a navigation once the new ticket is on the page (after its fetch); a reload would start again at 0.
    await expect.poll(() => helpdesk.evaluate(() => window.demo.navigations), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => panel.getByTestId('ticket-summary').textContent(), { timeout: 20_000 }).toContain(`#${row.ticket.id}`);
    await expect.poll(() => panel.getByTestId('suggestion').first().getAttribute('data-entry-id'), { timeout: 20_000 }).toBe(entry.id);
  });

  it('a ticket the knowledge does not answer shows "no confident answer" and manual search', async () => {
    await helpdesk.click(`.demo-list a[href="/tickets/${none.ticket.id}"]`);
    await expect.poll(() => panel.getByTestId('ticket-summary').textContent(), { timeout: 20_000 }).toContain(`#${none.ticket.id}`);
    await panel.getByTestId('no-confident-answer').waitFor();
    expect(await panel.getByTestId('suggestion').count()).toBe(0);
    await expect(panel.getByTestId('manual-search').count()).resolves.toBeGreaterThan(0);
    const axe = await new AxeBuilder({ page: panel }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('the REAL side panel opens on the helpdesk tab and shows the ticket', async () => {
    await helpdesk.bringToFront();
    const real = await openRealPanel(ext, await tabIdOf(ext, helpdesk));
    // The panel opened as a tab (sidepanel.html?tab=N) is still open: the page found must be the real panel, in no tab.
    expect(panel.isClosed()).toBe(false);
    expect(await real.evaluate(async () => (await chrome.tabs.getCurrent()) === undefined)).toBe(true);
    await expect.poll(() => real.getByTestId('ticket-summary').textContent(), { timeout: 20_000 }).toContain(`#${none.ticket.id}`);
    const contexts = await ext.sw.evaluate(async () => (await chrome.runtime.getContexts({})).map((c) => c.contextType));
    expect(contexts).toContain('SIDE_PANEL');
    await real.screenshot(shot('demo-real-side-panel.png'));
    // The real panel is not one of the persistent context's pages: watch its requests on the CDP side.
    realPanelRequests = recordRequests(real.context());
    await helpdesk.click(`.demo-list a[href="/tickets/${first!.row.ticket.id}"]`);
    await expect.poll(() => real.getByTestId('ticket-summary').textContent(), { timeout: 20_000 }).toContain(`#${first!.row.ticket.id}`);
  });

  it('importing a file in the dashboard names the entries agents will not see and a near-duplicate of a sample entry, before and after Import', async () => {
    const { entry } = first!;
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      'id,title,questions,body,status,review_by',
      [`${entry.id}-copy`, entry.title, entry.questions.join('|'), `${entry.body}\n\nThank you for your patience.`, 'approved', '2099-01-31'].map(q).join(','),
      ['gift-wrap', 'Gift wrapping', 'Do you wrap gifts?', 'We wrap gifts for free at checkout.', 'draft', '2099-01-31'].map(q).join(','),
    ].join('\n');
    const dashboard = await openDashboard(ext, '#import');
    await dashboard.getByTestId('import-file').setInputFiles({ name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const warnings = dashboard.getByTestId('import-warnings');
    await expect.poll(() => warnings.textContent(), { timeout: 20_000 }).toContain('gift-wrap (Gift wrapping): draft');
    expect(await warnings.locator('[data-where=stored]').textContent()).toMatch(new RegExp(`^${entry.id}-copy resembles the stored entry ${entry.id} \\(\\d+%\\)$`));
    await dashboard.getByTestId('import-apply').click();
    await expect
      .poll(() => dashboard.getByTestId('import-result').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^Imported: 2 added, 0 updated, 0 unchanged\\. 1 of them will not be suggested to agents: 1 draft\\. 1 looks like a duplicate: ${entry.id}-copy resembles ${entry.id} \\(\\d+%\\)\\.`));
    await dashboard.close();
  });

  it('the network catch works: a request from the service worker is seen', async () => {
    const before = requests.length;
    await ext.sw.evaluate((url) => fetch(url).then(() => undefined, () => undefined), `${demo.origin}/e2e-probe-from-worker`);
    await expect.poll(() => requests.slice(before).some((r) => r.url.endsWith('/e2e-probe-from-worker') && r.from.endsWith('/background.js'))).toBe(true);
    // The probe was ours, not the extension's (the real panel's CDP connection saw it too).
    for (const list of [requests, realPanelRequests]) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.url.endsWith('/e2e-probe-from-worker')) list.splice(i, 1);
    }
  });

  it('the extension made no network request at all (only the helpdesk page loaded from its server)', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(forbiddenRequests([...requests, ...realPanelRequests], ext.extensionId, [demo.origin])).toEqual([]);
    const fromExtension = requests.filter((r) => r.from.startsWith('chrome-extension://'));
    expect(fromExtension.filter((r) => !r.url.startsWith(`chrome-extension://${ext.extensionId}/`))).toEqual([]);
  });
});
