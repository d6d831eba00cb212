import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDashboard, type Launched } from '../e2e/harness';

/**
 * The headless demo's visit to the leads' and trainers' dashboard (after the agent's walk-through,
 * so the sample knowledge is loaded): a screenshot of each screen. True when every screen showed.
 */
export async function dashboardTour(ext: Launched, dir: string, say: (s: string) => void): Promise<boolean> {
  const page = await openDashboard(ext, '#knowledge');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shot = (p: Page, name: string) => p.screenshot({ path: path.join(dir, name), fullPage: true });
  const health = await page
    .getByTestId('health-share')
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!health) {
    say('  \u2717 the dashboard did not show knowledge health');
    return false;
  }
  await shot(page, '6-dashboard-health.png');
  say(`  \u2713 dashboard: ${(await page.getByTestId('health-share').textContent())?.trim()}`);
  return (await editorTour(ext, dir, say)) && reportsTour(ext, dir, say);
}

/**
 * The entry editor: a sample entry tried against a ticket (8), then a question added and saved,
 * and the two versions side by side (9). The one write of the tour: it happens after the agent's part.
 */
async function editorTour(ext: Launched, dir: string, say: (s: string) => void): Promise<boolean> {
  const page = await openDashboard(ext, '#entry/accounts-password-reset');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shown = await page
    .getByTestId('field-title')
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!shown) {
    say('  \u2717 the entry editor did not open');
    return false;
  }
  await page.getByTestId('try-subject').fill('Locked out');
  await page.getByTestId('try-message').fill('I forgot my password and the reset email never arrives. Can you help?');
  await page.getByTestId('try-run').click();
  await page.getByTestId('try-result').getByText(/Ranks|Not among/).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(dir, '8-dashboard-editor.png'), fullPage: true });
  say(`  \u2713 entry editor, try it: ${(await page.getByTestId('try-result').locator('p').first().textContent())?.trim()}`);
  await page.getByTestId('add-question').click();
  await page.getByTestId('question').last().fill('I cannot remember my password');
  await page.getByTestId('save-entry').click();
  const saved = await page
    .getByTestId('status')
    .getByText(/Saved as version/)
    .waitFor({ timeout: 10_000 })
    .then(() => true, () => false);
  const diff = page.getByTestId('version-diff');
  const compared = saved && (await diff.waitFor({ timeout: 10_000 }).then(() => true, () => false));
  if (!compared) {
    say('  \u2717 the entry editor did not save or show the diff');
    return false;
  }
  await diff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, '9-dashboard-diff.png'), fullPage: true });
  say(`  \u2713 history: ${(await diff.locator('caption').textContent())?.trim()}`);
  return true;
}

/** The trainers' Reports over the events of the agent's walk-through (11). */
async function reportsTour(ext: Launched, dir: string, say: (s: string) => void): Promise<boolean> {
  const page = await openDashboard(ext, '#reports');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shown = await page
    .locator('[data-testid=report], [data-testid=report-empty]')
    .first()
    .waitFor({ timeout: 20_000 })
    .then(() => true, () => false);
  if (!shown) {
    say('  \u2717 the Reports section did not show a report');
    return false;
  }
  await page.screenshot({ path: path.join(dir, '11-dashboard-reports.png'), fullPage: true });
  const acceptance = await page.getByTestId('card-acceptance').getByTestId('detail').textContent().catch(() => 'no events yet');
  say(`  \u2713 reports: ${acceptance?.trim()}`);
  return true;
}
