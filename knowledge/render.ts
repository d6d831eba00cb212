import type { WindowLike } from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { sanitiseHtml } from './sanitise.ts';

/**
 * Entry bodies are rendered by marked, then cut down by the one sanitiser (knowledge/sanitise.ts,
 * the allow-list of knowledge/html-subset.ts, as on import): no images (nothing remote loads), no
 * raw HTML (shown as text), links only to http/https/mailto, opened in a new tab without opener
 * or referrer. The panel passes its window; the command line (kb preview) passes a jsdom window,
 * so both render alike.
 */

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** As knowledge/markdown.ts reads the subset (MARKED_OPTIONS); not imported from there, which would bring Turndown along. */
export const RENDER_OPTIONS = { gfm: true, breaks: true } as const;

const marked = new Marked({
  ...RENDER_OPTIONS,
  renderer: {
    // Raw HTML in a knowledge file is text, never markup.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    image: ({ text }: Tokens.Image) => escapeHtml(text),
    heading({ tokens, depth }: Tokens.Heading) {
      const level = depth <= 3 ? 3 : 4;
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

/** The answer as safe HTML: for display in the panel and for rich editors on insert. */
export function renderMarkdown(source: string, win: WindowLike): string {
  return sanitiseHtml(marked.parse(source, { async: false }), win);
}
