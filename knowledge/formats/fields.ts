import { ENTRY_STATUSES, ID_PATTERN, LIMITS, LOCALE_PATTERN, isRealDate, type EntryStatus } from '../entry.ts';
import { quote } from '../problems.ts';
import { cleanLine } from './text.ts';

/** Each check returns the standard value, or a message saying what is wrong with it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(message: string): Checked<T> => ({ ok: false, message });

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Strings, and numbers a spreadsheet or YAML may have turned an id or version into. */
export function asText(v: unknown, what: string): Checked<string> {
  if (typeof v === 'string') return ok(v);
  if (typeof v === 'number' && Number.isFinite(v)) return ok(String(v));
  if (typeof v === 'boolean') return ok(String(v));
  return bad(`should be ${what}, not ${describe(v)}`);
}

export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a set of fields';
  if (typeof v === 'string') return `the text ${quote(v)}`;
  if (typeof v === 'number') return `the number ${quote(v)}`;
  return quote(v);
}

export function checkLength(value: string, limit: number): string | undefined {
  return value.length > limit
    ? `is ${value.length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}`
    : undefined;
}

export function checkId(raw: string): Checked<string> {
  const id = cleanLine(raw);
  const long = checkLength(id, LIMITS.id);
  if (long) return bad(long);
  if (!ID_PATTERN.test(id)) {
    return bad(`${quote(id)} is not a usable id: use letters, digits and . _ : - only, starting with a letter or digit`);
  }
  return ok(id);
}

export function checkStatus(raw: string): Checked<EntryStatus> {
  const s = cleanLine(raw).toLowerCase().replace(/[\s-]+/g, '_');
  if ((ENTRY_STATUSES as readonly string[]).includes(s)) return ok(s as EntryStatus);
  return bad(`${quote(raw)} is not a status; use one of ${ENTRY_STATUSES.join(', ')}`);
}

/** "en_us", "EN-gb" -> "en-US", "en-GB". */
export function checkLocale(raw: string): Checked<string> {
  const parts = cleanLine(raw).replace(/_/g, '-').split('-');
  const tag = parts
    .map((p, i) => {
      if (i === 0) return p.toLowerCase();
      if (p.length === 4) return p[0]!.toUpperCase() + p.slice(1).toLowerCase();
      return p.toUpperCase();
    })
    .join('-');
  if (LOCALE_PATTERN.test(tag)) return ok(tag);
  return bad(`${quote(raw)} is not a language tag (e.g. en, en-GB, de, pt-BR)`);
}

export function checkDate(raw: string): Checked<string> {
  const s = cleanLine(raw);
  // YAML and spreadsheets sometimes add a midnight time to a date.
  const day = /^\d{4}-\d{2}-\d{2}(T00:00(:00(\.000)?)?Z?)?$/.test(s) ? s.slice(0, 10) : s;
  if (isRealDate(day)) return ok(day);
  return bad(`${quote(raw)} is not a date (write it as YYYY-MM-DD, e.g. 2027-03-31)`);
}

export function checkDateTime(raw: string): Checked<string> {
  const s = cleanLine(raw);
  const ms = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) ? Date.parse(s) : NaN;
  // One form per instant: UTC, and milliseconds only when there are some.
  const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString().replace('.000Z', 'Z');
  if (/^\d{4}-/.test(iso)) return ok(iso);
  return bad(`${quote(raw)} is not a date and time (write it as ISO 8601, e.g. 2026-01-31T09:00:00Z)`);
}

export function checkVersion(raw: unknown): Checked<number> {
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 1) return ok(n);
  return bad(`${quote(raw)} is not a version number (a whole number from 1)`);
}

/** A list written as a list, or as text split by `separator` (lines for questions, commas for tags). */
export function checkList(raw: unknown, separator: RegExp, itemLimit: number, countLimit: number, noun: string): Checked<string[]> {
  let items: unknown[];
  if (Array.isArray(raw)) items = raw;
  else if (typeof raw === 'string') items = raw.split(separator);
  else return bad(`should be a list of ${noun}s, not ${describe(raw)}`);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const text = asText(item, `a ${noun}`);
    if (!text.ok) return bad(text.message);
    const line = cleanLine(text.value);
    if (!line || seen.has(line.toLowerCase())) continue;
    const long = checkLength(line, itemLimit);
    if (long) return bad(`the ${noun} ${quote(line, 30)} ${long}`);
    seen.add(line.toLowerCase());
    out.push(line);
  }
  if (out.length > countLimit) return bad(`has ${out.length} ${noun}s; the limit is ${countLimit}`);
  return ok(out);
}
