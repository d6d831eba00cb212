import { SCHEMA_VERSION, type Entry } from '../entry.ts';
import { ProblemList, quote } from '../problems.ts';
import { describe } from './fields.ts';
import { parseJson } from './json-parse.ts';
import type { ParsedFile, RawFields, RawRecord, TextFile } from './record.ts';

/** The project's own file: `{"format":"agent-assist/knowledge","schemaVersion":1,"entries":[...]}`. */
export const CANONICAL_FORMAT = 'agent-assist/knowledge';

const ENTRY_KEYS = [
  'schemaVersion', 'id', 'title', 'body', 'questions', 'tags', 'locale', 'status', 'owner',
  'reviewBy', 'createdAt', 'updatedAt', 'version', 'source', 'translationGroup', 'custom',
] as const;
const SOURCE_KEYS = ['format', 'file', 'row', 'path'] as const;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function readJsonValue(file: TextFile, problems: ProblemList): { ok: true; value: unknown } | { ok: false } {
  const parsed = parseJson(file.text);
  if (parsed.ok) return parsed;
  problems.error({ file: file.name }, undefined, `is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.message}`);
  return { ok: false };
}

export function readCanonical(file: TextFile): ParsedFile {
  const problems = new ProblemList();
  const at = { file: file.name };
  const json = readJsonValue(file, problems);
  if (!json.ok) return { records: [], problems: problems.items };
  const doc = json.value;
  if (!isPlainObject(doc) || doc.format !== CANONICAL_FORMAT) {
    problems.error(at, 'format', `is not an Agent Assist knowledge file (expected "format": "${CANONICAL_FORMAT}")`);
    return { records: [], problems: problems.items };
  }
  if (doc.schemaVersion !== SCHEMA_VERSION) {
    problems.error(at, 'schemaVersion', `is ${quote(doc.schemaVersion)}; this version of Agent Assist reads schemaVersion ${SCHEMA_VERSION} (update Agent Assist, or export the file again)`);
    return { records: [], problems: problems.items };
  }
  if (!Array.isArray(doc.entries)) {
    problems.error(at, 'entries', `should be a list of entries, not ${describe(doc.entries)}`);
    return { records: [], problems: problems.items };
  }
  for (const key of Object.keys(doc)) {
    if (!['format', 'schemaVersion', 'entries'].includes(key)) problems.warn(at, key, 'is not part of the format and was ignored');
  }
  const records: RawRecord[] = [];
  doc.entries.forEach((raw, index) => {
    const here = { file: file.name, path: `entry ${index + 1}` };
    if (!isPlainObject(raw)) {
      problems.error(here, undefined, `should be a set of fields, not ${describe(raw)}`);
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!(ENTRY_KEYS as readonly string[]).includes(key)) problems.warn(here, key, 'is not an entry field and was ignored (put extra fields in "custom")');
    }
    if (raw.custom !== undefined && !isPlainObject(raw.custom)) {
      problems.error(here, 'custom', `should be a set of named texts, not ${describe(raw.custom)}`);
      return;
    }
    const { schemaVersion, custom, ...rest } = raw;
    records.push({
      at: here,
      fields: rest as RawFields,
      bodyKind: 'markdown',
      custom: custom ?? {},
      schemaVersion: schemaVersion ?? SCHEMA_VERSION,
      defaults: { status: 'draft', source: { format: 'json', file: file.name, row: index + 1 } },
    });
  });
  return { records, problems: problems.items };
}

/** The one canonical form: keys in schema order, entries sorted by id, 2-space indent, final newline. */
export function writeCanonical(entries: readonly Entry[]): string {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const doc = { format: CANONICAL_FORMAT, schemaVersion: SCHEMA_VERSION, entries: sorted.map(canonicalEntry) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function canonicalEntry(entry: Entry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) {
    const value = entry[key];
    if (value === undefined) continue;
    if (key === 'source') out[key] = pick(entry.source, SOURCE_KEYS);
    else if (key === 'custom') out[key] = Object.fromEntries(Object.entries(entry.custom).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    else out[key] = value;
  }
  return out;
}

function pick<T extends object>(obj: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
