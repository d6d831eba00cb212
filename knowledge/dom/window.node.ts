import { createRequire } from 'node:module';

/**
 * The DOM the sanitiser works in, under Node (CLI, unit tests): a jsdom window, the DOM
 * DOMPurify is tested against on servers. Loaded on first use, so CLI commands that never
 * sanitise do not pay for it. The panel gets knowledge/dom/window.browser.ts instead
 * (package.json "imports", condition "node"), so jsdom never reaches the bundle.
 */
let made: typeof globalThis | undefined;

export function domWindow(): typeof globalThis {
  if (!made) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as typeof import('jsdom');
    made = new JSDOM('').window as unknown as typeof globalThis;
  }
  return made;
}
