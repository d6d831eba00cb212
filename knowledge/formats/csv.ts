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
const REQUIRED = ['title', 'body'];
const NAMES: Partial<Record<FieldKey, string>> = { reviewBy: 'review_by', createdAt: 'created_at', updatedAt: 'updated_at', source: 'source_format', translationGroup: 'translation_group' };

/**
 * Cells, header cells included, starting like a formula (OWASP's list: = + - @ tab CR) are
 * prefixed with ' on export so spreadsheets do not run them; import takes one ' off again.
 */
const FORMULA_ESCAPED = /^'+[=+\-@\t\r]/;
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** The separator the header row uses most (Excel in many European locales writes ;), comma on a tie. */
function delimiterOf(text: string): string {
  const header = (text.split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  for (const d of [';', '\t', '|']) if (header.split(d).length > header.split(best).length) best = d;
  return best;
}

function columnKey(header: string): string {
  const key = cleanLine(header).toLowerCase().replace(/[\s-]+/g, '_');
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : key;
}

function isStandard(key: string): key is keyof typeof COLUMNS {
  return Object.hasOwn(COLUMNS, key);
}

export function readCsv(file: TextFile): ParsedFile {
  const problems = new ProblemList();
  const at = (row?: number) => ({ file: file.name, ...(row ? { row } : {}) });
  // A lone CR (old Mac files) ends a line too; every cell is cleaned to LF line breaks anyway.
  const text = file.text.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: delimiterOf(text), newline: '\n' });
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
  const keys = header.map(columnKey);
  const columns = checkHeader(header, keys, problems, at(1));
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
    records.push(toRecord(file.name, row, cells, header, columns));
  });
  return { records, problems: problems.items };
}

/** Returns which column indexes are standard fields, and reports missing, doubled and unknown columns. */
function checkHeader(header: string[], keys: string[], problems: ProblemList, at: { file: string; row?: number }): boolean[] {
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!key) return;
    const first = seen.get(key);
    if (first !== undefined) problems.error(at, cleanLine(header[i]!), `the column appears twice (columns ${first + 1} and ${i + 1}); keep one`);
    else seen.set(key, i);
  });
  for (const name of REQUIRED) {
    if (!seen.has(name)) {
      const has = header.map((h) => cleanLine(h)).filter(Boolean).join(', ');
      problems.error(at, name, `the column is missing; every file needs ${REQUIRED.join(' and ')} columns (this header has: ${has || 'nothing'})`);
    }
  }
  return keys.map((key, i) => {
    if (isStandard(key)) return true;
    if (!key) problems.warn(at, `column ${i + 1}`, 'has no name; its cells were ignored');
    else if (RESERVED_NAME.test(cleanLine(header[i]!))) problems.warn(at, cleanLine(header[i]!), 'is a name JavaScript reserves; its cells were not imported (rename the column)');
    else problems.warn(at, cleanLine(header[i]!), `is not a standard column; kept as a custom field (standard columns: ${CSV_COLUMNS.join(', ')})`);
    return false;
  });
}

function toRecord(file: string, row: number, cells: string[], header: string[], standard: boolean[]): RawRecord {
  const fields: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  const custom: [string, string][] = [];
  header.forEach((name, i) => {
    const key = columnKey(name);
    const cell = unescapeFormula(cells[i] ?? '');
    if (!key || RESERVED_NAME.test(cleanLine(name))) return;
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
    names: NAMES,
    defaults: { status: 'draft', source: { format: 'csv', file, row } },
  };
}

function unescapeFormula(cell: string): string {
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
