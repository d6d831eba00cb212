import { describeWhyNotSuggested, isSuggestable, today } from '../entry.ts';
import { confidenceLabel } from '../confidence.ts';
import { textQuery } from '../search/fallback.ts';
import { KnowledgeIndex } from '../search/index.ts';
import { queryLanguage } from '../search/query-language.ts';
import { decide, toSuggestions } from '../suggest.ts';
import { baseCalibration } from '../search/self-calibration.ts';
import { UsageError, loadKnowledge, parseCommandArgs, type CliIO } from './io.ts';

export const usage = 'search "<text>" --kb <file|folder> [--top N] [--day YYYY-MM-DD] [--all]';

export const SEARCH_OPTIONS = {
  kb: { type: 'string', multiple: true },
  top: { type: 'string' },
  day: { type: 'string' },
} as const;

/** The knowledge base of `--kb`, indexed. */
export async function indexFromArgs(kb: string[] | undefined): Promise<KnowledgeIndex> {
  if (!kb?.length) throw new UsageError('--kb is required');
  const { entries } = await loadKnowledge(kb);
  const index = KnowledgeIndex.build(entries);
  // the base's own confidence mapping and threshold, from its example questions (self-calibration.ts)
  baseCalibration(index);
  return index;
}

export function topArg(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--top ${value}: expected a whole number from 1 to 1000`);
  return n;
}

export function dayArg(value: string | undefined): string {
  if (value === undefined) return today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--day ${value}: expected a date like 2026-11-23`);
  return value;
}

/** An entry the text matches that agents will not be shown, and why ("draft", "overdue since 2026-10-02"). */
export interface Withheld {
  id: string;
  title: string;
  score: number;
  reasons: string[];
}

/**
 * The entries among the `limit` best matches of every entry (suggestable or not) that
 * suggestions leave out: a lead asking "why is X not suggested?" sees it named with its reason.
 */
export function withheld(index: KnowledgeIndex, text: string, day: string, limit: number): Withheld[] {
  return index.query([{ text, weight: 1 }], { limit }).hits.flatMap((h) => {
    const ref = index.ref(h.id)!;
    if (isSuggestable(ref, day)) return [];
    return [{ id: h.id, title: ref.title, score: h.score, reasons: describeWhyNotSuggested(ref, day) }];
  });
}

/** Prints the best entries for a text with score, confidence and the matched words per field. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...SEARCH_OPTIONS, all: { type: 'boolean' } });
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError('no search text given');
  const index = await indexFromArgs(values.kb);
  const day = dayArg(values.day);
  const limit = topArg(values.top, 5);
  const { parts, locale } = textQuery(index, text, queryLanguage(index, text));
  const result = index.query(parts, {
    limit: Math.max(limit, 3),
    locale,
    ...(values.all ? {} : { filter: (e) => isSuggestable(e, day) }),
  });
  const suggestions = toSuggestions(result, index, day).slice(0, limit);
  const hidden = values.all ? [] : withheld(index, text, day, limit);
  if (!suggestions.length) {
    io.out(hidden.length ? `No entry that agents are shown matches "${text}".` : `No ${values.all ? '' : 'approved '}entry matches "${text}".`);
  } else {
    const decision = decide(suggestions, baseCalibration(index).calibration.threshold);
    io.out(decision.abstained ? decision.reason! : `Confident answer: ${suggestions[0]!.entry.id}`);
    suggestions.forEach((s, i) => {
      io.out(`${i + 1}. ${s.entry.id}  "${s.entry.title}"  score ${s.score.toFixed(2)}  confidence ${confidenceLabel(s.confidence)}  ${s.entry.status}, ${s.freshness}`);
      const why = Object.entries(s.matched).map(([field, words]) => `${field}: ${words.join(', ')}`);
      io.out(`   why: ${why.join('; ') || 'no words in common'}`);
    });
  }
  if (hidden.length) {
    io.out(`Not suggested (matches, but agents are not shown ${hidden.length === 1 ? 'it' : 'them'}):`);
    for (const h of hidden) io.out(`- ${h.id}  "${h.title}"  score ${h.score.toFixed(2)}: ${h.reasons.join(', ')}`);
  }
  return 0;
}
