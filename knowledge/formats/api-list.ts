import { ProblemList } from '../problems.ts';
import { describe } from './fields.ts';
import { isPlainObject, readJsonValue } from './json.ts';
import type { ParsedFile, RawRecord, TextFile } from './record.ts';
import type { Location } from '../problems.ts';

/**
 * The saved replies, canned responses and templates helpdesk APIs list: one reader that finds the
 * list in the response (a bare array, a list under a key, or one object), names every item in its
 * problems (`saved reply 2 (id 234567)`) and hands it to the format's own mapping.
 */
export interface ApiListSpec {
  /** What one item is called in messages: `saved reply`, `canned response`, ... */
  noun: string;
  /** Keys that may hold the list (`_results` for Front, `data` for Intercom); a bare array is always accepted. */
  listKeys: string[];
  /** The shape expected, for the message when no list is found. */
  expected: string;
  /** The item's own id as the API writes it, when it is usable in an entry id. */
  idOf: (item: Record<string, unknown>) => string | undefined;
  toRecord: (item: Record<string, unknown>, at: Location, id: string, problems: ProblemList) => RawRecord | undefined;
}

export function readApiList(file: TextFile, spec: ApiListSpec): ParsedFile {
  const problems = new ProblemList();
  const json = readJsonValue(file, problems);
  if (!json.ok) return { records: [], problems: problems.items };
  const list = listIn(json.value, spec.listKeys);
  if (!list) {
    problems.error({ file: file.name }, undefined, `is not a list of ${spec.noun}s: expected ${spec.expected}`);
    return { records: [], problems: problems.items };
  }
  const records: RawRecord[] = [];
  list.forEach((item, index) => {
    const place = `${spec.noun} ${index + 1}`;
    if (!isPlainObject(item)) {
      problems.error({ file: file.name, path: place }, undefined, `should be a set of fields, not ${describe(item)}`);
      return;
    }
    const id = spec.idOf(item);
    const at = { file: file.name, path: `${place}${id ? ` (id ${id})` : ''}` };
    if (!id) {
      problems.error(at, 'id', item.id === undefined ? 'is missing' : `should be the ${spec.noun}'s id, not ${describe(item.id)}`);
      return;
    }
    const record = spec.toRecord(item, at, id, problems);
    if (record) records.push(record);
  });
  return { records, problems: problems.items };
}

function listIn(doc: unknown, keys: string[]): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isPlainObject(doc)) return undefined;
  for (const key of keys) if (Array.isArray(doc[key])) return doc[key];
  // One item fetched on its own (GET …/{id}) is a list of one.
  return doc.id !== undefined ? [doc] : undefined;
}

/** Numbers and plain word ids (`rsp_42`) as the APIs write them. */
export function apiId(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^[A-Za-z0-9_]{1,60}$/.test(v)) return v;
  return undefined;
}

/** Unix seconds (Front writes 1700000000.123) -> ISO 8601; anything else is passed on for the date check to judge. */
export function epochOrText(v: unknown): unknown {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return v;
  // Past the last instant a Date can hold (year 275760) the number stays as it is, for the schema to place the problem.
  const when = new Date(Math.round(v * 1000));
  return Number.isNaN(when.getTime()) ? v : when.toISOString();
}

/** The first non-blank text among the candidates, with whether it is HTML. */
export function firstText(...candidates: [unknown, 'html' | 'markdown'][]): { value: string; kind: 'html' | 'markdown' } | undefined {
  for (const [v, kind] of candidates) if (typeof v === 'string' && v.trim()) return { value: v, kind };
  return undefined;
}
