import { useId, useState } from 'react';
import { REJECT_REASONS, type RejectReason } from '@/knowledge/events';

export const REJECT_LABELS: Record<RejectReason, string> = {
  wrong_topic: 'Wrong topic',
  outdated: 'Outdated',
  incomplete: 'Incomplete',
  tone: 'Tone',
  other: 'Other',
};

/** Why the answer did not fit: counted for the team lead (the note is redacted before it is kept). */
export function RejectForm({ onReject, onCancel }: { onReject: (reason: RejectReason, note: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState<RejectReason | ''>('');
  const [note, setNote] = useState('');
  const id = useId();
  return (
    <form
      className="reject-form"
      data-testid="reject-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) onReject(reason, note.trim());
      }}
    >
      <fieldset>
        <legend>Why does this answer not fit?</legend>
        {REJECT_REASONS.map((r) => (
          <label key={r} className="radio">
            <input type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} /> {REJECT_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>Note for the owner (optional)</label>
      <input id={`${id}-note`} maxLength={280} value={note} onChange={(e) => setNote(e.target.value)} />
      <p>
        <button type="submit" disabled={!reason} data-testid="reject-confirm">
          Reject answer
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
