import type { ReactNode } from 'react';

/** The engine abstained: say so plainly and put the manual search right here. */
export function NoConfidentAnswer({ reason, children }: { reason?: string; children: ReactNode }) {
  return (
    <section className="notice" data-testid="no-confident-answer" aria-labelledby="no-answer-heading">
      <h2 id="no-answer-heading">No confident answer</h2>
      <p>{reason ?? 'Nothing in the knowledge base matches this ticket well enough to suggest it.'} Search it yourself:</p>
      {children}
    </section>
  );
}
