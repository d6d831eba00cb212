/**
 * Small DOM readers shared by the helpdesk adapters. They run on every DOM-change batch, so they
 * use querySelector and textContent only: no innerText, no getComputedStyle (both force layout).
 */

/** Elements whose content is never message text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'input',
  'svg', 'img', 'video', 'audio', 'canvas', 'iframe', 'object', 'head', 'title', 'meta', 'link',
]);

/** Elements that start and end a line, like the browser's own rendering of them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'pre', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul',
]);

/** Hidden by markup alone (attributes and inline style): what can be known without layout. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.classList.contains('hidden')) return true;
  // The style attribute's text, not el.style: parsing a CSSStyleDeclaration per element is slow.
  const style = el.getAttribute('style');
  return style !== null && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

/** True when the element or one of its ancestors is hidden by markup. */
export function isHiddenInTree(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isHidden(e)) return true;
  return false;
}

function isPre(el: Element): boolean {
  if (el.localName === 'pre') return true;
  const style = el.getAttribute('style');
  return style !== null && /(^|;)\s*white-space\s*:\s*(pre|break-spaces)/i.test(style);
}

const BR = -1;
type Piece = string | number;

function walk(node: Node, out: Piece[], skip: string | undefined, pre: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const t = (child.nodeValue ?? '').replace(/\u00a0/g, ' ');
      out.push(pre ? t : t.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const name = el.localName;
    if (SKIPPED.has(name) || isHidden(el) || (skip !== undefined && el.matches(skip))) continue;
    if (name === 'br') {
      out.push(BR);
      continue;
    }
    const breaks = name === 'p' ? 2 : BLOCKS.has(name) ? 1 : 0;
    if (breaks) out.push(breaks);
    walk(el, out, skip, pre || isPre(el));
    if (breaks) out.push(breaks);
  }
}

function trailingNewlines(s: string): number {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\n'; i--) n++;
  return n;
}

function join(pieces: Piece[]): string {
  let s = '';
  let pending = 0;
  const breakLine = (count: number) => {
    s = s.replace(/[ \t]+$/, '');
    if (s.length) s += '\n'.repeat(Math.max(0, count - trailingNewlines(s)));
  };
  for (const p of pieces) {
    if (p === BR) {
      breakLine(pending);
      s += '\n';
      pending = 0;
    } else if (typeof p === 'number') {
      pending = Math.max(pending, p);
    } else if (pending > 0) {
      if (p.trim() === '') continue; // whitespace between blocks is not content
      breakLine(pending);
      pending = 0;
      s += p;
    } else {
      s += p;
    }
  }
  return s;
}

/**
 * The text of an element as the page shows it: line breaks from <br>, blocks and preformatted
 * text kept, other whitespace collapsed, hidden/script/style/buttons left out, at most one blank
 * line in a row. `skip` is a selector for UI chrome inside the element ("Show more", timestamps).
 */
export function blockText(root: Element | null | undefined, skip?: string): string {
  if (!root) return '';
  const pieces: Piece[] = [];
  walk(root, pieces, skip, isPre(root));
  return join(pieces)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of text (names, subjects, ids): all whitespace collapsed. */
export function lineText(el: Element | null | undefined): string {
  if (!el) return '';
  if (el.localName === 'input') return (el as HTMLInputElement).value.replace(/\s+/g, ' ').trim();
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of the element's own text nodes, leaving out child elements (badges, buttons). */
export function ownText(el: Element | null | undefined): string {
  if (!el) return '';
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) s += c.nodeValue ?? '';
  return s.replace(/\s+/g, ' ').trim();
}

/** The first element matching any of the selectors, tried in order (fallbacks). */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/** All elements matching the first selector that matches anything (fallbacks, not a union). */
export function all(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const sel of selectors) {
    const list = root.querySelectorAll(sel);
    if (list.length) return Array.from(list);
  }
  return [];
}

/** The first non-empty one-line text among the selectors. */
export function firstText(root: ParentNode, selectors: readonly string[]): string {
  for (const sel of selectors) {
    const t = lineText(root.querySelector(sel));
    if (t) return t;
  }
  return '';
}

/** A machine-readable timestamp (time[datetime] or a data attribute) normalised to ISO 8601. */
export function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An e-mail address inside a text ("Carol <carol@example.org>"), or undefined. */
export function emailIn(text: string | null | undefined): string | undefined {
  const m = /[^\s<>"'@:]+@[^\s<>"'@]+\.[^\s<>"'@]+/.exec(text ?? '');
  return m ? m[0].replace(/[.,;:)]+$/, '').toLowerCase() : undefined;
}

/** The first element that is not hidden by markup, or null. */
export function firstVisible(root: ParentNode, selectors: readonly string[]): HTMLElement | null {
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(sel))) if (!isHiddenInTree(el)) return el;
  }
  return null;
}

/** Which editor Insert writes into: the reply to the customer, or an internal note (only when the agent chose it). */
export type EditorRole = 'reply' | 'note';

/** How an adapter finds the editors on its page and tells the reply from an internal note. */
export interface EditorSpec {
  /** Editable elements (both roles), fallbacks in order. */
  editors: readonly string[];
  /**
   * The ticket thread and its messages. A customer's message can hold a copy of editor markup
   * (pasted HTML, a forwarded mail): an editor in there is never a place to type.
   */
  thread: string;
  /** The editor is an internal note's (not a reply the customer receives). */
  isNote(editor: HTMLElement): boolean;
  /** Open and visible; by default not hidden by markup. */
  shown?(editor: HTMLElement): boolean;
}

/** The first open editor of that role outside the thread, or null. Never guesses from focus. */
export function findEditor(root: ParentNode, spec: EditorSpec, role: EditorRole): HTMLElement | null {
  const shown = spec.shown ?? ((el: HTMLElement) => !isHiddenInTree(el));
  for (const sel of spec.editors) {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(sel))) {
      if (el.closest(spec.thread) || !shown(el)) continue;
      if (spec.isNote(el) === (role === 'note')) return el;
    }
  }
  return null;
}
