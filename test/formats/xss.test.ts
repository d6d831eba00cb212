import { readFileSync } from 'node:fs';
import path from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { Lexer, marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { MARKED_OPTIONS, htmlToMarkdown, isSubsetMarkdown, toSubsetMarkdown } from '../../knowledge/markdown.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import { FIXTURES, NOW, csv, utf8 } from './helpers.ts';

// OWASP XSS filter-evasion cheat-sheet vectors (and a few for Markdown itself), one per line.
const VECTORS = readFileSync(path.join(FIXTURES, 'xss-vectors.txt'), 'utf8').split('\n').filter(Boolean);
const UNSAFE_URL = /^\s*(javascript|vbscript|data|livescript|mocha):/i;

/** Every link/image target and every raw HTML token in Markdown, found by marked's own lexer. */
function walk(tokens: Token[], found: { html: string[]; urls: string[] }): void {
  for (const t of tokens) {
    if (t.type === 'html') found.html.push(t.raw);
    if (t.type === 'link' || t.type === 'image') found.urls.push((t as { href: string }).href);
    const nested = t as { tokens?: Token[]; items?: Token[] };
    walk([...(nested.tokens ?? []), ...(nested.items ?? [])], found);
  }
}

function assertSafeMarkdown(md: string): void {
  const found = { html: [] as string[], urls: [] as string[] };
  walk(new Lexer(MARKED_OPTIONS).lex(md), found);
  expect(found.html, `raw HTML in ${JSON.stringify(md)}`).toEqual([]);
  expect(found.urls.filter((u) => UNSAFE_URL.test(u) || !/^(https?:\/\/|mailto:)/i.test(u))).toEqual([]);
  expect(isSubsetMarkdown(md)).toBe(true);
  // Even rendered by marked alone, with no sanitiser after it:
  const doc = new JSDOM(`<body>${marked.parse(md, { ...MARKED_OPTIONS, async: false })}</body>`).window.document;
  expect(doc.querySelectorAll('script, style, iframe, object, embed, svg, math, img, form, base, meta, link')).toHaveLength(0);
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name, `${attr.name} on <${el.tagName}>`).not.toMatch(/^on/i);
      if (['href', 'src', 'action', 'formaction', 'background'].includes(attr.name)) expect(attr.value).not.toMatch(UNSAFE_URL);
    }
  }
}

describe('HTML bodies: XSS filter-evasion vectors', () => {
  it('has at least 60 vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(VECTORS.map((v, i) => [i + 1, v]))('vector %i leaves no script, handler or unsafe URL (HTML source)', (_i, vector) => {
    assertSafeMarkdown(htmlToMarkdown(`<p>Hello</p>${vector}`));
  });

  it.each(VECTORS.map((v, i) => [i + 1, v]))('vector %i leaves no script, handler or unsafe URL (Markdown source)', (_i, vector) => {
    assertSafeMarkdown(toSubsetMarkdown(`Hello\n\n${vector}`));
  });

  it('keeps the harmless text and safe links around the vectors', () => {
    expect(htmlToMarkdown('<p>Hi <a href="https://ok.example" onclick="alert(1)">ok</a><script>alert(1)</script></p>')).toBe('Hi [ok](https://ok.example)');
    expect(htmlToMarkdown('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('\\<script>alert(1)\\</script>');
  });

  it('the same holds end to end: a Zendesk article and a CSV cell carrying every vector', () => {
    const articles = VECTORS.map((v, i) => ({ id: i + 1, title: `A${i}`, body: `<p>Text</p>${v}` }));
    const rows = [['title', 'body'], ...VECTORS.map((v, i) => [`T${i}`, `Text\n\n${v}`])];
    const result = importFiles([
      { name: 'guide.json', bytes: utf8(JSON.stringify({ articles })) },
      { name: 'cells.csv', bytes: utf8(csv(rows)) },
    ], { now: NOW });
    expect(result.entries).toHaveLength(VECTORS.length * 2);
    for (const entry of result.entries) assertSafeMarkdown(entry.body);
  });

  it('DOMPurify after marked finds nothing left to remove', () => {
    const purify = createDOMPurify(new JSDOM('').window);
    for (const v of VECTORS) {
      const html = marked.parse(htmlToMarkdown(`<p>x</p>${v}`), { ...MARKED_OPTIONS, async: false });
      purify.sanitize(html);
      expect(purify.removed, v).toEqual([]);
    }
  });
});
