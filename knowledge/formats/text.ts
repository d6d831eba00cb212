/** Text clean-up shared by every format: the same input always gives the same standard text. */

// Zero-width characters and the byte-order mark carry no meaning in an answer.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\uE000\uE001]/g;
// Control characters other than tab and newline.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

/** NFC, LF line endings, no invisible or control characters, ordinary spaces. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .replace(LONE_SURROGATE, '\uFFFD');
}

// Half of a UTF-16 pair cannot be written as UTF-8: it becomes the replacement character.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Field names that cannot be keys of a plain object: `__proto__` would set the prototype instead
 * (and zod drops it), so such a field is reported as not imported rather than silently lost.
 */
export const RESERVED_NAME = /^__proto__$/;
export const RESERVED_NAME_DROPPED = 'is a name JavaScript reserves; it was not imported (rename the field)';

/** One line: every run of whitespace becomes one space; trimmed. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ').trim();
}

/** A multi-line body: no trailing spaces, at most one blank line in a row, trimmed. */
export function cleanBody(s: string): string {
  return cleanText(s)
    .replace(/\t/g, '    ')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A stable id from a title: "Where is my order?" -> "where-is-my-order". */
export function slugify(title: string, max = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || `entry-${fnv1a(title)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable ids for titles with no Latin letters. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
