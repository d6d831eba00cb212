import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { domWindow } from '#dom-window';
import { DROPPED_WITH_CONTENT, SAFE_HREF, SUBSET_ATTRIBUTES, SUBSET_TAGS } from './html-subset.ts';

/**
 * The one sanitiser, on every path: import (CLI and panel) and the panel's render. DOMPurify
 * parses with the DOM that will read the result (the panel's own, jsdom under Node), so there
 * is no second parser whose reading could differ, and it adds no parser of its own to the panel.
 * The allow-list is knowledge/html-subset.ts. A caller may pass the window to work in (the panel
 * its own, `kb preview` a jsdom one); by default it is #dom-window's.
 */

const POLICY = {
  ALLOWED_TAGS: [...SUBSET_TAGS],
  ALLOWED_ATTR: [...SUBSET_ATTRIBUTES],
  // `start` is a number, not a URL: DOMPurify would otherwise test it against ALLOWED_URI_REGEXP.
  ADD_URI_SAFE_ATTR: ['start'],
  ALLOWED_URI_REGEXP: SAFE_HREF,
  FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
} satisfies Config;

/** Elements other sources use for what the subset has, renamed on import instead of flattened. */
const RENAMED: Record<string, string> = {
  h1: 'h3', h2: 'h3', h5: 'h4', h6: 'h4',
  ...Object.fromEntries(
    [
      'div', 'pre', 'blockquote', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav',
      'table', 'tr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'address', 'details', 'summary', 'center',
      'hgroup', 'caption', 'fieldset', 'legend', 'form', 'hr',
    ].map((tag) => [tag, 'p']),
  ),
};

const purifiers = new WeakMap<WindowLike, DOMPurify>();

function purify(win: WindowLike = domWindow()): DOMPurify {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = createDOMPurify(win);
    // Links open in a new tab that cannot reach back to the panel, and send no referrer.
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName !== 'A' || !node.hasAttribute('href')) return;
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    });
    purifiers.set(win, purifier);
  }
  return purifier;
}

/** `html` cut down to the subset: what the panel shows and what a rich editor receives. */
export function sanitiseHtml(html: string, win?: WindowLike): string {
  return purify(win).sanitize(html, POLICY);
}

/**
 * HTML from another tool (Zendesk articles and macros, Markdown with HTML in it), for import:
 * headings and blocks the subset lacks become h3/h4 and paragraphs, then the same allow-list.
 */
export function sanitiseImportedHtml(html: string): string {
  const fragment = purify().sanitize(html, {
    ...POLICY,
    ALLOWED_TAGS: [...POLICY.ALLOWED_TAGS, ...Object.keys(RENAMED)],
    RETURN_DOM_FRAGMENT: true,
  });
  // A leading <frameset> replaces the body: there is no content, and DOMPurify returns null.
  if (!fragment) return '';
  const doc = fragment.ownerDocument;
  // A tree walk, not querySelectorAll: with 31 selectors that is 20 times slower under jsdom.
  const walker = doc.createTreeWalker(fragment, 1 /* NodeFilter.SHOW_ELEMENT */);
  const found: Element[] = [];
  while (walker.nextNode()) if (Object.hasOwn(RENAMED, (walker.currentNode as Element).localName)) found.push(walker.currentNode as Element);
  for (const el of found) {
    const renamed = doc.createElement(RENAMED[el.localName]!);
    renamed.append(...Array.from(el.childNodes));
    el.replaceWith(renamed);
  }
  const out = doc.createElement('div');
  out.append(fragment);
  return out.innerHTML;
}

/** The text of `html`, with what DROPPED_WITH_CONTENT names taken out. */
export function htmlText(html: string): string {
  // `?.`: null for a leading <frameset>, as above.
  return purify().sanitize(html, { ...POLICY, ALLOWED_TAGS: ['#text'], RETURN_DOM_FRAGMENT: true })?.textContent ?? '';
}
