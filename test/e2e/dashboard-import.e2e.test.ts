import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from './poll';
import { ARTIFACTS, ensureDemoBuild, launchWithExtension, openDashboard, openPanelAsTab, type Launched } from './harness';

// The dashboard's import wizard in the built extension, on the sample knowledge, by keyboard only:
// a CSV whose headers are not ours mapped by the lead, a bad row refused naming file, row and field,
// then the fixed file lands with one existing id replaced and another kept, as chosen; axe on each step.
let ext: Launched;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await ensureDemoBuild();
  ext = await launchWithExtension();
  const panel = await openPanelAsTab(ext, 0);
  await panel.getByTestId('load-sample').click();
  await pollUntil(async () => ((await panel.getByTestId('status').textContent())?.match(/loaded/i) ? true : undefined), 'the sample knowledge loaded', { limitMs: 20_000 });
  await panel.close();
});

afterAll(async () => {
  await ext?.close();
});

const serious = (violations: { impact?: string | null; id: string }[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
const axe = async (page: Page) => serious((await new AxeBuilder({ page }).analyze()).violations);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('aria-label') ?? '');

/** Tab (never the mouse) until the control `testId` has the focus. */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

const HEADER = 'Kurztext,Antwort,Labels,Schlüssel';
const ROWS = [
  '"Changing your email address","Open Settings > Account and type the new address; we send a link to confirm it.",accounts,accounts-change-email',
  '"Closing an account (new text)","Write to us and we close it.",accounts,accounts-close-account',
  '"Do you wrap gifts?","Yes, for free at checkout.",gifts,gift-wrap',
];
const BAD = '"Where is my parcel?",,shipping,parcel';
const csv = (rows: string[]) => ({ name: 'faq.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n')) });

describe('import wizard (headless Chromium)', () => {
  it('maps a CSV\u2019s columns, refuses a bad row naming file, row and field, then lands the fixed file keeping and replacing as chosen', async () => {
    const page = await openDashboard(ext, '#import');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('import-file').setInputFiles(csv([ROWS[0]!, BAD, ...ROWS.slice(1)]));

    // Step 1: the file, its format and encoding.
    await expect.poll(() => page.locator('[data-testid=detected-files] tbody tr').first().textContent()).toMatch(/^faq\.csvCSV spreadsheetUTF-8/);
    // Step 2: "Kurztext" is no name Agent Assist knows: the lead maps it to the title, by keyboard.
    const title = page.getByTestId('map-title');
    expect(await title.inputValue()).toBe('');
    expect(await page.getByTestId('map-body').inputValue()).toBe('Antwort');
    await page.keyboard.press('Tab');
    await tabTo(page, 'map-title');
    await page.keyboard.type('K');
    await expect.poll(() => title.inputValue()).toBe('Kurztext');
    await tabTo(page, 'map-id');
    await page.keyboard.type('S');
    await expect.poll(() => page.getByTestId('map-id').inputValue()).toBe('Schlüssel');
    await expect.poll(() => page.locator('[data-testid=mapping-preview] tbody tr').first().textContent()).toBe(`2${'Changing your email address'}Open Settings > Account and type the new address; we send a link to confirm it.0accountsdraft`);
    expect(await page.locator('[data-testid=mapping-preview] tbody tr').nth(1).textContent()).toMatch(/^3faq\.csv row 3, Antwort: is empty/);
    expect(await axe(page)).toEqual([]);
    await tabTo(page, 'check-files');
    await page.keyboard.press('Enter');

    // Step 3: the bad row is refused, and nothing can be imported.
    const problems = page.getByTestId('plan-problems');
    await expect.poll(() => problems.locator('li[data-severity=error]').allTextContents()).toEqual([expect.stringMatching(/^Error: faq\.csv row 3, Antwort: is empty/)]);
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-refused').textContent()).toMatch(/Nothing is imported while any error remains/);
    expect(await axe(page)).toEqual([]);

    // The fixed file: the mapping comes back by itself (remembered for these headers).
    await page.getByTestId('import-file').setInputFiles(csv(ROWS));
    await expect.poll(() => page.getByTestId('column-mapping').textContent()).toContain('The mapping you chose last time');
    expect(await title.inputValue()).toBe('Kurztext');
    await tabTo(page, 'check-files');
    await page.keyboard.press('Enter');

    // Step 4: both sample ids exist; replace for all, but keep the account closing text.
    const row = (id: string) => page.locator(`[data-testid=conflicts] tr[data-id="${id}"]`);
    await expect.poll(() => row('accounts-change-email').getAttribute('data-action')).toBe('replace');
    await tabTo(page, 'conflict-accounts-close-account');
    await page.keyboard.type('K');
    await expect.poll(() => row('accounts-close-account').getAttribute('data-action')).toBe('keep');
    expect(await page.getByTestId('plan-not-suggested').textContent()).toContain('gift-wrap (Do you wrap gifts?): draft');
    expect(await axe(page)).toEqual([]);

    // Step 5: import.
    await tabTo(page, 'import-apply');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('import-result').textContent(), { timeout: 20_000 })
      .toMatch(/^Imported: 1 added, 1 updated, 0 unchanged\. .*1 kept as stored: accounts-close-account\./);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-import.png'), fullPage: true });

    // What landed: the replaced entry has the file's text, the kept one its own.
    await page.goto(page.url().replace(/#.*$/, '#entry/accounts-change-email'));
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Changing your email address');
    await page.goto(page.url().replace(/#.*$/, '#entry/accounts-close-account'));
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Closing a customer account');
    await page.goto(page.url().replace(/#.*$/, '#entry/gift-wrap'));
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Do you wrap gifts?');
    await page.close();
  });
});
