/** Loads the saved helpdesk pages in test/fixtures/helpdesk/<adapter id>/<name>.html and their expected JSON. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { GenericSelectors } from '../../entrypoints/helpdesk.content/adapters/generic';
import type { Ticket } from '../../knowledge/ticket';

export const FIXTURES_DIR = join(import.meta.dirname, '../fixtures/helpdesk');
/** Marks a copy of editor markup planted in a customer message (make-reply-note-variants.ts): never a candidate. */
export const COPY_MARK = 'data-copy-in-message';

export interface Expected {
  url: string;
  /** Saved selectors, for the generic adapter's fixtures. */
  generic?: GenericSelectors;
  ticket?: Ticket;
  /** A substring of the reason readTicket gives when the markup changed. */
  fails?: string;
  /** Selector of the reply editor findReplyBox must return, or null when none is open. */
  replyBox: string | null;
  /** Selector of the internal-note editor findNoteBox must return; absent or null when none is open. */
  noteBox?: string | null;
}

export interface Fixture {
  folder: string;
  name: string;
  htmlPath: string;
  bytes: number;
  expected: Expected;
  document(): Document;
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const folder of readdirSync(FIXTURES_DIR).sort()) {
    for (const file of readdirSync(join(FIXTURES_DIR, folder)).sort()) {
      if (!file.endsWith('.html')) continue;
      const htmlPath = join(FIXTURES_DIR, folder, file);
      const expectedPath = htmlPath.replace(/\.html$/, '.expected.json');
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
      out.push({
        folder,
        name: file.replace(/\.html$/, ''),
        htmlPath,
        bytes: statSync(htmlPath).size,
        expected,
        document: () => new JSDOM(readFileSync(htmlPath, 'utf8'), { url: expected.url }).window.document,
      });
    }
  }
  return out;
}
