import type { ReadFailure } from '@/knowledge/messages';

/**
 * The helpdesk was recognised but the ticket could not be read: say so, never guess. Names the
 * helpdesk and what was missing, offers reading the selection, and, when the content script sent
 * one, "Copy a diagnosis" (selectors and counts, no page text) for a lead to report or fix it.
 */
export function ReadFailed({ failure, onReadSelection, onCopyDiagnosis }: { failure: ReadFailure; onReadSelection: () => void; onCopyDiagnosis?: () => void }) {
  return (
    <section className="notice notice-error" data-testid="read-failed" aria-labelledby="read-failed-heading">
      <h2 id="read-failed-heading">Could not read this ticket on {failure.helpdesk}</h2>
      <p>{failure.reason}</p>
      <p>Search the knowledge below, or select the customer&rsquo;s message on the page and read the selection instead.</p>
      <button type="button" onClick={onReadSelection}>
        Read selected text
      </button>
      {failure.diagnosis && onCopyDiagnosis ? (
        <button type="button" data-testid="copy-diagnosis" onClick={onCopyDiagnosis}>
          Copy a diagnosis
        </button>
      ) : null}
    </section>
  );
}
