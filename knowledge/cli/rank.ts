import { readFile } from 'node:fs/promises';
import { isSuggestable } from '../entry.ts';
import { textQuery } from '../search/fallback.ts';
import type { KnowledgeIndex } from '../search/index.ts';
import { queryLanguage } from '../search/query-language.ts';
import { decide, toSuggestions, type Suggestion } from '../suggest.ts';
import { currentCalibration } from '../search/self-calibration.ts';
import { SEARCH_OPTIONS, dayArg, indexFromArgs, topArg, withheld } from './search.ts';
import { UsageError, UserError, parseCommandArgs, type CliIO } from './io.ts';

export const usage = 'rank --kb <file|folder> --queries <file.jsonl> [--top N] [--day YYYY-MM-DD]';

export interface QueryLine {
  id: string;
  text: string;
  /** The query's language; told from the text when absent. */
  lang?: string;
  relevant?: string[];
}

/** One JSON object per line; blank lines are skipped; mistakes name the file and line. */
export async function readQueries(file: string | undefined, needRelevant = false): Promise<QueryLine[]> {
  if (!file) throw new UsageError('--queries is required');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError(`${file}: no such file`);
  });
  const out: QueryLine[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file} line ${i + 1}`;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new UserError(`${where}: not valid JSON`);
    }
    const o = v as Partial<QueryLine>;
    if (typeof o !== 'object' || o === null || typeof o.id !== 'string' || typeof o.text !== 'string') {
      throw new UserError(`${where}: expected {"id": "...", "text": "..."}`);
    }
    if (o.lang !== undefined && (typeof o.lang !== 'string' || !/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(o.lang))) {
      throw new UserError(`${where}, lang: expected a language code such as "de" or "pt-BR"`);
    }
    if (needRelevant && !(Array.isArray(o.relevant) && o.relevant.every((r) => typeof r === 'string'))) {
      throw new UserError(`${where}, relevant: expected a list of entry ids ([] when no entry answers it)`);
    }
    out.push({ id: o.id, text: o.text, ...(o.lang ? { lang: o.lang } : {}), ...(o.relevant ? { relevant: o.relevant } : {}) });
  });
  return out;
}

/**
 * The engine's answer to one text query, as suggest() would decide it, tokenised in `lang` (told
 * from the text when not given; the index's default when the text says too little).
 */
export function answer(index: KnowledgeIndex, text: string, day: string, limit: number, lang?: string): { abstained: boolean; suggestions: Suggestion[] } {
  const { parts, locale } = textQuery(index, text, lang ?? queryLanguage(index, text));
  const result = index.query(parts, { limit: Math.max(limit, 3), filter: (e) => isSuggestable(e, day), locale });
  const suggestions = toSuggestions(result, index, day);
  return { abstained: decide(suggestions, currentCalibration(index).threshold).abstained, suggestions: suggestions.slice(0, limit) };
}

/**
 * One output line per query: {"id","abstain","results":[{"id","score","confidence"}]}, plus
 * "notSuggested":[{"id","reasons"}] when entries among the best matches are withheld from agents
 * (draft, in review, archived, overdue since …).
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { ...SEARCH_OPTIONS, queries: { type: 'string' } });
  const queries = await readQueries(values.queries);
  const index = await indexFromArgs(values.kb);
  const day = dayArg(values.day);
  const limit = topArg(values.top, 5);
  for (const q of queries) {
    const a = answer(index, q.text, day, limit, q.lang);
    const results = a.suggestions.map((s) => ({ id: s.entry.id, score: round(s.score), confidence: round(s.confidence) }));
    const hidden = withheld(index, q.text, day, limit).map((h) => ({ id: h.id, reasons: h.reasons }));
    io.out(JSON.stringify({ id: q.id, abstain: a.abstained, results, ...(hidden.length ? { notSuggested: hidden } : {}) }));
  }
  return 0;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
