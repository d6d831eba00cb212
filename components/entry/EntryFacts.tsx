import { confidenceLabel } from '@/knowledge/confidence';
import type { Entry, SourceFormat } from '@/knowledge/entry';
import type { LanguageFallback, MatchedTerms } from '@/knowledge/messages';

const FRESHNESS_LABEL = {
  fresh: 'Reviewed',
  'due-soon': 'Review due soon',
  stale: 'Review overdue',
  'no-review-date': 'No review date',
} as const;

const FIELD_LABEL: Record<string, string> = { title: 'title', questions: 'questions', body: 'answer', tags: 'tags', learned: 'learned phrasings' };

/** Formats whose file name alone does not say what it was. */
const FORMAT_LABEL: Partial<Record<SourceFormat, string>> = { 'zendesk-macros': 'Zendesk macros', 'zendesk-guide': 'Zendesk Guide articles' };

/**
 * Where an entry comes from, in words an agent reads: "Imported from answers.csv, row 3",
 * "Imported from pack.json". The precise location (a JSON path such as "entries[26]") is for
 * leads: sourceLocation, shown as the label's tooltip.
 */
export function sourceLabel(entry: Entry): string {
  const s = entry.source;
  if (s.format === 'manual') return 'Written in Agent Assist';
  const file = s.file || 'a file';
  const from = FORMAT_LABEL[s.format] ? `${FORMAT_LABEL[s.format]} (${file})` : file;
  const at = s.row === undefined ? '' : s.format === 'csv' ? `, row ${s.row}` : `, entry ${s.row}`;
  return `Imported from ${from}${at}`;
}

/** The exact place in the source file: "pack.json entries[26]", "answers.csv row 3". */
export function sourceLocation(entry: Entry): string {
  const s = entry.source;
  return `${s.file}${s.row !== undefined ? ` row ${s.row}` : s.path ? ` ${s.path}` : ''} (${s.format})`;
}


/** "German" for "de"; the code itself where the browser has no name for it. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function matchedWords(matched: MatchedTerms): string[] {
  return [...new Set(Object.values(matched).flat())];
}

/** Why it matched, where it comes from, who owns it, how fresh, how sure. */
export function EntryFacts({
  entry,
  matched,
  freshness,
  confidence,
  fallback,
}: {
  entry: Entry;
  matched: MatchedTerms;
  freshness: keyof typeof FRESHNESS_LABEL;
  confidence?: number;
  /** Set when no entry in the ticket's language was confident and this one was found in another language. */
  fallback?: LanguageFallback;
}) {
  const why = Object.entries(matched)
    .filter(([, words]) => words && words.length)
    .map(([field, words]) => `${words!.join(', ')} (${FIELD_LABEL[field] ?? field})`);
  return (
    <dl className="facts">
      {why.length ? (
        <>
          <dt>Matched</dt>
          <dd className="why">{why.join('; ')}</dd>
        </>
      ) : null}
      {confidence !== undefined ? (
        <>
          <dt>Confidence</dt>
          <dd>{confidenceLabel(confidence)}</dd>
        </>
      ) : null}
      {fallback ? (
        <>
          <dt>Language</dt>
          <dd className="fallback" data-testid="language-fallback">
            {`${languageName(fallback.to)} answer: the ticket is in ${languageName(fallback.from)}, and no ${languageName(fallback.from)} entry matched. Translate before you send.`}
          </dd>
        </>
      ) : null}
      <dt>Source</dt>
      <dd title={sourceLocation(entry)} data-testid="entry-source">
        {sourceLabel(entry)}
      </dd>
      <dt>Owner</dt>
      <dd>{entry.owner || 'nobody (ask your team lead)'}</dd>
      <dt>Review</dt>
      <dd className={`freshness freshness-${freshness}`}>
        {FRESHNESS_LABEL[freshness]}
        {entry.reviewBy ? ` (by ${entry.reviewBy})` : ''}
      </dd>
    </dl>
  );
}
