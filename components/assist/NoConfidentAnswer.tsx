import type { ReactNode } from 'react';

/**
 * The engine abstained (or pilot mode held the answers back): say so plainly, offer the closest
 * entries collapsed (they are guesses, not suggestions) and put the manual search right here.
 */
export function NoConfidentAnswer({ reason, pilot, closest, children }: { reason?: string; pilot?: boolean; closest?: ReactNode; children: ReactNode }) {
  return (
    <section className="notice" data-testid="no-confident-answer" data-pilot={pilot ? 'held' : undefined} aria-labelledby="no-answer-heading">
      <h2 id="no-answer-heading">{pilot ? 'Not in the pilot' : 'No confident answer'}</h2>
      <p>{reason ?? 'Nothing in the knowledge base matches this ticket well enough to suggest it.'} Search it yourself:</p>
      {children}
      {closest ? (
        <details data-testid="not-confident">
          <summary>Closest entries (not confident)</summary>
          {closest}
        </details>
      ) : null}
    </section>
  );
}
