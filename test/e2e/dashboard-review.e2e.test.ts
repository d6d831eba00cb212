import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import pack from '../../knowledge/sample/pack.json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, ensureDemoBuild, launchWithExtension, openDashboard, openPanelAsTab, type Launched } from './harness';

// The review queue on the sample knowledge with its sample activity (knowledge/sample/events.jsonl):
// its planted duplicate, an overdue entry and the agents' typical edit are shown, and fixing each
// removes it; keyboard only; no serious accessibility violation.
let ext: Launched;
let queue: Page;

const finding = (kind: string, id: string) => queue.locator(`[data-testid="finding"][data-kind="${kind}"][data-ids~="${id}"]`);

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await ensureDemoBuild();
  ext = await launchWithExtension();
  const panel = await openPanelAsTab(ext, 0);
  await panel.getByTestId('load-sample').click();
  await panel.getByTestId('status').filter({ hasText: /loaded/i }).waitFor({ timeout: 20_000 });
  await panel.close();
  queue = await openDashboard(ext, '#review');
  await queue.getByTestId('load-sample-activity').click();
  await queue.getByText(/Sample activity loaded: \d+ events/).waitFor();
});

afterAll(async () => {
  await ext?.close();
});

describe('review queue (headless Chromium)', () => {
  it('shows the planted duplicate, an overdue entry and the agents\u2019 proposed revision', async () => {
    await finding('duplicate', 'refunds-how-long-old-faq').waitFor();
    await finding('overdue', 'services-gear-rental').waitFor();
    await finding('revision', 'returns-costs').waitFor();
    await queue.screenshot({ path: path.join(ARTIFACTS, 'dashboard-review-queue.png'), fullPage: true });
    const axe = await new AxeBuilder({ page: queue }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('fixing each removes it (the duplicate by keyboard only)', async () => {
    const dup = finding('duplicate', 'refunds-how-long-old-faq');
    await dup.locator('button.primary').focus();
    await queue.keyboard.press('Enter');
    await dup.waitFor({ state: 'detached' });
    await expect.poll(() => queue.getByTestId('status').textContent()).toMatch(/done/);

    await finding('overdue', 'services-gear-rental').locator('button.primary').click();
    await finding('overdue', 'services-gear-rental').waitFor({ state: 'detached' });

    await finding('revision', 'returns-costs').locator('button.primary').click();
    await finding('revision', 'returns-costs').waitFor({ state: 'detached' });

    // The fixes reached the worker: the entries changed in the store the agents' search reads.
    const stored = await queue.evaluate(async () => {
      const open = indexedDB.open('agent-assist');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = (id: string) =>
        new Promise<{ status: string; reviewBy?: string; version: number; body: string }>((resolve) => {
          const req = db.transaction('entries').objectStore('entries').get(id);
          req.onsuccess = () => resolve(req.result);
        });
      return { old: await get('refunds-how-long-old-faq'), rental: await get('services-gear-rental'), returns: await get('returns-costs') };
    });
    expect(stored.old.status).toBe('archived');
    expect(stored.rental.reviewBy! > new Date().toISOString().slice(0, 10)).toBe(true);
    const shipped = pack.entries.find((e) => e.id === 'returns-costs')!;
    expect(stored.returns.version).toBe(shipped.version + 1);
    expect(stored.returns.body).not.toBe(shipped.body);
  });
});
