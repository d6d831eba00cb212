import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './browser';
import type { ChromeApi } from './chrome-api';
import { pollUntil } from './poll';

declare const chrome: ChromeApi;

/** The demo build: the only build whose manifest grants the loopback hosts the tests serve from. */
export const DEMO_DIST = path.resolve(process.env.EXT_DIST ?? '.output/chrome-mv3-demo');
export const ARTIFACTS = path.resolve('e2e-artifacts');
const SOURCES = ['entrypoints', 'components', 'knowledge', 'public', 'wxt.config.ts', 'package.json'];

async function newestMtime(p: string): Promise<number> {
  const s = await stat(p).catch(() => null);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  const times = await Promise.all((await readdir(p)).map((n) => newestMtime(path.join(p, n))));
  return Math.max(s.mtimeMs, ...times);
}

/** Builds the demo extension (`wxt build --mode demo`) unless it is newer than every source file. */
export async function ensureDemoBuild(): Promise<string> {
  if (process.env.EXT_DIST) return DEMO_DIST;
  return buildIfStale(DEMO_DIST, []);
}

/** The Firefox demo build (`wxt build -b firefox --mode demo`); FIREFOX_EXT_DIST uses a given build instead. */
export async function ensureFirefoxDemoBuild(): Promise<string> {
  if (process.env.FIREFOX_EXT_DIST) return path.resolve(process.env.FIREFOX_EXT_DIST);
  return buildIfStale(path.resolve('.output/firefox-mv2-demo'), ['-b', 'firefox']);
}

async function buildIfStale(dist: string, browserArgs: string[]): Promise<string> {
  const built = await stat(path.join(dist, 'manifest.json')).then((s) => s.mtimeMs, () => 0);
  const newest = Math.max(...(await Promise.all(SOURCES.map((s) => newestMtime(path.resolve(s))))));
  if (built > newest) return dist;
  // Under a lock where flock exists: two test runs in one checkout must not build into one folder at once.
  const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
  const cmd = hasFlock ? ['flock', path.resolve('.e2e-tmp/demo-build.lock'), 'npx'] : ['npx'];
  await mkdir(path.resolve('.e2e-tmp'), { recursive: true });
  const args = ['wxt', 'build', ...browserArgs, '--mode', 'demo'];
  // vitest sets NODE_ENV=test, which WXT would keep: the demo build is a production build (wxt.config.ts)
  const env = { ...process.env, NODE_ENV: 'production' };
  const run = spawnSync(cmd[0]!, [...cmd.slice(1), ...args], { encoding: 'utf8', stdio: 'pipe', env });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${(run.stdout + run.stderr).slice(-3000)}`);
  return dist;
}

export interface Launched {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  /** A second CDP connection to the same browser: the real side panel is only reachable there. */
  cdp(): Promise<Browser>;
  close(): Promise<void>;
}

/** Debian's chromium with the built extension loaded, in a throw-away profile under .e2e-tmp/. */
export async function launchWithExtension(options: { headless?: boolean; dist?: string; viewport?: { width: number; height: number } } = {}): Promise<Launched> {
  await requireChromium();
  const dist = options.dist ?? DEMO_DIST;
  await stat(path.join(dist, 'manifest.json')).catch(() => {
    throw new Error(`No built extension at ${dist}: run \`npx wxt build --mode demo\` first`);
  });
  await mkdir(path.resolve('.e2e-tmp'), { recursive: true });
  const userDataDir = await mkdtemp(path.resolve('.e2e-tmp', 'profile-'));
  // A private copy: another `wxt build --mode demo` in this checkout must not change files under us.
  const extDir = `${userDataDir}-extension`;
  await cp(dist, extDir, { recursive: true });
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    // headless:false plus --headless=new: Playwright then adds no headless flags of its own (recipe).
    headless: false,
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_ARGS,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
    ],
    viewport: options.viewport ?? { width: 1200, height: 800 },
  });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const sw = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 45_000 }));
  const extensionId = new URL(sw.url()).host;
  let second: Browser | undefined;
  return {
    context,
    sw,
    extensionId,
    async cdp() {
      if (second) return second;
      const port = Number((await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]);
      second = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      return second;
    },
    async close() {
      await second?.close().catch(() => {});
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
      await rm(extDir, { recursive: true, force: true });
    },
  };
}

/** The browser's tab id of `page` (the panel pins itself to it with ?tab=). */
export async function tabIdOf(ext: Launched, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}

/** The side panel's page opened as a tab, pinned to the helpdesk tab `tabId`. */
export async function openPanelAsTab(ext: Launched, tabId: number): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/** This extension's side panel page, sidepanel.html, with or without a query string or hash. */
export function isSidePanelUrl(url: string, extensionId: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'chrome-extension:' && u.host === extensionId && u.pathname === '/sidepanel.html';
  } catch {
    return false;
  }
}

/** True when `page` is not in a tab: the real side panel, not sidepanel.html opened as a tab (openPanelAsTab). */
async function notATab(page: Page): Promise<boolean> {
  return page.evaluate(async () => (await chrome.tabs.getCurrent()) === undefined).catch(() => false);
}

/**
 * Opens the REAL side panel for `tabId`: chrome.sidePanel.open() needs a user gesture, and a
 * trusted Playwright click on a button in an extension page is one. Returns the panel over CDP.
 */
export async function openRealPanel(ext: Launched, tabId: number): Promise<Page> {
  const opener = await ext.context.newPage();
  await opener.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await opener.evaluate((id) => {
    const b = document.createElement('button');
    b.id = 'e2e-open-panel';
    b.textContent = 'open panel';
    b.style.cssText = 'position:fixed;top:0;left:0;z-index:99999';
    b.onclick = () => {
      chrome.sidePanel.open({ tabId: id }).then(
        () => (document.body.dataset.panel = 'opened'),
        (e: unknown) => (document.body.dataset.panel = String(e)),
      );
    };
    document.body.append(b);
  }, tabId);
  await opener.click('#e2e-open-panel');
  await opener.waitForFunction(() => document.body.dataset.panel);
  const outcome = await opener.evaluate(() => document.body.dataset.panel);
  await opener.close();
  if (outcome !== 'opened') throw new Error(`The side panel did not open: ${outcome}`);
  const browser = await ext.cdp();
  // sidepanel.html may be open as tabs too (openPanelAsTab, ?tab=N; the opener above): the panel is the one not in a tab.
  return pollUntil(async () => {
    const candidates = browser.contexts().flatMap((c) => c.pages()).filter((p) => isSidePanelUrl(p.url(), ext.extensionId));
    for (const page of candidates) if (await notATab(page)) return page;
    return undefined;
  }, 'the opened side panel\'s page over CDP');
}

/** The dashboard page (entrypoints/dashboard) in a new tab, at `hash` ('#knowledge', '#import', ...). */
export async function openDashboard(ext: Launched, hash = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html${hash}`);
  return page;
}
