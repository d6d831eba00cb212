import { access } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for every launch: no sandbox (containers), no GPU, and none of Chromium's own traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

/** A clear message instead of a launch stack trace when Debian's chromium is missing. */
export async function requireChromium(): Promise<void> {
  await access(CHROMIUM).catch(() => {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it with: sudo apt-get install chromium`);
  });
}

/** Let the page run its pending selectionchange/input handlers (two animation frames). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}
