import type { Entry } from '@/knowledge/entry';
import type { LanguageFallback, MatchedTerms } from '@/knowledge/messages';
import { EntryFacts, matchedWords } from '../entry/EntryFacts';
import { Highlight } from './Highlight';
import { excerpt } from './TicketSummary';

export interface CardProps {
  entry: Entry;
  rank: number;
  matched: MatchedTerms;
  freshness: 'fresh' | 'due-soon' | 'stale' | 'no-review-date';
  confidence?: number;
  fallback?: LanguageFallback;
  /** The answer with placeholders filled from the ticket and the agent's profile. */
  filled: string;
  selected: boolean;
  testId: string;
  buttonRef?: (el: HTMLButtonElement | null) => void;
  onSelect: () => void;
  onPreview: () => void;
}

/** Markdown marks out of a short preview: links keep their text, emphasis and headings lose their marks. */
export function plainText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/g, '$2');
}

/** One suggested answer; its button opens the preview (Enter on the focused card does too). */
export function SuggestionCard(props: CardProps) {
  const { entry, rank, matched, filled, selected } = props;
  const words = matchedWords(matched);
  return (
    <li className={`card${selected ? ' card-selected' : ''}`} data-testid={props.testId} data-entry-id={entry.id} aria-current={selected ? 'true' : undefined}>
      <button type="button" className="card-title" ref={props.buttonRef} onFocus={props.onSelect} onClick={props.onPreview} aria-keyshortcuts={rank <= 3 ? String(rank) : undefined}>
        <span className="rank" aria-hidden="true">
          {rank}
        </span>
        {/* One span: in the flex button, bare text and <mark> pieces would each become a column. */}
        <span className="card-title-text">
          <Highlight text={entry.title} words={words} />
        </span>
        <span className="visually-hidden">, preview answer {rank}</span>
      </button>
      <p className="card-preview">
        <Highlight text={excerpt(plainText(filled), 220)} words={words} />
      </p>
      <EntryFacts entry={entry} matched={matched} freshness={props.freshness} confidence={props.confidence} fallback={props.fallback} />
    </li>
  );
}
