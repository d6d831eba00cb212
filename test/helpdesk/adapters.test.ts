/**
 * Every adapter over every saved page: the adapter chosen by URL reads exactly the expected
 * ticket (or fails naming what it could not find), finds the reply editor, and no other adapter
 * claims the URL. A convention test keeps every adapter paired with its pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../entrypoints/helpdesk.content/adapters';
import type { TicketField } from '../../entrypoints/helpdesk.content/adapter';
import { deepAll } from '../../entrypoints/helpdesk.content/dom';
import { Ticket } from '../../knowledge/ticket';
import { COPY_MARK, FIXTURES_DIR, loadFixtures } from './fixtures';

const fixtures = loadFixtures();
const MAX_FIXTURE_BYTES = 80 * 1024;

/** Each page's label names where its markup comes from (hosted helpdesks: the sources and their dates). */
const label = (f: (typeof fixtures)[number]) => `${f.folder}/${f.name}${f.expected.source ? ` [${f.expected.source}]` : ''}`;

describe.each(fixtures.map((f) => [label(f), f] as const))('%s', (_label, fixture) => {
  const { expected } = fixture;
  const url = new URL(expected.url);
  const settings = expected.generic ? { genericSelectors: [expected.generic] } : {};
  const adapter = adapterFor(url, settings);

  it('is read by the adapter of its folder, chosen by URL', () => {
    expect(adapter?.id).toBe(fixture.folder);
  });

  it('is claimed by no other adapter', () => {
    const others = ADAPTERS.filter((a) => a.id !== fixture.folder && a.matches(url)).map((a) => a.id);
    expect(others).toEqual([]);
  });

  it(expected.ticket ? 'reads the expected ticket' : `fails naming "${expected.fails}"`, () => {
    const result = adapter!.readTicket(fixture.document(), url);
    if (expected.ticket) {
      expect(result).toEqual({ ok: true, ticket: expected.ticket });
      expect(() => Ticket.parse(result.ok && result.ticket)).not.toThrow();
    } else {
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ helpdesk: fixture.folder });
      expect(!result.ok && result.reason).toContain(expected.fails);
    }
  });

  it(`finds the reply editor (${expected.replyBox ?? 'none open'}), never a note's or a copy inside a message`, () => {
    const doc = fixture.document();
    const box = adapter!.findReplyBox(doc);
    expect(box).toBe(outsideCopies(doc, expected.replyBox));
  });

  it(`finds the internal-note editor (${expected.noteBox ?? 'none open'}), never the reply or a copy inside a message`, () => {
    const doc = fixture.document();
    const box = adapter!.findNoteBox(doc);
    expect(box).toBe(outsideCopies(doc, expected.noteBox ?? null));
  });
});

/** The element the expected selector names (open shadow roots included), leaving out copies of editor markup planted in a message. */
function outsideCopies(doc: Document, selector: string | null): Element | null {
  if (selector === null) return null;
  const el = deepAll(doc, [selector]).find((e) => !e.closest(`[${COPY_MARK}]`));
  expect(el, `the fixture has ${selector}`).toBeDefined();
  return el!;
}

describe('conventions', () => {
  const folders = readdirSync(FIXTURES_DIR);

  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s says what it was written against and has a page it reads, with a reply editor', (id, adapter) => {
    expect(adapter.writtenAgainst.trim().length).toBeGreaterThan(10);
    expect(folders).toContain(id);
    const own = fixtures.filter((f) => f.folder === id);
    expect(own.filter((f) => f.expected.ticket).length).toBeGreaterThanOrEqual(1);
    expect(own.some((f) => f.expected.replyBox !== null)).toBe(true);
  });

  it.each(ADAPTERS.map((a) => [a.id] as const).concat([['generic']]))(
    '%s has a page with the internal note open and one with a copy of editor markup inside a customer message',
    (id) => {
      const own = fixtures.filter((f) => f.folder === id);
      expect(own.some((f) => f.name.endsWith('-note-open') && f.expected.replyBox === null)).toBe(true);
      expect(own.some((f) => f.name.endsWith('-editor-in-message') && f.document().querySelector(`[${COPY_MARK}]`))).toBe(true);
    },
  );

  const hostedAdapters = ADAPTERS.filter((a) => a.hosts).map((a) => [a.id, a] as const);

  it.each(hostedAdapters)('%s declares the independent source and date behind each field it reads', (_id, adapter) => {
    const evidence = Object.entries(adapter.evidence ?? {});
    expect(evidence.length).toBeGreaterThan(0);
    for (const [field, source] of evidence) expect(source, field).toMatch(/\b20\d\d(-\d\d){0,2}\b|undated/);
  });

  it.each(hostedAdapters)('%s: every page names its source, in the page and in the expected ticket, and one is built from current evidence', (id) => {
    const own = fixtures.filter((f) => f.folder === id);
    for (const f of own) {
      expect(f.expected.source, f.name).toMatch(/\S/);
      expect(f.expected.era, f.name).toMatch(/^(current|legacy)$/);
      expect(readFileSync(f.htmlPath, 'utf8'), f.name).toMatch(/<!-- source: /);
    }
    expect(own.filter((f) => f.expected.era === 'current').length).toBeGreaterThanOrEqual(1);
  });

  it.each(hostedAdapters)('%s reads from evidence-built pages only the fields its evidence backs (the rest stay optional)', (id, adapter) => {
    const backed = new Set(Object.keys(adapter.evidence ?? {}));
    for (const f of fixtures.filter((x) => x.folder === id && x.expected.era === 'current')) {
      const t = f.expected.ticket;
      if (!t) {
        // No evidence for the thread: the read fails on the messages, never on a field that has evidence.
        expect(backed.has('messages'), f.name).toBe(false);
        expect(f.expected.fails, f.name).toBe('no message from the customer');
        continue;
      }
      const read: TicketField[] = ['messages'];
      if (t.subject) read.push('subject');
      if (t.requester.name) read.push('requester.name');
      if (t.requester.email) read.push('requester.email');
      if (t.tags.length) read.push('tags');
      if (t.status) read.push('status');
      if (t.thread.some((m) => m.direction === 'note')) read.push('notes');
      if (t.thread.some((m) => m.direction === 'agent')) read.push('direction');
      if (f.expected.replyBox) read.push('replyBox');
      expect(read.filter((field) => !backed.has(field)), f.name).toEqual([]);
    }
  });

  it('self-hosted helpdesks have two real pages each', () => {
    for (const id of ['osticket', 'freescout']) {
      expect(fixtures.filter((f) => f.folder === id && f.expected.ticket).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('every fixture folder belongs to an adapter', () => {
    const ids = [...ADAPTERS.map((a) => a.id), 'generic'];
    expect(folders.filter((f) => !ids.includes(f))).toEqual([]);
  });

  it('every page has its expected JSON and stays under 80 KB', () => {
    for (const folder of folders) {
      const files = readdirSync(join(FIXTURES_DIR, folder));
      for (const html of files.filter((f) => f.endsWith('.html'))) {
        expect(files).toContain(html.replace(/\.html$/, '.expected.json'));
      }
    }
    expect(fixtures.filter((f) => f.bytes > MAX_FIXTURE_BYTES).map((f) => f.name)).toEqual([]);
  });

  it('adapters stay cheap and small: no innerText (layout), no zod or React at runtime', () => {
    const dir = join(import.meta.dirname, '../../entrypoints/helpdesk.content');
    // The adapters and what they import; the content script's other files belong to its wiring.
    const files = ['adapter.ts', 'dom.ts', ...readdirSync(join(dir, 'adapters')).map((f) => `adapters/${f}`)];
    for (const file of files) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/\.innerText\b|getComputedStyle\(|getBoundingClientRect\(/);
      expect(code, file).not.toMatch(/from '(zod|react)'/);
      expect(code, file).not.toMatch(/^import \{[^}]*\} from '[./]*knowledge\/ticket'/m);
    }
  });
});
