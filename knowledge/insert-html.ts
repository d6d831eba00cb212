/**
 * The HTML handed to a rich editor on insert. Built from the approved plain text (paragraphs,
 * line breaks, bare links) or, when the panel rendered the entry's Markdown, from that HTML
 * cut down to the knowledge subset: nothing else from a knowledge file reaches a helpdesk page.
 */

import { DROPPED_WITH_CONTENT, SAFE_HREF, SUBSET_TAGS } from './html-subset';

// The allow-list shared with import and the panel's render; no sanitiser library in the content
// script: copyKept builds new nodes from it, so nothing else from the given HTML can survive.
const KEPT_TAGS = new Set<string>(SUBSET_TAGS.map((t) => t.toUpperCase()));
const DROPPED_TAGS = new Set<string>(DROPPED_WITH_CONTENT.map((t) => t.toUpperCase()));
const URL_IN_TEXT = /\b(?:https?:\/\/|mailto:)[^\s<>"]*[^\s<>".,;:!?)\]'}]/gi;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function linkify(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_IN_TEXT)) {
    out += escapeHtml(line.slice(last, m.index)) + `<a href="${escapeHtml(m[0])}">${escapeHtml(m[0])}</a>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(line.slice(last));
}

/** Blank lines separate paragraphs; a single newline is a line break (as in the entry's Markdown). */
export function textToHtml(text: string): string {
  return splitParagraphs(text)
    .map((para) => `<p>${para.map(linkify).join('<br>')}</p>`)
    .join('');
}

/** Paragraphs as lists of lines; CRLF and trailing blank lines are tidied. */
export function splitParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((p) => p.split('\n'));
}

/**
 * `html` parsed into the body of a new document by DOMParser: an inert document, where nothing
 * loads, runs or fires while we walk it (and no innerHTML assignment, which Firefox's add-on
 * linter flags). `doc` lends its window's parser (jsdom in the unit tests).
 */
export function parseInert(html: string, doc: Document): HTMLElement {
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  return new Parser().parseFromString(html, 'text/html').body;
}

/** `html` reduced to the knowledge subset (tags above, http/https/mailto links, no attributes). */
export function cleanHtml(html: string, doc: Document): string {
  const src = parseInert(html, doc);
  const out = src.ownerDocument.createElement('div');
  copyKept(src, out, src.ownerDocument);
  return out.innerHTML;
}

function copyKept(from: Node, to: Node, doc: Document): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === 3) {
      to.appendChild(doc.createTextNode(child.textContent ?? ''));
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (DROPPED_TAGS.has(el.tagName.toUpperCase())) continue;
      if (!KEPT_TAGS.has(el.tagName)) {
        copyKept(el, to, doc);
        continue;
      }
      const copy = doc.createElement(el.tagName.toLowerCase());
      const href = el.getAttribute('href')?.trim();
      if (el.tagName === 'A' && href && SAFE_HREF.test(href)) copy.setAttribute('href', href);
      copyKept(el, copy, doc);
      to.appendChild(copy);
    }
  }
}

const BLOCKS = new Set(['P', 'UL', 'OL', 'H3', 'H4']);

/**
 * For editors whose paragraphs have no margin (Quill): an empty paragraph between blocks, so
 * paragraphs stay a blank line apart as the answer shows them, instead of running together.
 */
export function spaceBlocks(html: string, doc: Document): string {
  const root = parseInert(html, doc);
  const inert = root.ownerDocument;
  const blocks = Array.from(root.children).filter((el) => BLOCKS.has(el.tagName));
  for (const block of blocks.slice(1)) {
    const spacer = inert.createElement('p');
    spacer.appendChild(inert.createElement('br'));
    root.insertBefore(spacer, block);
  }
  return root.innerHTML;
}

/**
 * Plain text of (cleaned) answer HTML, for textareas and as text/plain: paragraphs apart by a blank
 * line, list items as "- " or "1. " lines, links as "label (url)" so the address survives.
 */
export function htmlToText(html: string, doc: Document): string {
  return blockText(parseInert(html, doc)).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function blockText(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out += (child.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName;
    if (tag === 'BR') out += '\n';
    else if (tag === 'UL' || tag === 'OL') {
      const items = Array.from(el.children).filter((li) => li.tagName === 'LI');
      out += '\n\n' + items.map((li, i) => `${tag === 'OL' ? `${i + 1}.` : '-'} ${blockText(li).trim()}`).join('\n') + '\n\n';
    } else if (tag === 'A') {
      const label = blockText(el).trim();
      const href = el.getAttribute('href') ?? '';
      out += href && href !== label && href !== `mailto:${label}` ? `${label} (${href})` : label;
    } else if (/^(P|H[1-6]|DIV|LI)$/.test(tag)) out += '\n\n' + blockText(el).trim() + '\n\n';
    else out += blockText(el);
  }
  return out;
}
