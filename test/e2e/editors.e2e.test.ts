import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EDITORS, type EditorName } from '../editors/pages';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, settle } from './browser';
import { serveEditorPages } from './editor-server';
import { insertInIsolatedWorld } from './isolated-world';
import type { LocalServer } from '../demo/http';

// The insert code the content script ships, run in an isolated world of pages that use the real
// editor libraries; the editor's own API (what it would send) is the judge.
const ANSWER = 'Hi there,\n\nYour parcel ships today: https://example.com/track\nThanks!';
const ANSWER_LINES = ['Hi there,', 'Your parcel ships today: https://example.com/track', 'Thanks!'];
const RICH = EDITORS.filter((e) => !e.includes('textarea'));

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

async function open(name: EditorName): Promise<void> {
  await page.goto(`${server.origin}/editors/${name}`);
  await page.waitForFunction(() => document.body.dataset.editorReady, null, { timeout: 20_000 });
}

const editable = (name: EditorName) => (name.includes('textarea') ? '#reply textarea' : name === 'iframe' ? '#reply iframe' : '#reply [contenteditable=true]');

/** Types two lines, then leaves the cursor on a new empty line between them. */
async function typeAroundCursor(name: EditorName): Promise<void> {
  await page.click(editable(name));
  await page.keyboard.type('Hello Ana,');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Best, Sam');
  await settle(page);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await settle(page);
  await page.keyboard.press('Enter');
  await settle(page);
}

async function state(): Promise<{ lines: string[]; html: string; submits: number; sendClicks: number }> {
  await settle(page);
  return page.evaluate(() => ({
    lines: window.testEditor!.text().split('\n').map((l) => l.trim()).filter(Boolean),
    html: window.testEditor!.html(),
    submits: window.formCounters!.submits,
    sendClicks: window.formCounters!.sendClicks,
  }));
}

describe.each(EDITORS)('insert into %s', (name) => {
  it('an empty reply box gets the text with its line breaks (and links, in rich editors)', async () => {
    await open(name);
    const result = await insertInIsolatedWorld(page, '#reply', ANSWER);
    expect(result.ok, result.reason).toBe(true);
    const s = await state();
    expect(s.lines).toEqual(ANSWER_LINES);
    if (RICH.includes(name)) expect(s.html).toMatch(/<a [^>]*href="https:\/\/example\.com\/track"/);
    expect({ submits: s.submits, sendClicks: s.sendClicks }).toEqual({ submits: 0, sendClicks: 0 });
  });

  it("goes in at the agent's cursor and keeps what was typed before and after it", async () => {
    await open(name);
    await typeAroundCursor(name);
    const result = await insertInIsolatedWorld(page, '#reply', ANSWER);
    expect(result.ok, result.reason).toBe(true);
    expect((await state()).lines).toEqual(['Hello Ana,', ...ANSWER_LINES, 'Best, Sam']);
  });

  it('with the cursor elsewhere on the page, goes at the end on a line of its own', async () => {
    await open(name);
    await typeAroundCursor(name);
    await page.click('#search');
    const result = await insertInIsolatedWorld(page, '#reply', 'Kind regards');
    expect(result.ok, result.reason).toBe(true);
    expect((await state()).lines).toEqual(['Hello Ana,', 'Best, Sam', 'Kind regards']);
  });

  it("a whole answer put right after words on the caret's line starts on a new line", async () => {
    await open(name);
    await page.click(editable(name));
    await page.keyboard.type('Hello Ana,');
    await settle(page);
    const result = await insertInIsolatedWorld(page, '#reply', ANSWER);
    expect(result.ok, result.reason).toBe(true);
    expect((await state()).lines).toEqual(['Hello Ana,', ...ANSWER_LINES]);
  });

  it('never replaces text the agent has selected', async () => {
    await open(name);
    await page.click(editable(name));
    await page.keyboard.type('Hello Ana,');
    await page.keyboard.press('Shift+Home');
    await settle(page);
    const selected = await page.evaluate(() => {
      const active = document.activeElement as HTMLTextAreaElement | HTMLIFrameElement;
      if (active instanceof HTMLIFrameElement) return active.contentDocument!.getSelection()!.toString().length;
      return active.value?.length ?? getSelection()!.toString().length;
    });
    expect(selected).toBeGreaterThan(0);
    const result = await insertInIsolatedWorld(page, '#reply', 'We have refunded you.');
    expect(result.ok, result.reason).toBe(true);
    expect((await state()).lines.join(' ')).toMatch(/^Hello Ana, ?We have refunded you\.$/);
  });
});

describe('insert: HTML and safety', () => {
  it.each(RICH)('%s keeps the labelled link and bold from the rendered answer, and drops anything unsafe', async (name) => {
    await open(name);
    const html = '<p>Track it <a href="https://example.com/t?id=1" onclick="alert(1)">here</a>, <strong>today</strong>.</p>' +
      '<p><a href="javascript:alert(1)">bad</a><img src="x" onerror="window.pwned=1"><script>window.pwned=1</script></p>';
    const result = await insertInIsolatedWorld(page, '#reply', 'Track it here, today.\n\nbad', html);
    expect(result.ok, result.reason).toBe(true);
    const s = await state();
    expect(s.html).toMatch(/<a [^>]*href="https:\/\/example\.com\/t\?id=1"[^>]*>here<\/a>/);
    expect(s.html).toMatch(/<(strong|b)>today<\/(strong|b)>/);
    expect(s.html).not.toMatch(/javascript:|onerror|onclick|<img|<script/);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it.each(EDITORS)('%s: Markdown source with its rendered HTML goes in as formatting, never as ** or [](…)', async (name) => {
    await open(name);
    const md = '**Important:** see [the guide](https://example.com/g).';
    const html = '<p><strong>Important:</strong> see <a href="https://example.com/g">the guide</a>.</p>';
    const result = await insertInIsolatedWorld(page, '#reply', md, html);
    expect(result.ok, result.reason).toBe(true);
    const s = await state();
    expect(s.lines.join('\n')).not.toMatch(/\*\*|\]\(/);
    if (RICH.includes(name)) expect(s.html).toMatch(/<a [^>]*href="https:\/\/example\.com\/g"[^>]*>the(&nbsp;| )guide<\/a>/); // Quill's HTML uses &nbsp;
    else expect(s.lines).toEqual(['Important: see the guide (https://example.com/g).']);
  });

  // Quill's paragraphs have no margin: two paragraphs read as two lines unless an empty line parts them.
  it.each([
    ['the panel\u2019s rendered HTML', '<p>Hi there,</p>\n<p>Your parcel ships today.<br>Thanks!</p>\n<p>Ana</p>'],
    ['plain text only', undefined],
  ])('quill keeps the blank line between paragraphs (%s)', async (_how, html) => {
    await open('quill');
    const result = await insertInIsolatedWorld(page, '#reply', 'Hi there,\n\nYour parcel ships today.\nThanks!\n\nAna', html);
    expect(result.ok, result.reason).toBe(true);
    expect(await page.evaluate(() => window.testEditor!.text())).toBe('Hi there,\n\nYour parcel ships today.\nThanks!\n\nAna');
  });

  it('a read-only or missing reply box is reported, not written', async () => {
    await open('textarea');
    await page.evaluate(() => document.querySelector('#reply textarea')!.setAttribute('readonly', ''));
    expect(await insertInIsolatedWorld(page, '#reply', 'x')).toMatchObject({ ok: false, reason: 'The reply box is read-only.' });
    expect(await insertInIsolatedWorld(page, '#search + nothing, h1', 'x')).toMatchObject({ ok: false });
    expect((await state()).lines).toEqual([]);
  });

  it('the local page server never received a form post', () => {
    expect(server.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });
});
