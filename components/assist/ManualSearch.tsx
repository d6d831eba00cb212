import { useEffect, useId, useRef, useState } from 'react';
import type { ManualHit } from '@/knowledge/messages';
import { SuggestionCard } from './SuggestionCard';

export const SEARCH_DEBOUNCE_MS = 120;

export interface ManualSearchProps {
  results: readonly ManualHit[];
  /** Query text already run (results belong to it). */
  searched: string;
  onQuery: (text: string) => void;
  onChoose: (hit: ManualHit, rank: number) => void;
  fill: (body: string) => string;
  autoFocus?: boolean;
  /**
   * Text the box starts with (the ticket's key terms when the engine abstained); searched at once.
   * It may arrive after the box is drawn (the worker sends the verdict first): taken then, unless
   * the agent has typed.
   */
  initialText?: string;
  /** The key terms are on their way: the box says so (aria-busy) until they arrive. */
  awaitingText?: boolean;
}

/** Instant, typo-tolerant search over the approved knowledge (the search runs in the background). */
export function ManualSearch({ results, searched, onQuery, onChoose, fill, autoFocus, initialText, awaitingText }: ManualSearchProps) {
  const [text, setText] = useState(initialText ?? '');
  const [typed, setTyped] = useState(false);
  // A later initial text (adjusted while rendering, not in an effect: no frame with the old text)
  const [seed, setSeed] = useState(initialText);
  if (seed !== initialText) {
    setSeed(initialText);
    if (!typed) setText(initialText ?? '');
  }
  const id = useId();
  const latest = useRef(onQuery);
  latest.current = onQuery;
  useEffect(() => {
    const t = setTimeout(() => latest.current(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);
  const shown = searched.trim() && searched === text;
  return (
    <div className="manual-search" role="search">
      <label htmlFor={id}>Search the knowledge</label>
      <input
        id={id}
        type="search"
        data-testid="manual-search"
        value={text}
        autoFocus={autoFocus}
        autoComplete="off"
        placeholder="e.g. refund, delivery time"
        aria-busy={awaitingText && !typed ? true : undefined}
        onChange={(e) => {
          setTyped(true);
          setText(e.target.value);
        }}
      />
      {shown ? (
        results.length ? (
          <ol className="cards" aria-label="Search results">
            {results.map((hit, i) => (
              <SuggestionCard
                key={hit.entry.id}
                testId="search-result"
                entry={hit.entry}
                rank={i + 1}
                matched={hit.matched}
                freshness={hit.freshness}
                filled={fill(hit.entry.body)}
                selected={false}
                onSelect={() => undefined}
                onPreview={() => onChoose(hit, i + 1)}
              />
            ))}
          </ol>
        ) : (
          <p className="muted" data-testid="nothing-relevant">
            Nothing relevant in the knowledge for &ldquo;{searched}&rdquo;.
          </p>
        )
      ) : null}
    </div>
  );
}
