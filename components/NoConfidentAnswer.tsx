import type { ReactNode } from 'react';

/** The engine abstained (or pilot mode held the answers back): say so plainly and put the manual search right here. */
export function NoConfidentAnswer({ reason, pilot, children }: { reason?: string; pilot?: boolean; children: ReactNode }) {
  return (
    <section className="notice" data-testid="no-confident-answer" data-pilot={pilot ? 'held' : undefined} aria-labelledby="no-answer-heading">
      <h2 id="no-answer-heading">{pilot ? 'Not in the pilot' : 'No confident answer'}</h2>
      <p>{reason ?? 'Nothing in the knowledge base matches this ticket well enough to suggest it.'} Search it yourself:</p>
      {children}
    </section>
  );
}
