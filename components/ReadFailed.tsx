import type { ReadFailure } from '@/knowledge/messages';

/** The helpdesk was recognised but the ticket could not be read: say so, never guess. */
export function ReadFailed({ failure, onReadSelection }: { failure: ReadFailure; onReadSelection: () => void }) {
  return (
    <section className="notice notice-error" data-testid="read-failed" aria-labelledby="read-failed-heading">
      <h2 id="read-failed-heading">Could not read this ticket on {failure.helpdesk}</h2>
      <p>{failure.reason}</p>
      <p>Search the knowledge below, or select the customer&rsquo;s message on the page and read the selection instead.</p>
      <button type="button" onClick={onReadSelection}>
        Read selected text
      </button>
    </section>
  );
}
