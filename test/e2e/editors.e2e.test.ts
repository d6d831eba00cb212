import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LocalServer } from '../demo/http';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, settle } from './browser';
import { serveEditorPages } from './editor-server';
import { editorInsertTable, type EditorDriver } from './editor-table';
import { insertInIsolatedWorld } from './isolated-world';

// The editor-insert table (editor-table.ts) in headless Chromium: the shipped insert code runs in
// an isolated world of the page (as a content script runs), over CDP.
let browser: Browser;
let server: LocalServer;
let page: Page;

beforeAll(async () => {
  await requireChromium();
  server = await serveEditorPages();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const chromiumDriver: EditorDriver = {
  async open(name) {
    await page.goto(`${server.origin}/editors/${name}`);
    await page.waitForFunction(() => document.body.dataset.editorReady, null, { timeout: 20_000 });
  },
  click: (selector) => page.click(selector),
  type: (text) => page.keyboard.type(text),
  press: (key) => page.keyboard.press(key),
  settle: () => settle(page),
  evaluate: (fn) => page.evaluate(fn),
  insert: (box, text, html) => insertInIsolatedWorld(page, box, text, html),
  requests: () => server.requests,
};

editorInsertTable(() => chromiumDriver);
