import DOMPurify, { type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import { Marked, type Tokens } from 'marked';

/**
 * Entry bodies are rendered marked -> DOMPurify, allowing only the knowledge Markdown subset
 * (knowledge/markdown.ts): no images (nothing remote loads), no raw HTML (shown as text), links
 * only to http/https/mailto, opened in a new tab without opener or referrer. The panel passes its
 * window; the command line (kb preview) passes a jsdom window, so both render alike.
 */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'a', 'ul', 'ol', 'li', 'h3', 'h4', 'code'];
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** As knowledge/markdown.ts reads the subset (MARKED_OPTIONS); not imported from there, which would bring sanitize-html into the panel. */
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

const purifiers = new WeakMap<WindowLike, Purifier>();
function purify(html: string, win: WindowLike): string {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = DOMPurify(win);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName !== 'A') return;
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_HREF.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    });
    purifiers.set(win, purifier);
  }
  return purifier.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'target', 'rel'], ALLOW_DATA_ATTR: false });
}

/** The answer as safe HTML: for display in the panel and for rich editors on insert. */
export function renderMarkdown(source: string, win: WindowLike): string {
  return purify(marked.parse(source, { async: false }), win);
}
