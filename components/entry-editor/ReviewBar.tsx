import type { EntryStatus } from '@/knowledge/entry';

const STATUS_WORDS: Record<EntryStatus, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved', archived: 'Archived' };

/** The moves each status offers: draft → in review → approved → archived, and back. */
const MOVES: Record<EntryStatus, { to: EntryStatus; label: string; testId: string }[]> = {
  draft: [
    { to: 'in_review', label: 'Send to review', testId: 'move-in_review' },
    { to: 'approved', label: 'Approve', testId: 'move-approved' },
    { to: 'archived', label: 'Delete (archive)', testId: 'move-archived' },
  ],
  in_review: [
    { to: 'approved', label: 'Approve', testId: 'move-approved' },
    { to: 'draft', label: 'Back to draft', testId: 'move-draft' },
    { to: 'archived', label: 'Delete (archive)', testId: 'move-archived' },
  ],
  approved: [
    { to: 'in_review', label: 'Send back to review', testId: 'move-in_review' },
    { to: 'archived', label: 'Delete (archive)', testId: 'move-archived' },
  ],
  archived: [{ to: 'draft', label: 'Restore from the archive (as a draft)', testId: 'move-draft' }],
};

/**
 * Where the entry stands: its status, why agents are not shown it (in words), and the review
 * moves. Moves wait while the form has unsaved changes: a move saves the stored entry, not the form.
 */
export function ReviewBar({ status, notSuggested, secondPerson, dirty, busy, onMove }: { status: EntryStatus; notSuggested: string[]; secondPerson: boolean; dirty: boolean; busy: boolean; onMove: (to: EntryStatus) => void }) {
  return (
    <section className="review-bar" aria-labelledby="review-bar-h">
      <h3 id="review-bar-h">
        Status: <span data-testid="entry-status">{STATUS_WORDS[status]}</span>
      </h3>
      <p data-testid="why-not-suggested">
        {notSuggested.length === 0 ? 'Agents can be shown this entry.' : `Agents are not shown this entry: ${notSuggested.join(', ')}.`}
      </p>
      <div className="move-buttons" role="group" aria-label="Review">
        {MOVES[status].map((m) => (
          <button key={m.to} type="button" data-testid={m.testId} className={m.to === 'approved' ? 'primary' : undefined} disabled={dirty || busy} onClick={() => onMove(m.to)}>
            {m.label}
          </button>
        ))}
      </div>
      {dirty && <p className="muted">Save or undo your changes first.</p>}
      <p className="muted">
        {secondPerson ? 'Approval needs a second person: nobody approves their own change.' : 'Anyone may approve (the team setting \u201capproval needs a second person\u201d is off).'} Deleting moves the entry to the archive;
        emptying the archive in the list is the only way to remove it for good.
      </p>
    </section>
  );
}
