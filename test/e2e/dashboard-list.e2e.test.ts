import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/entry';
import { entry } from '../store/helpers';
import { importInDashboard, knowledgeFile } from './dashboard-seed';
import { ARTIFACTS, ensureDemoBuild, launchWithExtension, openDashboard, type Launched } from './harness';

// The knowledge list in the built extension: 500 drafts imported through the dashboard, selected
// with the keyboard only, approved in one bulk action and undone; no accessibility violation.
let ext: Launched;
let page: Page;

const DRAFTS: Entry[] = Array.from({ length: 500 }, (_, i) =>
  entry(`draft-${String(i).padStart(3, '0')}`, {
    title: `Draft answer ${String(i).padStart(3, '0')} about ${['refunds', 'shipping', 'passwords', 'gift cards', 'returns'][i % 5]}`,
    body: `Answer number ${i}: ${['Refunds reach the card in five days.', 'Parcels ship within two days.', 'Reset it from the sign-in page.', 'Gift cards never expire.', 'Returns are free for 30 days.'][i % 5]}`,
    questions: [`Question ${i}?`],
    status: 'draft',
    tags: [['billing', 'shipping', 'account', 'gifts', 'returns'][i % 5]!],
  }),
);

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await ensureDemoBuild();
  ext = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
  page = await openDashboard(ext, '#import');
  await importInDashboard(page, await knowledgeFile('drafts-500', DRAFTS));
  await page.getByTestId('list-count').getByText('500 entries.', { exact: true }).waitFor({ timeout: 30_000 });
}, 240_000);

afterAll(async () => {
  await ext?.close();
});

/** Presses `key` until the focused element passes `is` (keyboard only: no click, no focus()). */
async function pressUntil(key: string, is: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate(is)) return;
  }
  throw new Error(`${key} never reached ${is}`);
}
const focusedTestId = (id: string) => `document.activeElement?.getAttribute('data-testid') === ${JSON.stringify(id)}`;
const focusedRowBox = `document.activeElement?.dataset?.col === 'select'`;
const focusedRow = () => page.evaluate(() => (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.index);

describe('knowledge list (headless Chromium)', () => {
  it('selects rows with the keyboard only: Space, Shift+Space for a range, arrows and End through 500 rows', async () => {
    await page.getByTestId('list-search').focus();
    await pressUntil('Tab', focusedRowBox);
    expect(await focusedRow()).toBe('0');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('2');
    await page.keyboard.press('Shift+Space');
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('3 entries selected.');
    await page.keyboard.press('End');
    await expect.poll(focusedRow).toBe('499');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('4 entries selected.');
    expect(await page.locator('tbody tr.selected').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id))).toContain('draft-499');
    // Tab from the row's checkbox goes to its title link; Enter there would open the editor.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#entry/draft-499');
    await page.getByTestId('list-search').focus();
    await pressUntil('Tab', focusedTestId('bulk-clear'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('No entry selected.');
  });

  it('approves the 500 drafts in one bulk action and undoes it', async () => {
    await page.getByTestId('list-search').focus();
    await pressUntil('Tab', focusedTestId('select-all'));
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('500 entries selected.');
    await page.getByTestId('bulk-approve').click();
    await expect.poll(() => page.getByTestId('bulk-status').textContent(), { timeout: 30_000 }).toContain('Approved 500 entries.');
    await expect.poll(() => page.getByTestId('filter-status-approved').locator('..').textContent(), { timeout: 30_000 }).toContain('approved (500)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-list-approved.png') });
    await page.getByTestId('bulk-undo').click();
    await expect.poll(() => page.getByTestId('bulk-status').textContent(), { timeout: 30_000 }).toContain('Undone: 500 entries back as they were.');
    await expect.poll(() => page.getByTestId('filter-status-draft').locator('..').textContent(), { timeout: 30_000 }).toContain('draft (500)');
  });

  it('searches, filters and sorts, and has no accessibility violation', async () => {
    await page.getByTestId('list-search').fill('passwords');
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe('100 of 500 entries, best match first.');
    await page.getByTestId('list-search').fill('');
    await page.getByTestId('filter-tag').selectOption('returns');
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe('100 of 500 entries.');
    await page.getByTestId('sort-title').click();
    await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => page.locator('tbody tr[data-index="0"]').getAttribute('data-id')).toBe('draft-499');
    await page.locator('tbody tr[data-index="0"]').locator('input[type="checkbox"]').check();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}`)).toEqual([]);
    await page.getByTestId('filter-clear').click();
  });
});
