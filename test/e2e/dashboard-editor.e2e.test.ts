import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from './poll';
import { ARTIFACTS, ensureDemoBuild, launchWithExtension, openDashboard, openPanelAsTab, type Launched } from './harness';

// The entry editor in the built extension, on the sample knowledge: an inline error then a save,
// the second-person rule refusing an approval, two versions compared and one restored, leaving with
// unsaved changes, keyboard-only use, and axe on each screen.
let ext: Launched;
const ID = 'accounts-password-reset';
const TITLE = 'Resetting a forgotten password';
/** The version the first test's save wrote (the sample's load wrote the ones before). */
let saved = 0;

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
const status = (page: Page) => page.getByTestId('status').textContent();

async function editor(hash = `#entry/${ID}`): Promise<Page> {
  const page = await openDashboard(ext, hash);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('field-title').waitFor();
  return page;
}

describe('entry editor (headless Chromium)', () => {
  it('shows an inline error, then saves a new version', async () => {
    const page = await editor();
    const title = page.getByTestId('field-title');
    await title.fill('');
    await expect(title.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = (await title.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toBe('Title is empty.');
    await page.getByTestId('save-entry').click();
    await expect.poll(() => status(page)).toMatch(/Not saved: 1 field needs a fix/);
    // focus goes to the field to fix
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('field-title');
    expect(await axe(page)).toEqual([]);
    await title.fill(`${TITLE} (new link)`);
    await page.getByTestId('save-entry').click();
    await expect.poll(() => status(page)).toMatch(/Saved as version \d+ by a team lead \(dashboard\)/);
    saved = Number(/version (\d+)/.exec((await status(page))!)![1]);
    await page.getByTestId(`version-${saved}`).waitFor();
    expect(await page.getByTestId(`version-${saved}`).textContent()).toContain('title');
    await page.close();
  });

  it('refuses an approval by the lead who made the last change when a second person must approve', async () => {
    const settings = await openDashboard(ext, '#settings');
    await settings.getByTestId('lead-name').fill('Lee Lead');
    await settings.getByTestId('second-person').check();
    await settings.getByTestId('save-settings').click();
    await expect.poll(() => status(settings)).toMatch(/needs a second person/);
    expect(await axe(settings)).toEqual([]);
    await settings.close();

    const page = await editor();
    await page.getByTestId('move-in_review').click();
    await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('In review');
    await page.getByTestId('move-approved').click();
    await expect.poll(() => status(page)).toMatch(/Not approved: its last change was made by Lee Lead \(dashboard\), and approval needs a second person/);
    expect(await page.getByTestId('entry-status').textContent()).toBe('In review');
    expect(await page.getByTestId('why-not-suggested').textContent()).toBe('Agents are not shown this entry: in review.');
    await page.close();
  });

  it('compares two versions side by side and restores one as a new version', async () => {
    const page = await editor();
    await page.getByTestId('version-diff').waitFor();
    // saved - 1 (as loaded), saved (title), saved + 1 (in review): compare the first with the last
    const [before, last] = [saved - 1, saved + 1];
    await page.getByLabel(`Compare version ${saved}`, { exact: true }).uncheck();
    await page.getByLabel(`Compare version ${before}`, { exact: true }).check();
    const diff = page.getByTestId('version-diff');
    await expect.poll(() => diff.locator('caption').textContent()).toBe(`Version ${before} and Version ${last}: 2 lines differ`);
    expect(await diff.locator('ins').allTextContents()).toEqual([' (new link)', 'in review']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-diff.png'), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.getByTestId(`restore-${before}`).click();
    await expect.poll(() => status(page)).toBe(`Version ${before} restored as version ${last + 1}.`);
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe(TITLE);
    await page.getByTestId(`version-${last + 1}`).waitFor();
    await page.close();
  });

  it('asks before leaving with unsaved changes', async () => {
    const page = await editor();
    await page.getByTestId('field-owner').fill('someone@example.com');
    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('link', { name: 'Import' }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/unsaved changes/);
    expect(page.url()).toMatch(/#entry\/accounts-password-reset$/);
    expect(await page.getByTestId('field-owner').inputValue()).toBe('someone@example.com');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Import' }).click();
    await page.locator('input[type="file"]').first().waitFor({ state: 'attached' });
    await page.close();
  });

  it('works with the keyboard alone: a new entry typed, saved, and sent to review', async () => {
    const page = await openDashboard(ext, '#entry/new');
    await page.getByTestId('field-id').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    const tabTo = async (testId: string) => {
      for (let i = 0; i < 60 && (await focused()) !== testId; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(testId);
    };
    await tabTo('field-id');
    await page.keyboard.type('gift-card-expiry');
    await tabTo('field-title');
    await page.keyboard.type('Do gift cards expire?');
    await tabTo('field-body');
    await page.keyboard.type('Hi {{customer.first_name|there}}, our gift cards never expire.');
    await tabTo('save-entry');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#entry\/gift-card-expiry$/);
    await expect.poll(() => page.getByTestId('entry-status').textContent().catch(() => '')).toBe('Draft');
    await tabTo('move-in_review');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('In review');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-editor.png'), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
