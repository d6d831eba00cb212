import { describe, expect, it } from 'vitest';
import type { InsertResult } from '../../entrypoints/helpdesk.content/insert';
import { EDITORS, type EditorName } from '../editors/pages';

/**
 * The editor-insert table, run in every browser (editors.e2e.test.ts: Chromium, firefox.e2e.test.ts:
 * Firefox): the insert code the content script ships, in a content script's world of pages that
 * use the real editor libraries; the editor's own API (what it would send) is the judge.
 */
export interface EditorDriver {
  /** Opens the editor page `name` and waits until its editor is ready. */
  open(name: EditorName): Promise<void>;
  click(selector: string): Promise<void>;
  type(text: string): Promise<void>;
  press(key: 'Enter' | 'ArrowUp' | 'End' | 'Shift+Home'): Promise<void>;
  /** Lets the page run its pending selectionchange/input handlers. */
  settle(): Promise<void>;
  evaluate<R>(fn: () => R): Promise<R>;
  /** The shipped insert code, run where a content script runs, on the box `boxSelector`. */
  insert(boxSelector: string, text: string, html?: string): Promise<InsertResult>;
  /** Requests the editor page server received. */
  requests(): string[];
}

const ANSWER = 'Hi there,\n\nYour parcel ships today: https://example.com/track\nThanks!';
const ANSWER_LINES = ['Hi there,', 'Your parcel ships today: https://example.com/track', 'Thanks!'];
const RICH = EDITORS.filter((e) => !e.includes('textarea'));

const editable = (name: EditorName) => (name.includes('textarea') ? '#reply textarea' : name === 'iframe' ? '#reply iframe' : '#reply [contenteditable=true]');

export function editorInsertTable(driverOf: () => EditorDriver): void {
  const d = () => driverOf();

  /** Types two lines, then leaves the cursor on a new empty line between them. */
  async function typeAroundCursor(name: EditorName): Promise<void> {
    await d().click(editable(name));
    await d().type('Hello Ana,');
    await d().press('Enter');
    await d().type('Best, Sam');
    await d().settle();
    await d().press('ArrowUp');
    await d().press('End');
    await d().settle();
    await d().press('Enter');
    await d().settle();
  }

  async function state(): Promise<{ lines: string[]; html: string; submits: number; sendClicks: number }> {
    await d().settle();
    return d().evaluate(() => ({
      lines: window.testEditor!.text().split('\n').map((l) => l.trim()).filter(Boolean),
      html: window.testEditor!.html(),
      submits: window.formCounters!.submits,
      sendClicks: window.formCounters!.sendClicks,
    }));
  }

  describe.each(EDITORS)('insert into %s', (name) => {
    it('an empty reply box gets the text with its line breaks (and links, in rich editors)', async () => {
      await d().open(name);
      const result = await d().insert('#reply', ANSWER);
      expect(result.ok, result.reason).toBe(true);
      const s = await state();
      expect(s.lines).toEqual(ANSWER_LINES);
      if (RICH.includes(name)) expect(s.html).toMatch(/<a [^>]*href="https:\/\/example\.com\/track"/);
      expect({ submits: s.submits, sendClicks: s.sendClicks }).toEqual({ submits: 0, sendClicks: 0 });
    });

    it("goes in at the agent's cursor and keeps what was typed before and after it", async () => {
      await d().open(name);
      await typeAroundCursor(name);
      const result = await d().insert('#reply', ANSWER);
      expect(result.ok, result.reason).toBe(true);
      expect((await state()).lines).toEqual(['Hello Ana,', ...ANSWER_LINES, 'Best, Sam']);
    });

    it('with the cursor elsewhere on the page, goes at the end on a line of its own', async () => {
      await d().open(name);
      await typeAroundCursor(name);
      await d().click('#search');
      const result = await d().insert('#reply', 'Kind regards');
      expect(result.ok, result.reason).toBe(true);
      expect((await state()).lines).toEqual(['Hello Ana,', 'Best, Sam', 'Kind regards']);
    });

    it("a whole answer put right after words on the caret's line starts on a new line", async () => {
      await d().open(name);
      await d().click(editable(name));
      await d().type('Hello Ana,');
      await d().settle();
      const result = await d().insert('#reply', ANSWER);
      expect(result.ok, result.reason).toBe(true);
      expect((await state()).lines).toEqual(['Hello Ana,', ...ANSWER_LINES]);
    });

    it('never replaces text the agent has selected', async () => {
      await d().open(name);
      await d().click(editable(name));
      await d().type('Hello Ana,');
      await d().press('Shift+Home');
      await d().settle();
      const selected = await d().evaluate(() => {
        const active = document.activeElement as HTMLTextAreaElement | HTMLIFrameElement;
        if (active instanceof HTMLIFrameElement) return active.contentDocument!.getSelection()!.toString().length;
        return active.value?.length ?? getSelection()!.toString().length;
      });
      expect(selected).toBeGreaterThan(0);
      const result = await d().insert('#reply', 'We have refunded you.');
      expect(result.ok, result.reason).toBe(true);
      expect((await state()).lines.join(' ')).toMatch(/^Hello Ana, ?We have refunded you\.$/);
    });
  });

  describe('insert: HTML and safety', () => {
    it.each(RICH)('%s keeps the labelled link and bold from the rendered answer, and drops anything unsafe', async (name) => {
      await d().open(name);
      const html = '<p>Track it <a href="https://example.com/t?id=1" onclick="alert(1)">here</a>, <strong>today</strong>.</p>' +
        '<p><a href="javascript:alert(1)">bad</a><img src="x" onerror="window.pwned=1"><script>window.pwned=1</script></p>';
      const result = await d().insert('#reply', 'Track it here, today.\n\nbad', html);
      expect(result.ok, result.reason).toBe(true);
      const s = await state();
      expect(s.html).toMatch(/<a [^>]*href="https:\/\/example\.com\/t\?id=1"[^>]*>here<\/a>/);
      expect(s.html).toMatch(/<(strong|b)>today<\/(strong|b)>/);
      expect(s.html).not.toMatch(/javascript:|onerror|onclick|<img|<script/);
      expect(await d().evaluate(() => (window as { pwned?: number }).pwned ?? null)).toBeNull();
    });

    it.each(EDITORS)('%s: Markdown source with its rendered HTML goes in as formatting, never as ** or [](…)', async (name) => {
      await d().open(name);
      const md = '**Important:** see [the guide](https://example.com/g).';
      const html = '<p><strong>Important:</strong> see <a href="https://example.com/g">the guide</a>.</p>';
      const result = await d().insert('#reply', md, html);
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
      await d().open('quill');
      const result = await d().insert('#reply', 'Hi there,\n\nYour parcel ships today.\nThanks!\n\nAna', html);
      expect(result.ok, result.reason).toBe(true);
      expect(await d().evaluate(() => window.testEditor!.text())).toBe('Hi there,\n\nYour parcel ships today.\nThanks!\n\nAna');
    });

    it('a read-only or missing reply box is reported, not written', async () => {
      await d().open('textarea');
      await d().evaluate(() => document.querySelector('#reply textarea')!.setAttribute('readonly', ''));
      expect(await d().insert('#reply', 'x')).toMatchObject({ ok: false, reason: 'The reply box is read-only.' });
      expect(await d().insert('#search + nothing, h1', 'x')).toMatchObject({ ok: false });
      expect((await state()).lines).toEqual([]);
    });

    it('the local page server never received a form post', () => {
      expect(d().requests().filter((r) => r.startsWith('POST'))).toEqual([]);
    });
  });
}
