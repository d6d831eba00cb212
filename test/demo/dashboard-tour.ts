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
  // The knowledge list below it: every entry, three of them selected so the bulk actions show.
  const list = await page
    .getByTestId('knowledge-table')
    .locator('tbody tr')
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!list) {
    say('  \u2717 the dashboard did not show the knowledge list');
    return false;
  }
  const boxes = page.getByTestId('knowledge-table').locator('tbody tr input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  await page.locator('section.knowledge-list').screenshot({ path: path.join(dir, '7-dashboard-list.png') });
  say(`  \u2713 knowledge list: ${(await page.getByTestId('list-count').textContent())?.trim()} ${(await page.getByTestId('bulk-count').textContent())?.trim()}`);
  return true;
}
