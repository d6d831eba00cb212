import Fuse from 'fuse.js';
import Papa from 'papaparse';
import type { Entry } from '../entry.ts';
import type { ImportProblem } from '../problems.ts';
import { ProblemList } from '../problems.ts';
import { standardiseRecord } from '../standardise.ts';
import { CSV_COLUMNS, columnKey, delimiterOf, readCsv, unescapeFormula, type CsvMapping, type CsvTarget } from './csv.ts';
import { cleanLine } from './text.ts';

/**
 * Column mapping for spreadsheets whose headers are not ours ("Question", "Reply", "Labels"):
 * proposeCsvMapping guesses which column holds what, previewCsv shows the first rows read with a
 * mapping, and importFiles({csvMapping}) reads the whole file with it. A mapping is remembered per
 * header signature (knowledge/store/csv-mappings.ts). All pure.
 */

/** Names people give each column, in English and the languages our users' teams write in. */
const SYNONYMS: Record<string, string[]> = {
  id: ['id', 'key', 'slug', 'identifier', 'reference', 'ref', 'macro id', 'article id', 'entry id'],
  title: ['title', 'name', 'subject', 'heading', 'headline', 'topic', 'summary', 'macro name', 'article title', 'titel', 'titre', 'titulo', 'betreff'],
  body: ['body', 'answer', 'reply', 'response', 'content', 'text', 'message', 'template', 'macro text', 'canned response', 'article body', 'answer text', 'antwort', 'reponse', 'respuesta', 'inhalt', 'contenu'],
  questions: ['questions', 'question', 'example questions', 'examples', 'phrasings', 'customer questions', 'queries', 'utterances', 'frage', 'fragen', 'pregunta', 'preguntas'],
  tags: ['tags', 'tag', 'labels', 'label', 'keywords', 'categories', 'category', 'topics', 'schlagworte', 'etiquetas', 'etiquettes'],
  locale: ['locale', 'language', 'lang', 'language code', 'sprache', 'langue', 'idioma'],
  status: ['status', 'state', 'workflow status', 'workflow state'],
  owner: ['owner', 'author', 'assignee', 'responsible', 'maintainer', 'owner email', 'verantwortlich'],
  review_by: ['review by', 'review date', 'next review', 'review', 'expires', 'expiry', 'expiry date', 'expiration date', 'valid until', 'verify by'],
  created_at: ['created at', 'created', 'date created', 'creation date'],
  updated_at: ['updated at', 'updated', 'modified', 'last modified', 'last updated', 'date modified'],
  version: ['version', 'revision'],
  translation_group: ['translation group', 'translation of', 'translations'],
};

/** The columns every file needs. */
export const REQUIRED_COLUMNS = ['title', 'body'];

export type MatchReason = 'standard' | 'remembered' | 'synonym' | 'similar' | 'none';

export interface ColumnProposal {
  /** The header as written (one line), the key a mapping uses. */
  header: string;
  /** 0-based column number. */
  index: number;
  target: CsvTarget;
  /** How sure the guess is, 0..1 (1 for a standard name or a remembered mapping). */
  confidence: number;
  reason: MatchReason;
}

export interface MappingProposal {
  headers: string[];
  columns: ColumnProposal[];
  mapping: CsvMapping;
  /** The header already reads as it is: every required column is there by its own name. */
  matches: boolean;
  /** Required columns no column is mapped to. */
  missing: string[];
  /** The key a mapping is remembered under (csvHeaderSignature). */
  signature: string;
}

/** The header row of a CSV text, as the importer reads it (same separator, quotes, formula escapes). */
export function csvHeaders(text: string): string[] {
  const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = Papa.parse<string[]>(lf, { preview: 1, delimiter: delimiterOf(lf), newline: '\n' }).data[0] ?? [];
  return first.map((h) => cleanLine(unescapeFormula(h)));
}

/**
 * The same set of columns, in any order and case: a mapping made for one export fits the next.
 * A short readable key: `csvMapping:answer|labels|question`.
 */
export function csvHeaderSignature(headers: readonly string[]): string {
  return `csvMapping:${[...new Set(headers.map(normalise).filter(Boolean))].sort().join('|')}`;
}

function normalise(h: string): string {
  return cleanLine(h).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const CANDIDATES = Object.entries(SYNONYMS).flatMap(([target, names]) => names.map((name) => ({ target, name })));
const EXACT = new Map(CANDIDATES.map((c) => [c.name, c.target]));
let fuse: Fuse<(typeof CANDIDATES)[number]> | undefined;
/** Built on first use: pages that import this module without mapping a CSV pay nothing. */
function similarNames(): Fuse<(typeof CANDIDATES)[number]> {
  return (fuse ??= new Fuse(CANDIDATES, { keys: ['name'], includeScore: true, threshold: 0.4, ignoreLocation: true }));
}

/**
 * Proposes a target per column: a remembered mapping first (the lead's own choice), then standard
 * names and aliases (what import reads without a mapping), then synonyms, then the most similar name (typos: "Anwser").
 * Each target goes to the column that matches it best; the rest are kept as custom fields.
 */
export function proposeCsvMapping(headers: readonly string[], remembered?: CsvMapping): MappingProposal {
  const guesses = headers.map((raw, index) => {
    const header = cleanLine(raw);
    if (remembered && Object.hasOwn(remembered, header)) return { header, index, target: remembered[header]!, confidence: 1, reason: 'remembered' as MatchReason };
    const std = columnKey(header);
    if ((CSV_COLUMNS as readonly string[]).includes(std)) return { header, index, target: std, confidence: 1, reason: 'standard' as MatchReason };
    const norm = normalise(header);
    const exact = EXACT.get(norm);
    if (exact) return { header, index, target: exact, confidence: 0.9, reason: 'synonym' as MatchReason };
    const best = norm ? similarNames().search(norm)[0] : undefined;
    if (best) return { header, index, target: best.item.target, confidence: Math.round((1 - (best.score ?? 1)) * 0.8 * 100) / 100, reason: 'similar' as MatchReason };
    return { header, index, target: 'custom', confidence: 0, reason: 'none' as MatchReason };
  });
  // One column per field: the best match keeps it, the others become custom fields.
  const order = [...guesses].sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const taken = new Set<string>();
  for (const g of order) {
    if (g.target === 'custom' || g.target === 'ignore') continue;
    if (taken.has(g.target)) Object.assign(g, { target: 'custom', confidence: 0, reason: 'none' });
    else taken.add(g.target);
  }
  // A sheet of question and answer pairs: without a title column, the question is the title.
  const question = guesses.find((g) => g.target === 'questions');
  if (!taken.has('title') && question && question.reason !== 'remembered') {
    Object.assign(question, { target: 'title', confidence: 0.8, reason: 'synonym' });
    taken.delete('questions');
    taken.add('title');
  }
  const columns: ColumnProposal[] = guesses;
  const mapping = Object.fromEntries(columns.filter((c) => c.header).map((c) => [c.header, c.target]));
  return {
    headers: columns.map((c) => c.header),
    columns,
    mapping,
    matches: REQUIRED_COLUMNS.every((r) => columns.some((c) => c.target === r && c.reason === 'standard')),
    missing: REQUIRED_COLUMNS.filter((r) => !taken.has(r)),
    signature: csvHeaderSignature(headers),
  };
}

export interface PreviewRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The entry this row becomes, when it is valid. */
  entry?: Entry;
  /** What is wrong with this row under the mapping, by field. */
  problems: ImportProblem[];
}

export interface CsvPreview {
  /** Problems with the header under this mapping (a required column unmapped, two columns on one field). */
  header: ImportProblem[];
  rows: PreviewRow[];
}

/** The first `count` records of a CSV read with `mapping`, each as the entry it becomes or its problems. */
export function previewCsv(file: { name: string; text: string }, mapping: CsvMapping, count = 5, now: Date = new Date()): CsvPreview {
  const parsed = readCsv(file, { mapping, previewRows: count });
  const header = parsed.problems.filter((p) => p.row === 1 || p.row === undefined);
  const rows = parsed.records.map((record) => {
    const list = new ProblemList();
    const entry = standardiseRecord(record, now, list);
    return { row: record.at.row!, ...(entry ? { entry } : {}), problems: [...parsed.problems.filter((p) => p.row === record.at.row), ...list.items] };
  });
  return { header, rows };
}
