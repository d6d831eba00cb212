import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Entry } from '../../knowledge/entry';

/**
 * The "banking77-kb" protocol of ../shared/data/banking77/README.md:
 * one entry per category (id = category, title = category with spaces, questions = the first K
 * train utterances in file order, body = title); every test row is a query whose one relevant
 * entry is its category.
 */
export const BANKING77_DIR = fileURLToPath(new URL('../../../shared/data/banking77/', import.meta.url));

export interface Row {
  text: string;
  category: string;
}

export interface LabelledQuery {
  id: string;
  text: string;
  relevant: string;
}

function readRows(file: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(BANKING77_DIR + file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

export function categories(): string[] {
  return JSON.parse(readFileSync(BANKING77_DIR + 'categories.json', 'utf8')) as string[];
}

export function trainRows(): Row[] {
  return readRows('train.csv');
}

export function testRows(): Row[] {
  return readRows('test.csv');
}

/** K examples per category; K = Infinity for "all". */
export function knowledgeBase(k: number, rows: readonly Row[] = trainRows(), cats: readonly string[] = categories()): Entry[] {
  const byCat = new Map<string, string[]>(cats.map((c) => [c, []]));
  for (const r of rows) {
    const list = byCat.get(r.category);
    if (list && list.length < k) list.push(r.text.trim());
  }
  return [...byCat].map(([category, questions]) => entry(category, questions));
}

export function queries(rows: readonly Row[] = testRows()): LabelledQuery[] {
  return rows.map((r, i) => ({ id: `test-${i + 2}`, text: r.text, relevant: r.category }));
}

function entry(category: string, questions: string[]): Entry {
  const title = category.replace(/_/g, ' ');
  return {
    schemaVersion: 1,
    id: category,
    title,
    body: title,
    questions,
    tags: [],
    locale: 'en',
    status: 'approved',
    owner: 'banking77',
    createdAt: '2020-02-18T00:00:00Z',
    updatedAt: '2020-02-18T00:00:00Z',
    version: 1,
    source: { format: 'csv', file: 'train.csv' },
    custom: {},
  };
}
