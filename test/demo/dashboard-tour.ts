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
  return true;
}
