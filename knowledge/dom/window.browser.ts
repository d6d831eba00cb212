/**
 * The DOM the sanitiser works in, in the extension's pages: the page's own window (its parser is
 * the one that will read the HTML). Node gets knowledge/dom/window.node.ts (package.json "imports").
 */
export function domWindow(): typeof globalThis {
  return window;
}
