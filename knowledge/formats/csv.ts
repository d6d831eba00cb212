import Papa from 'papaparse';
import { ProblemList } from '../problems.ts';
import type { Entry } from '../entry.ts';
import type { FieldKey, ParsedFile, RawFields, RawRecord, TextFile } from './record.ts';
import { RESERVED_NAME, cleanLine } from './text.ts';

/** Columns by their standard name; other columns are kept as custom fields. */
const COLUMNS: Record<string, FieldKey | 'source_format' | 'source_file' | 'source_row' | 'source_path'> = {
  id: 'id', title: 'title', body: 'body', questions: 'questions', tags: 'tags', locale: 'locale',
  status: 'status', owner: 'owner', review_by: 'reviewBy', created_at: 'createdAt', updated_at: 'updatedAt',
  version: 'version', source_format: 'source_format', source_file: 'source_file', source_row: 'source_row',
  source_path: 'source_path', translation_group: 'translationGroup',
};
/** Names people also use for the same columns. */
const ALIASES: Record<string, string> = {
  answer: 'body', question: 'questions', tag: 'tags', language: 'locale',
  reviewby: 'review_by', createdat: 'created_at', updatedat: 'updated_at', translationgroup: 'translation_group', translation_of: 'translation_group',
};
export const CSV_COLUMNS = Object.keys(COLUMNS);

/**
 * Which column holds what, by the header as written (cleaned to one line): a standard column name
 * (`title`, `review_by`, …), `custom` (kept as a custom field under its header) or `ignore`.
 * Headers the mapping does not name are matched by name as usual. See csv-mapping.ts.
 */
export type CsvTarget = string;
export type CsvMapping = Readonly<Record<string, CsvTarget>>;

export interface CsvReadOptions {
  mapping?: CsvMapping;
  /** Read only the first `previewRows` records (for a preview of a mapping). */
  previewRows?: number;
}
const REQUIRED = ['title', 'body'];
const NAMES: Partial<Record<FieldKey, string>> = { reviewBy: 'review_by', createdAt: 'created_at', updatedAt: 'updated_at', source: 'source_format', translationGroup: 'translation_group' };

/**
 * Cells, header cells included, starting like a formula (OWASP's list: = + - @ tab CR) are
 * prefixed with ' on export so spreadsheets do not run them; import takes one ' off again.
 */
const FORMULA_ESCAPED = /^'+[=+\-@\t\r]/;
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** The separator the header row uses most (Excel in many European locales writes ;), comma on a tie. */
export function delimiterOf(text: string): string {
  const header = (text.split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  for (const d of [';', '\t', '|']) if (header.split(d).length > header.split(best).length) best = d;
  return best;
}

export function columnKey(header: string): string {
  const key = cleanLine(header).toLowerCase().replace(/[\s-]+/g, '_');
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : key;
}

function isStandard(key: string): key is keyof typeof COLUMNS {
  return Object.hasOwn(COLUMNS, key);
}

export function readCsv(file: TextFile, options: CsvReadOptions = {}): ParsedFile {
  const problems = new ProblemList();
  const at = (row?: number) => ({ file: file.name, ...(row ? { row } : {}) });
  // A lone CR (old Mac files) ends a line too; every cell is cleaned to LF line breaks anyway.
  const text = file.text.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, {
    header: false, skipEmptyLines: false, delimiter: delimiterOf(text), newline: '\n',
    ...(options.previewRows !== undefined ? { preview: options.previewRows + 1 } : {}),
  });
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length) {
    for (const e of quoteErrors) {
      const message = e.code === 'MissingQuotes'
        ? 'a cell that starts with " is never closed (a closing " is missing), so the rest of the file cannot be read'
        : 'has a " in the wrong place: inside a quoted cell write a quote as ""';
      problems.error(at((e.row ?? 0) + 1), undefined, message);
    }
    return { records: [], problems: problems.items };
  }
  const [written, ...rows] = parsed.data;
  const header = written?.map(unescapeFormula);
  if (!header || header.every((h) => !h.trim())) {
    problems.error(at(1), undefined, 'is empty; the first row must name the columns (title, body, ...)');
    return { records: [], problems: problems.items };
  }
  const { keys, chosen } = keysOf(header, options.mapping, problems, at(1));
  const columns = checkHeader(header, keys, chosen, problems, at(1));
  // Problems in a mapped column name it as the file does ("Reply"), not by our field name.
  const names: Partial<Record<FieldKey, string>> = { ...NAMES };
  keys.forEach((key, i) => {
    const target = isStandard(key) ? COLUMNS[key]! : undefined;
    if (chosen[i] && target && !target.startsWith('source_')) names[target as FieldKey] = cleanLine(header[i]!);
  });
  if (problems.hasErrors) return { records: [], problems: problems.items };

  const records: RawRecord[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => !c.trim())) return;
    const extra = cells.slice(header.length).filter((c) => c.trim());
    if (extra.length) {
      problems.error(at(row), undefined, `has ${cells.length} cells but the header has ${header.length} columns (is there a comma in a cell that is not in quotes?)`);
      return;
    }
    records.push(toRecord(file.name, row, cells, header, keys, columns, names));
  });
  return { records, problems: problems.items };
}

const IGNORED = '\u0000ignore';
const CUSTOM = '\u0000custom:';

/**
 * Each column's key: a standard column, CUSTOM + header, or IGNORED. A mapping's choices are the
 * lead's (no warning for them); a target the mapping names that is no column is an error.
 */
function keysOf(header: string[], mapping: CsvMapping | undefined, problems: ProblemList, at: { file: string; row?: number }): { keys: string[]; chosen: boolean[] } {
  const chosen = header.map((h) => mapping !== undefined && Object.hasOwn(mapping, cleanLine(h)));
  const keys = header.map((h, i) => {
    if (!chosen[i]) return columnKey(h);
    const target = mapping![cleanLine(h)]!;
    if (target === 'ignore') return IGNORED;
    if (target === 'custom') return `${CUSTOM}${cleanLine(h)}`;
    if (isStandard(target)) return target;
    problems.error(at, cleanLine(h), `is mapped to ${JSON.stringify(target)}, which is not a column; map it to one of ${CSV_COLUMNS.join(', ')}, custom or ignore`);
    return IGNORED;
  });
  return { keys, chosen };
}

/** Returns which column indexes are standard fields, and reports missing, doubled and unknown columns. */
function checkHeader(header: string[], keys: string[], chosen: boolean[], problems: ProblemList, at: { file: string; row?: number }): boolean[] {
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!key || key === IGNORED) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else if (chosen[i] || chosen[first]) problems.error(at, cleanLine(header[i]!), `is mapped to ${key}, and so is column ${first + 1} (${JSON.stringify(cleanLine(header[first]!))}); map one column to each field`);
    else problems.error(at, cleanLine(header[i]!), `the column appears twice (columns ${first + 1} and ${i + 1}); keep one`);
  });
  for (const name of REQUIRED) {
    if (!seen.has(name)) {
      const has = header.map((h) => cleanLine(h)).filter(Boolean).join(', ');
      problems.error(at, name, `the column is missing; every file needs ${REQUIRED.join(' and ')} columns (this header has: ${has || 'nothing'}); rename a column, or map one to ${name}`);
    }
  }
  return keys.map((key, i) => {
    if (isStandard(key)) return true;
    if (chosen[i]) return false;
    if (!key) problems.warn(at, `column ${i + 1}`, 'has no name; its cells were ignored');
    else if (RESERVED_NAME.test(cleanLine(header[i]!))) problems.warn(at, cleanLine(header[i]!), 'is a name JavaScript reserves; its cells were not imported (rename the column)');
    else problems.warn(at, cleanLine(header[i]!), `is not a standard column; kept as a custom field (standard columns: ${CSV_COLUMNS.join(', ')})`);
    return false;
  });
}

function toRecord(file: string, row: number, cells: string[], header: string[], keys: string[], standard: boolean[], names: Partial<Record<FieldKey, string>>): RawRecord {
  const fields: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  const custom: [string, string][] = [];
  header.forEach((name, i) => {
    const key = keys[i]!;
    const cell = unescapeFormula(cells[i] ?? '');
    if (!key || key === IGNORED || RESERVED_NAME.test(cleanLine(name))) return;
    if (!standard[i]) {
      if (cell.trim()) custom.push([cleanLine(name), cell]);
      return;
    }
    const target = COLUMNS[key]!;
    if (target.startsWith('source_')) source[target.slice(7)] = cell.trim();
    else fields[target] = cell;
  });
  if (source.format) {
    fields.source = {
      format: source.format,
      file: source.file ?? '',
      ...(source.row ? { row: /^\d+$/.test(source.row) ? Number(source.row) : source.row } : {}),
      ...(source.path ? { path: source.path } : {}),
    };
  }
  return {
    at: { file, row },
    fields: fields as RawFields,
    bodyKind: 'markdown',
    custom: Object.fromEntries(custom),
    names,
    defaults: { status: 'draft', source: { format: 'csv', file, row } },
  };
}

export function unescapeFormula(cell: string): string {
  return FORMULA_ESCAPED.test(cell) ? cell.slice(1) : cell;
}

function escapeFormula(cell: string): string {
  return FORMULA_LIKE.test(cell) ? `'${cell}` : cell;
}

export function writeCsv(entries: readonly Entry[]): string {
  const customKeys = [...new Set(entries.flatMap((e) => Object.keys(e.custom)))].sort();
  const header = [...CSV_COLUMNS, ...customKeys].map(escapeFormula);
  const rows = entries.map((e) => [
    e.id, e.title, e.body, e.questions.join('\n'), e.tags.join(', '), e.locale, e.status, e.owner,
    e.reviewBy ?? '', e.createdAt, e.updatedAt, String(e.version), e.source.format, e.source.file,
    e.source.row === undefined ? '' : String(e.source.row), e.source.path ?? '', e.translationGroup ?? '',
    ...customKeys.map((k) => e.custom[k] ?? ''),
  ].map(escapeFormula));
  // The byte-order mark makes Excel open the file as UTF-8.
  return `\uFEFF${Papa.unparse([header, ...rows], { newline: '\r\n' })}\r\n`;
}
