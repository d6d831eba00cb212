import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromeApi } from './chrome-api';
import { ARTIFACTS, ensureDemoBuild, launchWithExtension, openPanelAsTab, type Launched } from './harness';

declare const chrome: ChromeApi;

// The leads' and trainers' page in the built extension: opened from the panel and the toolbar menu,
// knowledge health on its first screen, no serious accessibility violation.
let ext: Launched;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await ensureDemoBuild();
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
});

const serious = (violations: { impact?: string | null; id: string }[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);

describe('dashboard (headless Chromium)', () => {
  it('is the extension\u2019s options page, so the toolbar menu opens it in a tab', async () => {
    const manifest = await ext.sw.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.options_ui).toEqual({ page: 'dashboard.html', open_in_tab: true });
  });

  it('opens from the panel and shows knowledge health for the sample knowledge', async () => {
    const panel = await openPanelAsTab(ext, 0);
    await panel.getByTestId('load-sample').click();
    await expect.poll(() => panel.getByTestId('status').textContent(), { timeout: 20_000 }).toMatch(/loaded/i);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/dashboard.html') });
    await panel.getByTestId('open-dashboard').click();
    const dash = await opened;
    await dash.getByTestId('health-share').waitFor();
    await expect(dash.getByTestId('health-share').textContent()).resolves.toMatch(/\d+%/);
    expect(await dash.getByTestId('health-weeks').locator('tbody tr').count()).toBe(12);
    await dash.screenshot({ path: path.join(ARTIFACTS, 'dashboard-health.png'), fullPage: true });
    const axe = await new AxeBuilder({ page: dash }).analyze();
    expect(serious(axe.violations)).toEqual([]);
  });
});
