import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Entry } from '../../../knowledge/entry.ts';
import type { Labelled } from './ours.ts';

/**
 * The "xsid-kb" protocol of ../shared/data/xsid/README.md, variant "multi": one entry per
 * (intent, language) with the first K = 5 validation sentences of that intent in that language
 * as its questions (title = body = the first); the queries are the test sentences of every
 * language (less those equal, ignoring case, to a question), relevant = the intent's entry in the
 * query's own language. The query's language is not given to the engine.
 *
 * `split: 'valid'` is for choosing things (the language-id library, segmentation): its queries are
 * the validation sentences past the first K of each intent, never a test sentence.
 */
export const XSID_DIR = fileURLToPath(new URL('../../../../shared/data/xsid/', import.meta.url));
export const XSID_LANGUAGES = ['en', 'de', 'it', 'nl', 'zh', 'ja'] as const;
const K = 5;

export interface XsidQuery extends Labelled {
  text: string;
  lang: string;
}

interface Row {
  id: string;
  text: string;
  intent: string;
}

export const xsidAvailable = (): boolean => existsSync(XSID_DIR + 'en.test.csv');

export function xsidRows(lang: string, split: 'valid' | 'test'): Row[] {
  const file = `${lang}.${split}.csv`;
  const parsed = Papa.parse<Row>(readFileSync(XSID_DIR + file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

const entryId = (intent: string, lang: string) => `${intent.replace(/\//g, '.')}.${lang}`;

export function xsidDataset(split: 'valid' | 'test'): { entries: Entry[]; queries: XsidQuery[] } {
  const entries: Entry[] = [];
  const queries: XsidQuery[] = [];
  for (const lang of XSID_LANGUAGES) {
    const byIntent = new Map<string, string[]>();
    const rest: Row[] = [];
    for (const r of xsidRows(lang, 'valid')) {
      const list = byIntent.get(r.intent) ?? [];
      byIntent.set(r.intent, list);
      if (list.length < K) list.push(r.text.trim());
      else rest.push(r);
    }
    for (const [intent, questions] of byIntent) entries.push(entry(entryId(intent, lang), lang, questions));
    const asked = new Set([...byIntent.values()].flat().map((q) => q.toLowerCase()));
    const rows = split === 'test' ? xsidRows(lang, 'test') : rest;
    rows.forEach((r, i) => {
      if (asked.has(r.text.trim().toLowerCase())) return;
      const relevant = byIntent.has(r.intent) ? [entryId(r.intent, lang)] : [];
      queries.push({ id: `${lang}-${split}-${r.id || i}`, text: r.text, lang, relevant });
    });
  }
  return { entries, queries };
}

function entry(id: string, locale: string, questions: string[]): Entry {
  return {
    schemaVersion: 1,
    id,
    title: questions[0]!,
    body: questions[0]!,
    questions,
    tags: [],
    locale,
    status: 'approved',
    owner: 'xsid',
    createdAt: '2021-06-01T00:00:00Z',
    updatedAt: '2021-06-01T00:00:00Z',
    version: 1,
    source: { format: 'csv', file: `${locale}.valid.csv` },
    custom: {},
  };
}
