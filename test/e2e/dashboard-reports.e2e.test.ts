import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Entry } from '../../knowledge/entry';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { suggest } from '../../knowledge/suggest';
import type { Ticket } from '../../knowledge/ticket';
import { startDemoHelpdesk, type DemoHelpdesk } from '../demo/server';
import { loadSampleTickets, toDemoTicket } from '../demo/tickets';
import { ARTIFACTS, ensureDemoBuild, launchWithExtension, openDashboard, openPanelAsTab, tabIdOf, type Launched } from './harness';
import { forbiddenRequests, recordRequests, type SeenRequest } from './network';
import { AGENT_VALUES, confidentTickets, DAY, SAMPLE_ROWS, visibleLines } from './sample';

// The trainers' Reports in the built extension: an agent's scripted session on the demo helpdesk
// (three tickets shown a suggestion: one inserted as suggested, one edited then inserted, one
// rejected and flagged; two tickets on a planted topic the knowledge does not answer), then the
// Reports section must show what a hand count gives, group the planted topic, pass axe, and its
// export must import on a second profile with no duplicates.
const [asIs, edited, rejected] = confidentTickets(3);

/** Two tickets on a topic the sample knowledge does not cover: the gap view must group them. */
const planted: Ticket[] = [
  ['planted-1', 'Telescope tripod wobble', 'My telescope tripod wobbles badly when I focus.'],
  ['planted-2', 'Tripod legs slipping on my telescope', 'My telescope tripod legs keep slipping, and the whole telescope wobbles when I focus.'],
].map(([id, subject, latestMessage]) => ({ ...SAMPLE_ROWS[0]!.ticket, id: id!, subject: subject!, latestMessage: latestMessage!, thread: [], tags: [] }));

let demo: DemoHelpdesk;
let ext: Launched;
let requests: SeenRequest[];
let helpdesk: Page;
let panel: Page;
let dash: Page;
let exported: { name: string; text: string };

const serious = (violations: { impact?: string | null; id: string }[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
const card = (page: Page, id: string) => page.getByTestId(`card-${id}`);
const rowsOf = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));

async function openTicket(id: string): Promise<void> {
  await helpdesk.click(`.demo-list a[href="/tickets/${id}"]`);
  await expect.poll(() => panel.getByTestId('ticket-summary').textContent(), { timeout: 20_000 }).toContain(`#${id}`);
}

/** Opens the top suggestion's preview once it is the expected entry, with the placeholders the agent fills. */
async function openTop(entryId: string): Promise<void> {
  await expect.poll(() => panel.getByTestId('suggestion').first().getAttribute('data-entry-id'), { timeout: 20_000 }).toBe(entryId);
  await panel.getByTestId('suggestion').first().locator('button').first().click();
  await panel.getByTestId('preview').waitFor();
  for (const input of await panel.locator('[data-testid=placeholder-form] input[data-placeholder]').all()) {
    const name = (await input.getAttribute('data-placeholder')) as keyof typeof AGENT_VALUES;
    await input.fill(AGENT_VALUES[name] ?? 'x');
  }
}

async function insertAndWait(marker: string): Promise<void> {
  await helpdesk.click('[data-demo-reply] .ql-editor');
  await panel.getByTestId('insert').click();
  await expect.poll(() => helpdesk.evaluate(() => window.demo.reply()?.text ?? ''), { timeout: 10_000 }).toContain(marker);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  // The planted tickets must be ones the engine abstains on, or the test would count the wrong thing.
  const pack = JSON.parse(await readFile('knowledge/sample/pack.json', 'utf8')) as { entries: Entry[] };
  const index = KnowledgeIndex.build(pack.entries);
  for (const t of planted) if (!suggest(t, index, { day: DAY }).abstained) throw new Error(`The planted ticket ${t.id} gets an answer from the sample knowledge`);
  await ensureDemoBuild();
  demo = await startDemoHelpdesk({ tickets: [...(await loadSampleTickets()), ...planted.map((t, i) => toDemoTicket(t, i))] });
  ext = await launchWithExtension();
  requests = recordRequests(ext.context);
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

describe('Reports in the dashboard (headless Chromium)', () => {
  it('an agent\u2019s session: insert as suggested, edit then insert, reject and flag, two tickets without an answer', async () => {
  // The knowledge first, from a panel on no helpdesk tab: no ticket is read before it is there.
  const loader = await openPanelAsTab(ext, 0);
  await loader.getByTestId('load-sample').click();
  await expect.poll(() => loader.getByTestId('status').textContent(), { timeout: 20_000 }).toMatch(/loaded/i);
  await loader.close();
  helpdesk = await ext.context.newPage();
  await helpdesk.goto(`${demo.origin}/tickets/${asIs!.row.ticket.id}`);
  await helpdesk.waitForFunction(() => document.body.dataset.demoReady);
  panel = await openPanelAsTab(ext, await tabIdOf(ext, helpdesk));
    await expect.poll(() => panel.getByTestId('ticket-summary').textContent(), { timeout: 20_000 }).toContain(`#${asIs!.row.ticket.id}`);
    await openTop(asIs!.entry.id);
    await insertAndWait(visibleLines(asIs!.entry, asIs!.row.ticket)[0]!);

    await openTicket(edited!.row.ticket.id);
    await openTop(edited!.entry.id);
    await panel.getByTestId('edit').click();
    const box = panel.getByTestId('edit-answer');
    await box.fill(`${await box.inputValue()}\n\nPS: thank you for your patience while the courier catches up with the backlog.`);
    await insertAndWait('thank you for your patience while the courier');

    await openTicket(rejected!.row.ticket.id);
    await openTop(rejected!.entry.id);
    await panel.getByTestId('flag-outdated').click();
    await panel.getByTestId('reject').click();
    await panel.locator('[data-testid=reject-form] input[value=outdated]').check();
    await panel.getByTestId('reject-confirm').click();

    for (const t of planted) {
      await openTicket(t.id);
      await panel.getByTestId('no-confident-answer').waitFor({ timeout: 20_000 });
    }
  });

  it('the Reports section shows the numbers a hand count gives', async () => {
    dash = await openDashboard(ext, '#reports');
    await dash.setViewportSize({ width: 1280, height: 900 });
    // the events of the last action may land a moment after the panel showed it: read again until they are all there
    await expect
      .poll(
        async () => {
          await dash.getByRole('button', { name: 'Read the events again' }).click({ timeout: 20_000 });
          await dash.getByTestId('report').waitFor({ timeout: 20_000 });
          return [await card(dash, 'acceptance').getByTestId('detail').textContent(), await card(dash, 'flags').getByTestId('value').textContent(), await card(dash, 'no-answer').getByTestId('detail').textContent()];
        },
        { timeout: 30_000 },
      )
      .toEqual(['2 of 3 tickets shown a suggestion got an insert', '1', '2 tickets without an answer']);
    expect(await card(dash, 'acceptance').getByTestId('value').textContent()).toBe('67%');
    expect(await card(dash, 'acceptance').getByTestId('note').textContent()).toBe('small sample: 3 tickets shown, fewer than 30');
    expect(await card(dash, 'first').getByTestId('value').textContent()).toBe('100%');
    expect(await card(dash, 'rejections').getByTestId('value').textContent()).toBe('1');
    // 2 of 5 tickets read had no confident answer
    expect(await card(dash, 'no-answer').getByTestId('value').textContent()).toBe('40%');
    expect(await card(dash, 'copies').getByTestId('value').textContent()).toBe('0');
    // one insert as suggested, one edited
    const edits = await rowsOf(dash, 'report-edits');
    expect(edits[0]).toEqual(['0 (as suggested)', '1', '0']);
    expect(edits.slice(1).reduce((n, r) => n + Number(r[1]), 0)).toBe(1);
    expect((await rowsOf(dash, 'report-reasons')).find((r) => r[0] === 'outdated')).toEqual(['outdated', '1', '0']);
    // small samples are not drawn as bars
    await expect(dash.getByTestId('report-acceptance').locator('.notice').textContent()).resolves.toMatch(/^Too few to draw/);
    await dash.screenshot({ path: path.join(ARTIFACTS, 'dashboard-reports.png'), fullPage: true });
  });

  it('the gaps view groups the planted topic, and its draft link opens the editor prefilled', async () => {
    const topic = dash.getByTestId('gap-topic').filter({ hasText: 'telescope' });
    await expect(topic.getByTestId('gap-count').textContent()).resolves.toBe('2');
    const terms = (await topic.getByTestId('gap-terms').textContent())!.split(', ');
    expect(terms).toEqual(expect.arrayContaining(['telescope', 'tripod']));
    await topic.getByTestId('draft-entry').click();
    await expect.poll(() => dash.getByTestId('field-title').inputValue(), { timeout: 10_000 }).toMatch(/telescope|tripod/);
    await dash.goBack();
    await dash.getByTestId('report').waitFor({ timeout: 20_000 });
  });

  it('has no serious or critical accessibility violation', async () => {
    const axe = await new AxeBuilder({ page: dash }).analyze();
    expect(serious(axe.violations)).toEqual([]);
  });

  it('Export my events, then Import events files on another profile: every event once, the same numbers', async () => {
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByTestId('export-my-events').click()]);
    exported = { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
    const lines = exported.text.split('\n').filter(Boolean).length;
    expect(lines).toBeGreaterThanOrEqual(3 + 2 + 1 + 1 + 2);
    await expect.poll(() => dash.getByTestId('export-status').textContent()).toBe(`Exported ${lines} events to ${exported.name}.`);

    const other = await launchWithExtension();
    try {
      const page = await openDashboard(other, '#reports');
      await page.getByTestId('report-empty').waitFor({ timeout: 20_000 });
      const file = (name: string) => ({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(exported.text) });
      // the same file twice in one import: merged by eventId
      await page.getByTestId('import-events').setInputFiles([file(exported.name), file('copy-of-it.ndjson')]);
      await expect.poll(() => page.getByTestId('import-events-result').locator('p').textContent(), { timeout: 20_000 }).toBe(`${lines} events added, ${lines} already here (duplicates).`);
      await page.getByTestId('report').waitFor({ timeout: 20_000 });
      expect(await card(page, 'acceptance').getByTestId('detail').textContent()).toBe('2 of 3 tickets shown a suggestion got an insert');
      await expect(page.getByTestId('range-described').textContent()).resolves.toContain(`${lines} events stored in this browser.`);
      // and once more: nothing new
      await page.getByTestId('import-events').setInputFiles([file(exported.name)]);
      await expect.poll(() => page.getByTestId('import-events-result').locator('p').textContent(), { timeout: 20_000 }).toBe(`0 events added, ${lines} already here (duplicates).`);
      await expect.poll(() => page.getByTestId('range-described').textContent(), { timeout: 20_000 }).toContain(`${lines} events stored in this browser.`);
      expect(await card(page, 'flags').getByTestId('value').textContent()).toBe('1');
    } finally {
      await other.close();
    }
  });

  it('made no network request', () => {
    expect(forbiddenRequests(requests, ext.extensionId, [demo.origin])).toEqual([]);
  });
});
