import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { Lexer, marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { SAFE_HREF, SUBSET_TAGS } from '../../knowledge/html-subset.ts';
import { MARKED_OPTIONS, htmlToMarkdown, isSubsetMarkdown, toSubsetMarkdown } from '../../knowledge/markdown.ts';
import { forInsert } from '../../knowledge/answer.ts';
import { renderMarkdown } from '../../knowledge/render.ts';
import { sanitiseHtml } from '../../knowledge/sanitise.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import { FIXTURES, NOW, csv, importText, lines, utf8 } from './helpers.ts';

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
  assertInertHtml(marked.parse(md, { ...MARKED_OPTIONS, async: false }));
  // And as the panel shows it and Insert hands it to a rich editor: only the subset.
  assertSubsetHtml(render(md));
}

const WINDOW = new JSDOM('').window;
const { DOMParser } = WINDOW;
/** The panel's render (knowledge/render.ts), given a window as the panel and `kb preview` give theirs. */
const render = (md: string) => renderMarkdown(md, WINDOW as unknown as Parameters<typeof renderMarkdown>[1]);
function parse(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}

function assertInertHtml(html: string): void {
  const doc = parse(html);
  expect(doc.querySelectorAll('script, style, iframe, object, embed, svg, math, img, form, base, meta, link')).toHaveLength(0);
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name, `${attr.name} on <${el.tagName}>`).not.toMatch(/^on/i);
      if (['href', 'src', 'action', 'formaction', 'background'].includes(attr.name)) expect(attr.value).not.toMatch(UNSAFE_URL);
    }
  }
}

/** Nothing but the allow-list: its tags, http/https/mailto links opening without opener, list starts. */
function assertSubsetHtml(html: string): void {
  assertInertHtml(html);
  for (const el of parse(html).body.querySelectorAll('*')) {
    expect(SUBSET_TAGS, html).toContain(el.localName);
    for (const attr of el.attributes) {
      expect(['href', 'start', 'target', 'rel'], `${attr.name} on <${el.localName}> in ${html}`).toContain(attr.name);
      if (attr.name === 'href') expect(attr.value).toMatch(SAFE_HREF);
    }
    if (el.localName === 'a' && el.hasAttribute('href')) expect(el.getAttribute('rel')).toBe('noopener noreferrer');
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

  it('HTML whose frameset replaces the body has no text: an empty answer, not a crash', () => {
    expect(htmlToMarkdown('<frameset><frame src="https://evil.example"></frameset><p>after</p>')).toBe('');
    expect(sanitiseHtml('  <frameset>')).toBe('');
    expect(lines(importText('g.json', JSON.stringify({ articles: [{ id: 1, title: 'F', body: '<frameset>' }] })))).toEqual([
      'g.json article 1 (id 1), body: has no text once formatting is removed; every entry needs an answer (body)',
    ]);
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

  // The panel renders what is stored, and a stored body may predate today's import rules.
  it.each(VECTORS.map((v, i) => [i + 1, v]))('vector %i as a stored body renders to the subset only (renderMarkdown)', (_i, vector) => {
    assertSubsetHtml(render(`Hello\n\n${vector}`));
  });

  it.each(VECTORS.map((v, i) => [i + 1, v]))('vector %i as a stored body is inserted as the subset only (forInsert)', (_i, vector) => {
    const inserted = forInsert(`Hello\n\n${vector}`, WINDOW as unknown as Parameters<typeof forInsert>[1]);
    assertSubsetHtml(inserted.rendered);
    assertInertHtml(inserted.html);
  });

  it.each(VECTORS.map((v, i) => [i + 1, v]))('vector %i as HTML is cut down to the subset (sanitiseHtml)', (_i, vector) => {
    assertSubsetHtml(sanitiseHtml(`<p>Hello</p>${vector}`));
  });

  it('the panel renders an imported body exactly as plain marked does, links aside: import left nothing to remove', () => {
    for (const v of VECTORS) {
      const md = htmlToMarkdown(`<p>x</p>${v}`);
      const plain = marked.parse(md, { ...MARKED_OPTIONS, async: false });
      const shown = render(md).replace(/ target="_blank" rel="noopener noreferrer"/g, '');
      expect(parse(shown).body.innerHTML, v).toBe(parse(plain).body.innerHTML.replace(/<h[12]>/g, '<h3>').replace(/<\/h[12]>/g, '</h3>'));
    }
  });
});
