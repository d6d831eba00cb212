import type { Entry } from '@/knowledge/entry';
import type { MatchedTerms } from '@/knowledge/messages';

const FRESHNESS_LABEL = {
  fresh: 'Reviewed',
  'due-soon': 'Review due soon',
  stale: 'Review overdue',
  'no-review-date': 'No review date',
} as const;

const FIELD_LABEL: Record<string, string> = { title: 'title', questions: 'questions', body: 'answer', tags: 'tags', learned: 'learned phrasings' };

export function sourceLabel(entry: Entry): string {
  const s = entry.source;
  return `${s.file}${s.row !== undefined ? ` row ${s.row}` : s.path ? ` ${s.path}` : ''}`;
}

export function confidenceLabel(confidence: number): string {
  const pct = Math.round(confidence * 100);
  const word = confidence >= 0.75 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
  return `${pct}% (${word})`;
}

export function matchedWords(matched: MatchedTerms): string[] {
  return [...new Set(Object.values(matched).flat())];
}

/** Why it matched, where it comes from, who owns it, how fresh, how sure. */
export function EntryFacts({ entry, matched, freshness, confidence }: { entry: Entry; matched: MatchedTerms; freshness: keyof typeof FRESHNESS_LABEL; confidence?: number }) {
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
      <dt>Source</dt>
      <dd>{sourceLabel(entry)}</dd>
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
