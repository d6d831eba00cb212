import { Marked, type Tokens } from 'marked';
import { MARKED_OPTIONS } from './markdown.ts';
import { sanitiseHtml } from './sanitise.ts';

/**
 * An entry body as HTML: what the panel shows and what a rich editor receives on insert.
 * marked renders the knowledge Markdown subset (knowledge/markdown.ts), then the one sanitiser
 * (knowledge/sanitise.ts) keeps only the subset's HTML: no images (nothing remote loads), no raw
 * HTML (shown as text), links only to http/https/mailto, opened in a new tab without opener.
 */

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const marked = new Marked({
  ...MARKED_OPTIONS,
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

export function renderMarkdown(source: string): string {
  return sanitiseHtml(marked.parse(source, { async: false }));
}
