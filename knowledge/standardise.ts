import { Entry, LIMITS, SCHEMA_VERSION, EntrySource, type EntryStatus } from './entry.ts';
import { htmlToMarkdown, toSubsetMarkdown } from './markdown.ts';
import { ProblemList, quote } from './problems.ts';
import {
  asText, checkDate, checkDateTime, checkId, checkLength, checkList, checkLocale, checkStatus, checkVersion, describe, isBlank,
  type Checked,
} from './formats/fields.ts';
import { unifyPlaceholders } from './formats/placeholder-dialects.ts';
import type { FieldKey, RawRecord } from './formats/record.ts';
import { RESERVED_NAME, RESERVED_NAME_DROPPED, cleanBody, cleanLine, cleanText, slugify } from './formats/text.ts';

export { importFiles, importFilesStepped, ImportCancelled, type ImportResult, type ImportOptions, type FileSummary, type CheckProgress, type SteppedImportOptions } from './formats/import-files.ts';
export { exportEntries } from './formats/index.ts';
export { formatProblem, hasErrors, type ImportProblem } from './problems.ts';

/** Imported entries get this status when their source says nothing: nothing unreviewed is ever suggested. */
export const DEFAULT_STATUS: EntryStatus = 'draft';
export const DEFAULT_LOCALE = 'en';

/**
 * One raw record -> a valid Entry, or problems (file, row/path, field, message) and no entry.
 * Pure: `now` fills createdAt/updatedAt when the source has none.
 */
export function standardiseRecord(record: RawRecord, now: Date, problems: ProblemList): Entry | undefined {
  const before = problems.items.length;
  const name = (k: FieldKey): string => record.names?.[k] ?? k;
  const report = <T>(k: FieldKey, c: Checked<T>): T | undefined => {
    if (c.ok) return c.value;
    problems.error(record.at, name(k), c.message);
    return undefined;
  };
  const f = record.fields;

  if (record.schemaVersion !== undefined && record.schemaVersion !== SCHEMA_VERSION) {
    problems.error(record.at, 'schemaVersion', `is ${quote(record.schemaVersion)}; this version of Agent Assist reads ${SCHEMA_VERSION}`);
  }
  const title = report('title', required(f.title, 'a title', LIMITS.title, cleanLine));
  const body = report('body', body_(record, problems, name('body')));
  const givenId = isBlank(f.id) ? undefined : report('id', chain(asText(f.id, 'an id'), checkId));
  const id = givenId ?? (isBlank(f.id) ? derivedId(record, title, problems, name('id')) : undefined);
  const questions = isBlank(f.questions) ? [] : report('questions', checkList(f.questions, /\n/, LIMITS.question, LIMITS.questions, 'question'));
  const tags = isBlank(f.tags) ? [] : report('tags', chain(checkList(f.tags, /,/, LIMITS.tag, LIMITS.tags, 'tag'), noCommas));
  const locale = isBlank(f.locale) ? DEFAULT_LOCALE : report('locale', chain(asText(f.locale, 'a language tag'), checkLocale));
  const status = isBlank(f.status) ? record.defaults.status : report('status', chain(asText(f.status, 'a status'), checkStatus));
  const owner = isBlank(f.owner) ? '' : report('owner', optionalLine(f.owner, 'a name or email', LIMITS.owner));
  const reviewBy = isBlank(f.reviewBy) ? undefined : report('reviewBy', chain(asText(f.reviewBy, 'a date'), checkDate));
  const createdAt = isBlank(f.createdAt) ? now.toISOString().replace('.000Z', 'Z') : report('createdAt', chain(asText(f.createdAt, 'a date and time'), checkDateTime));
  const updatedAt = isBlank(f.updatedAt) ? createdAt : report('updatedAt', chain(asText(f.updatedAt, 'a date and time'), checkDateTime));
  const version = isBlank(f.version) ? 1 : report('version', checkVersion(f.version));
  const source = isBlank(f.source) ? record.defaults.source : report('source', checkSource(f.source));
  const translationGroup = isBlank(f.translationGroup) ? undefined : report('translationGroup', chain(asText(f.translationGroup, 'a translation group id'), checkId));
  const custom = checkCustom(record, problems);

  // Warnings (a field not imported, ...) leave the entry standing; errors do not.
  if (problems.items.slice(before).some((p) => p.severity === 'error')) return undefined;
  const candidate = {
    schemaVersion: SCHEMA_VERSION, id, title, body, questions, tags, locale, status, owner,
    ...(reviewBy ? { reviewBy } : {}), createdAt, updatedAt, version, source,
    ...(translationGroup ? { translationGroup } : {}), custom,
  };
  const parsed = Entry.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '') as FieldKey;
    problems.error(record.at, key ? name(key) : undefined, issue.message);
  }
  return undefined;
}

function chain<A, B>(first: Checked<A>, next: (a: A) => Checked<B>): Checked<B> {
  return first.ok ? next(first.value) : first;
}

function required(v: unknown, what: string, limit: number, clean: (s: string) => string): Checked<string> {
  if (isBlank(v)) return { ok: false, message: `is empty; every entry needs ${what}` };
  return chain(asText(v, what), (s) => {
    const value = clean(s);
    if (!value) return { ok: false, message: `is empty; every entry needs ${what}` };
    const long = checkLength(value, limit);
    return long ? { ok: false, message: long } : { ok: true, value };
  });
}

function optionalLine(v: unknown, what: string, limit: number): Checked<string> {
  return chain(asText(v, what), (s) => {
    const value = cleanLine(s);
    const long = checkLength(value, limit);
    return long ? { ok: false, message: long } : { ok: true, value };
  });
}

function body_(record: RawRecord, problems: ProblemList, field: string): Checked<string> {
  const text = required(record.fields.body, 'an answer (body)', Number.MAX_SAFE_INTEGER, cleanText);
  if (!text.ok) return text;
  const unified = unifyPlaceholders(text.value);
  for (const message of unified.errors) problems.error(record.at, field, message);
  const md = cleanBody(record.bodyKind === 'html' ? htmlToMarkdown(unified.text) : toSubsetMarkdown(cleanBody(unified.text)));
  if (!md) return { ok: false, message: 'has no text once formatting is removed; every entry needs an answer (body)' };
  const long = checkLength(md, LIMITS.body);
  return long ? { ok: false, message: long } : { ok: true, value: md };
}

function derivedId(record: RawRecord, title: string | undefined, problems: ProblemList, field: string): string | undefined {
  const id = record.defaults.id ?? (title ? slugify(title) : undefined);
  if (id === undefined) return undefined;
  const checked = checkId(id);
  if (checked.ok) return checked.value;
  problems.error(record.at, field, `is missing and could not be made from the source: ${checked.message}`);
  return undefined;
}

function noCommas(tags: string[]): Checked<string[]> {
  const bad = tags.find((t) => t.includes(','));
  return bad === undefined
    ? { ok: true, value: tags }
    : { ok: false, message: `the tag ${quote(bad)} contains a comma; tags cannot contain commas (CSV separates tags with them)` };
}

function checkSource(v: unknown): Checked<EntrySource> {
  const parsed = EntrySource.safeParse(v);
  if (parsed.success) {
    const { path, file, ...rest } = parsed.data;
    const cleanPath = path === undefined ? '' : cleanLine(path);
    return { ok: true, value: { ...rest, file: cleanLine(file), ...(cleanPath ? { path: cleanPath } : {}) } };
  }
  return { ok: false, message: `is not a valid source (format, file, row or path): ${describe(v)}` };
}

function checkCustom(record: RawRecord, problems: ProblemList): Record<string, string> {
  const out: [string, string][] = [];
  for (const [key, raw] of Object.entries(record.custom)) {
    if (isBlank(raw) && typeof raw !== 'string') continue;
    if (RESERVED_NAME.test(cleanLine(key))) {
      problems.warn(record.at, key, RESERVED_NAME_DROPPED);
      continue;
    }
    const text = asText(raw, 'text');
    if (!text.ok) {
      problems.error(record.at, key, text.message);
      continue;
    }
    const value = cleanText(text.value).trim();
    const long = checkLength(value, LIMITS.customValue);
    if (long) problems.error(record.at, key, long);
    else out.push([cleanLine(key), value]);
  }
  return Object.fromEntries(out);
}
