import { Lexer, Parser, type Token, type Tokens } from 'marked';
import TurndownService from 'turndown';
import { SAFE_HREF } from './html-subset.ts';
import { htmlText, sanitiseImportedHtml } from './sanitise.ts';

/**
 * The Markdown subset entry bodies are written in (see knowledge/formats/README.md):
 * paragraphs, line breaks (a single newline is a line break), **bold**, *italic*,
 * links to http/https/mailto, bullet and numbered lists, headings ### and ####, `inline code`.
 * Anything else (raw HTML, images, tables, quotes, code blocks, other link targets) is
 * flattened to text. knowledge/render.ts renders it; knowledge/html-subset.ts is the HTML it renders to.
 */
export const MARKED_OPTIONS = { gfm: true, breaks: true } as const;

/** True when every token of `md` is in the subset, so it can be kept exactly as written. */
export function isSubsetMarkdown(md: string): boolean {
  const lexer = new Lexer(MARKED_OPTIONS);
  return lexer.lex(md).every(allowed);
}

function allowed(token: Token): boolean {
  switch (token.type) {
    case 'space':
    case 'text':
    case 'escape':
    case 'br':
    case 'codespan':
    case 'paragraph':
    case 'strong':
    case 'em':
    case 'list':
    case 'list_item':
    case 'checkbox':
      return children(token).every(allowed);
    case 'heading':
      return (token as Tokens.Heading).depth >= 3 && (token as Tokens.Heading).depth <= 4 && children(token).every(allowed);
    case 'link': {
      const link = token as Tokens.Link;
      return SAFE_HREF.test(link.href) && !link.title && children(token).every(allowed);
    }
    default:
      return false;
  }
}

function children(token: Token): Token[] {
  const t = token as { tokens?: Token[]; items?: Token[] };
  return [...(t.tokens ?? []), ...(t.items ?? [])];
}

/** Markdown from any source, brought into the subset: kept as written when it already is. */
export function toSubsetMarkdown(md: string): string {
  if (isSubsetMarkdown(md)) return md;
  const lexer = new Lexer(MARKED_OPTIONS);
  const html = renderTokens(lexer.lex(md));
  return htmlToMarkdown(html);
}

function renderTokens(tokens: Token[]): string {
  return Parser.parse(tokens as Parameters<typeof Parser.parse>[0], MARKED_OPTIONS);
}

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  emDelimiter: '*',
  strongDelimiter: '**',
  codeBlockStyle: 'fenced',
  br: '',
});
// One space after a list marker (Turndown's default is three), as people write lists by hand.
turndown.addRule('listItem', {
  filter: 'li',
  replacement(content, node, options) {
    const parent = node.parentNode as HTMLElement | null;
    let prefix = `${options.bulletListMarker} `;
    if (parent?.nodeName === 'OL') {
      const start = Number(parent.getAttribute('start') ?? '1') || 1;
      prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
    }
    const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
    return prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
  },
});
// Turndown leaves `<` as it is; text like "&lt;script&gt;" must not become a tag in Markdown.
const defaultEscape = turndown.escape.bind(turndown);
// Nor does it escape a lone "#" on a line (an empty heading) or ~ (strikethrough in GFM).
// A "!" ending a text right before a link would turn the link into an image.
turndown.escape = (s: string) =>
  defaultEscape(s).replace(/</g, '\\<').replace(/~/g, '\\~').replace(/^(#{1,6})$/gm, '\\$1').replace(/!$/, '\\!');
// Empty bold or italic ("****") would read as a horizontal rule.
turndown.addRule('strong', { filter: ['strong', 'b'], replacement: (c) => (c.trim() ? `**${c}**` : c) });
turndown.addRule('emphasis', { filter: ['em', 'i'], replacement: (c) => (c.trim() ? `*${c}*` : c) });
// Links with no text would vanish when rendered; keep only links a person can see.
turndown.addRule('inlineLink', {
  filter: (node) => node.nodeName === 'A' && Boolean(node.getAttribute('href')),
  replacement: (content, node) => {
    const href = (node as HTMLElement).getAttribute('href')!.replace(/[()\s]/g, encodeURIComponent);
    return content.trim() ? `[${content}](${href})` : '';
  },
});

// Private-use characters mark placeholders so Turndown does not escape their underscores.
// Only plain tokens are protected: a fallback holding Markdown syntax goes through escaping.
const PLACEHOLDER_IN_HTML = /\{\{\s*[A-Za-z_][\w.]*\s*(?:\|[^{}<>[\]()*_`\\!#~]*)?\}\}/g;

/** Sanitised HTML (no script, handlers or unsafe URLs survive) turned into the subset. */
export function htmlToMarkdown(html: string): string {
  const kept: string[] = [];
  const marked = html
    .replace(/[\uE000\uE001]/g, '')
    .replace(PLACEHOLDER_IN_HTML, (token) => `\uE000${kept.push(decodeBasicEntities(token)) - 1}\uE001`)
    .replace(/<\/(td|th)\s*>/gi, ' $&')
    // A code block becomes plain lines, not inline code.
    .replace(/<pre\b[^>]*>\s*<code\b[^>]*>([\s\S]*?)<\/code>\s*<\/pre>/gi, (_m, code: string) => `<p>${code.replace(/\n/g, '<br>')}</p>`);
  let md = turndown.turndown(sanitiseImportedHtml(marked));
  // Odd nesting (a paragraph inside bold, ...) can make Turndown write syntax outside the subset.
  if (!isSubsetMarkdown(md)) md = escapedPlainText(marked);
  return md.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)] ?? '');
}

/** The last resort: the text alone, every ASCII punctuation mark escaped, so nothing is markup. */
function escapedPlainText(html: string): string {
  const text = htmlText(
    html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h[1-6]|tr|pre|blockquote|ul|ol|table)\s*>/gi, '\n\n'),
  );
  return text
    .split('\n')
    .map((line) => line.trim().replace(/[!-/:-@[-`{-~]/g, '\\$&'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeBasicEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&nbsp;/g, ' ');
}
