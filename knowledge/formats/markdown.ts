import { parse, parseDocument, stringify } from 'yaml';
import { ID_PATTERN, type Entry } from '../entry.ts';
import { ProblemList } from '../problems.ts';
import { describe } from './fields.ts';
import { isPlainObject } from './json.ts';
import { baseName, type FieldKey, type ParsedFile, type RawFields, type TextFile } from './record.ts';
import { RESERVED_NAME, RESERVED_NAME_DROPPED } from './text.ts';

/** Front matter keys, as written in the files, and the entry fields they fill. */
const KEYS: Record<string, FieldKey> = {
  id: 'id', title: 'title', questions: 'questions', tags: 'tags', locale: 'locale', status: 'status',
  owner: 'owner', review_by: 'reviewBy', reviewBy: 'reviewBy', created_at: 'createdAt', createdAt: 'createdAt',
  updated_at: 'updatedAt', updatedAt: 'updatedAt', version: 'version', source: 'source',
  translation_group: 'translationGroup', translationGroup: 'translationGroup',
};
export const FRONT_MATTER_KEYS = [...Object.keys(KEYS).filter((k) => !/[A-Z]/.test(k)), 'custom'];
const NAMES: Partial<Record<FieldKey, string>> = { reviewBy: 'review_by', createdAt: 'created_at', updatedAt: 'updated_at', translationGroup: 'translation_group' };

const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const FIRST_HEADING = /^\s*#{1,2}[ \t]+(.+?)[ \t#]*(?:\n|$)/;

export function readMarkdown(file: TextFile): ParsedFile {
  const problems = new ProblemList();
  const at = { file: file.name };
  const text = file.text.replace(/\r\n?/g, '\n');
  const match = FRONT_MATTER.exec(text);
  let meta: Record<string, unknown> = {};
  let body = text;
  if (match) {
    const doc = parseDocument(match[1] ?? '', { uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors.slice(0, 3)) {
        const line = (e.linePos?.[0]?.line ?? 0) + 1;
        problems.error({ file: file.name, path: `front matter line ${line}` }, undefined, `is not valid YAML: ${e.message.split('\n')[0]}`);
      }
      return { records: [], problems: problems.items };
    }
    const read = frontMatterValue(doc);
    if ('aliasProblem' in read) {
      problems.error(at, 'front matter', read.aliasProblem);
      return { records: [], problems: problems.items };
    }
    const { value } = read;
    if (value !== null && !isPlainObject(value)) {
      problems.error(at, 'front matter', `should be a set of fields (key: value lines), not ${describe(value)}`);
      return { records: [], problems: problems.items };
    }
    meta = value ?? {};
    body = text.slice(match[0].length);
  } else if (/^---[ \t]*\n/.test(text)) {
    problems.error(at, 'front matter', 'starts with --- but is never closed by a second --- line');
    return { records: [], problems: problems.items };
  }

  const fields: Record<string, unknown> = {};
  const custom: [string, unknown][] = [];
  for (const [key, value] of Object.entries(meta)) {
    const field = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (field) fields[field] = value;
    else if (key === 'custom') {
      if (isPlainObject(value)) custom.push(...Object.entries(value));
      else problems.error(at, 'custom', `should be a set of named texts, not ${describe(value)}`);
    } else if (RESERVED_NAME.test(key)) {
      problems.warn(at, key, RESERVED_NAME_DROPPED);
    } else {
      problems.warn(at, key, `is not a standard field; kept as a custom field (standard fields: ${FRONT_MATTER_KEYS.join(', ')})`);
      custom.push([key, value]);
    }
  }
  const heading = fields.title === undefined ? FIRST_HEADING.exec(body) : null;
  if (heading) {
    fields.title = heading[1];
    body = body.slice(heading[0].length);
  }
  fields.body = body;
  const stem = baseName(file.name).replace(/\.(md|markdown)$/i, '');
  return {
    records: [{
      at,
      fields: fields as RawFields,
      bodyKind: 'markdown',
      custom: Object.fromEntries(custom),
      names: NAMES,
      defaults: { ...(ID_PATTERN.test(stem) ? { id: stem } : {}), status: 'draft', source: { format: 'markdown', file: file.name } },
    }],
    problems: problems.items,
  };
}

// A "billion laughs" file nests aliases until the copies fill the memory; yaml stops at this many.
const MAX_ALIAS_COUNT = 100;

/** The front matter as plain data, or what is wrong with its aliases (yaml throws ReferenceErrors for them). */
function frontMatterValue(doc: ReturnType<typeof parseDocument>): { value: unknown } | { aliasProblem: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    if (/alias count/i.test(e.message)) {
      return { aliasProblem: `repeats YAML aliases (*name) too often (more than ${MAX_ALIAS_COUNT} copies): write the values out instead` };
    }
    return { aliasProblem: `is not valid YAML: ${e.message.split('\n')[0]}` };
  }
}

/** One entry as `<id>.md`: YAML front matter with every field but the body, then the body. */
export function writeMarkdown(entry: Entry): string {
  const meta: Record<string, unknown> = { id: entry.id, title: entry.title };
  if (entry.questions.length) meta.questions = entry.questions;
  if (entry.tags.length) meta.tags = entry.tags;
  meta.locale = entry.locale;
  meta.status = entry.status;
  if (entry.owner) meta.owner = entry.owner;
  if (entry.reviewBy) meta.review_by = entry.reviewBy;
  meta.created_at = entry.createdAt;
  meta.updated_at = entry.updatedAt;
  meta.version = entry.version;
  meta.source = { format: entry.source.format, file: entry.source.file, ...(entry.source.row !== undefined ? { row: entry.source.row } : {}), ...(entry.source.path !== undefined ? { path: entry.source.path } : {}) };
  if (entry.translationGroup) meta.translation_group = entry.translationGroup;
  const customKeys = Object.keys(entry.custom).sort();
  if (customKeys.length) meta.custom = Object.fromEntries(customKeys.map((k) => [k, entry.custom[k]]));
  return `---\n${yamlOf(meta)}---\n\n${entry.body}\n`;
}

/** Plain YAML when it reads back the same; all strings quoted when a value would not (e.g. "- ---"). */
function yamlOf(meta: Record<string, unknown>): string {
  const plain = stringify(meta, { lineWidth: 0 });
  if (JSON.stringify(parse(plain)) === JSON.stringify(meta)) return plain;
  return stringify(meta, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

// Windows refuses these as a file's name before its first dot, in any case: CON.md, nul.x.md.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;

/**
 * A file name per entry (`<id>.md`) that every common file system keeps apart and accepts: ids
 * allow only letters, digits and . _ : -, so what is left to handle is ":" (reserved on Windows,
 * a path separator in macOS Finder), Windows device names, trailing dots, and names that differ
 * only in case (one file on Windows and macOS): ids that need no change get their own name first,
 * then each later one in `ids` order gets "-2", "-3", ... The id itself is in the front matter,
 * so the name never changes what is imported.
 */
export function markdownFileNames(ids: readonly string[]): string[] {
  const stems = ids.map((id) => {
    const stem = id.replace(/:/g, '_').replace(/[. ]+$/, '');
    return WINDOWS_DEVICE.test(stem) ? `_${stem}` : stem;
  });
  const wanted = new Set(stems.map((s) => s.toLowerCase()));
  const taken = new Set<string>();
  const names: string[] = [];
  const order = [...ids.keys()].sort((a, b) => Number(stems[a] !== ids[a]) - Number(stems[b] !== ids[b]) || a - b);
  for (const i of order) {
    const stem = stems[i]!;
    let name = stem;
    for (let n = 2; taken.has(name.toLowerCase()) || (name !== stem && wanted.has(name.toLowerCase())); n++) name = `${stem}-${n}`;
    taken.add(name.toLowerCase());
    names[i] = `${name}.md`;
  }
  return names;
}
