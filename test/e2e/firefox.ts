import { access, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { pollUntil } from './poll';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts, and the internal UUID the tests give it so moz-extension:// URLs are known. */
const GECKO_ID = 'agent-assist@example.invalid';
const UUID = '2f1c6a52-6f7e-4d53-9d57-4c2a5a9e0b11';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/** A clear message instead of a launch stack trace when Debian's firefox-esr is missing. */
export async function requireFirefox(): Promise<void> {
  await access(FIREFOX).catch(() => {
    throw new Error(`Firefox is not installed at ${FIREFOX}. Install it with: sudo apt-get install firefox-esr`);
  });
}

export interface FirefoxLaunched {
  browser: Browser;
  /** Every request that tried to leave the machine (HTTP URLs, HTTPS `CONNECT host:port`): see outboundTrap. */
  outbound: string[];
  close(): Promise<void>;
}

/**
 * A proxy that answers nothing and writes down what reached it. Firefox sends every request for a
 * host other than the loopback ones through it, from any context (pages, the extension's
 * background and pages, Firefox itself), so a test can say that nothing left the machine.
 */
async function outboundTrap(): Promise<{ port: number; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Debian's firefox-esr, headless, driven over WebDriver BiDi (puppeteer-core; nothing is downloaded),
 * with the built extension `dist` installed as a temporary add-on from a private copy.
 */
export async function launchFirefoxWithExtension(dist: string): Promise<FirefoxLaunched> {
  await requireFirefox();
  await mkdir(path.resolve('.e2e-tmp'), { recursive: true });
  const profile = await mkdtemp(path.resolve('.e2e-tmp', 'firefox-'));
  const extDir = `${profile}-extension`;
  await cp(dist, extDir, { recursive: true });
  const trap = await outboundTrap();
  const launching = puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Needed before BiDi may navigate a tab to a moz-extension: URL.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // Less of Firefox's own traffic (updates, safe-browsing lists, captive-portal checks); what is
      // left goes to the trap below and never reaches the internet.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      // Everything not for 127.0.0.1 or localhost goes to the trap (loopback is never proxied by default).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': trap.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': trap.port,
      'network.proxy.share_proxy_settings': true,
    },
  });
  // A failed launch leaves nothing listening.
  const browser = await launching.catch(async (err: unknown) => {
    await trap.close();
    throw err;
  });
  await browser.installExtension(extDir);
  return {
    browser,
    outbound: trap.seen,
    async close() {
      await browser.close().catch(() => {});
      await trap.close();
      await rm(profile, { recursive: true, force: true });
      await rm(extDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a new tab. A tab that switches into the extension's process may never report its
 * load event to the driver: start the navigation, then wait for the address instead.
 */
export async function openTab(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.goto(url).catch(() => {});
  await until(page, (u) => location.href === u && document.readyState !== 'loading', url);
  return page;
}

/**
 * Polls `fn` in the page until it returns something truthy, and returns that. Puppeteer's
 * waitForFunction compiles its predicate with Function(), which an extension page's CSP blocks.
 */
export function until<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A, timeout = 20_000): Promise<R> {
  return poll(() => page.evaluate(fn as never, arg as never) as Promise<R>, fn.toString(), timeout);
}

/** Calls `get` (in Node) until it returns something truthy, and returns that; a throw counts as "not yet" (a page between documents). */
export function poll<R>(get: () => Promise<R>, what: string, timeout = 20_000): Promise<R> {
  const probe = () => get().then((v) => v || undefined, () => undefined);
  return pollUntil(probe, what, { everyMs: 50, limitMs: timeout }) as Promise<R>;
}

/** This extension's page `path` (e.g. `/sidepanel.html?tab=3`) opened as a tab. */
export function openExtensionPage(browser: Browser, pathAndQuery: string): Promise<Page> {
  return openTab(browser, `${EXTENSION_ORIGIN}${pathAndQuery}`);
}

/** The browser's tab id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}

/**
 * Runs `code` in the content-script world of tab `tabId` (tabs.executeScript, as Firefox runs a
 * content script: same sandbox, same principal) and returns its last expression's value.
 */
export async function inContentScript<R>(extensionPage: Page, tabId: number, code: string): Promise<R> {
  const [result] = await extensionPage.evaluate(
    async (id, c) => browser.tabs.executeScript(id, { code: c }) as Promise<unknown[]>,
    tabId,
    code,
  );
  return result as R;
}

/**
 * Whether the real sidebar (Firefox opens it at install) shows an element with `data-testid` = `testId`:
 * BiDi cannot reach the sidebar, but an extension page can read it through extension.getViews.
 * Null while no sidebar is open.
 */
export async function sidebarShows(extensionPage: Page, testId: string): Promise<boolean | null> {
  return extensionPage.evaluate((id) => {
    const [sidebar] = browser.extension.getViews({ type: 'sidebar' });
    return sidebar ? sidebar.document.querySelector(`[data-testid="${id}"]`) !== null : null;
  }, testId);
}

declare const browser: {
  extension: { getViews(filter: { type: 'sidebar' | 'tab' | 'popup' }): Window[] };
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    executeScript(tabId: number, details: { code: string }): Promise<unknown[]>;
  };
};
