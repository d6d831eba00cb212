import { useEffect, useId, useRef, useState } from 'react';
import type { Entry } from '@/knowledge/entry';
import type { RejectReason } from '@/knowledge/events';
import type { LanguageFallback, MatchedTerms } from '@/knowledge/messages';
import type { PlaceholderName, PlaceholderValues } from '@/knowledge/placeholders';
import { EntryFacts } from '../entry/EntryFacts';
import { Markdown } from '../entry/Markdown';
import { missingLabel, PlaceholderForm } from './PlaceholderForm';
import { RejectForm } from './RejectForm';

export interface PreviewProps {
  entry: Entry;
  matched: MatchedTerms;
  freshness: 'fresh' | 'due-soon' | 'stale' | 'no-review-date';
  confidence?: number;
  fallback?: LanguageFallback;
  /** The text that will be inserted (edits and placeholders applied). */
  finalText: string;
  unresolved: readonly PlaceholderName[];
  /** Placeholders the agent fills in the form (filled or not yet). */
  needed: readonly PlaceholderName[];
  /** The agent's edit of the answer, or null while not edited. */
  edited: string | null;
  /** Where an edit starts: the answer with what the ticket and profile fill. */
  editStart: string;
  values: PlaceholderValues;
  /** Values for the form found in the ticket (an order number in the subject): offered, never filled on their own. */
  offered?: PlaceholderValues;
  /** The helpdesk adds its own greeting or signature and this entry has one too. */
  doubled?: { product: string; greeting: boolean; signOff: boolean };
  /** The entry's greeting and sign-off are left out (when `doubled`). */
  leaveFrame?: boolean;
  onLeaveFrame?: (leave: boolean) => void;
  busy: boolean;
  /** The insert target is known (a helpdesk tab); without one, Copy is the way. */
  canInsert: boolean;
  onValue: (name: PlaceholderName, value: string) => void;
  onEdit: (text: string | null) => void;
  onInsert: () => void;
  /** Only the internal note is open: the agent may choose to insert there (absent: not offered). */
  onInsertIntoNote?: () => void;
  onCopy: () => void;
  onReject: (reason: RejectReason, note: string) => void;
  onFlag: () => void;
  onBack: () => void;
}

/** Preview -> (edit) -> fill placeholders -> Insert at cursor. Never sends anything. */
export function AnswerPreview(p: PreviewProps) {
  const [rejecting, setRejecting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => heading.current?.focus(), [p.entry.id]);
  const blocked = p.unresolved.length > 0;
  const why = blocked ? `Fill in ${missingLabel(p.unresolved)} first.` : !p.canInsert ? 'No helpdesk tab to insert into: use Copy.' : '';
  return (
    <section className="preview" data-testid="preview" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {p.entry.title}
      </h2>
      {p.edited === null ? (
        <Markdown source={p.finalText} className="markdown answer" />
      ) : (
        <>
          <label htmlFor={`${id}-edit`}>Edit the answer (Ctrl+Enter inserts)</label>
          <textarea id={`${id}-edit`} data-testid="edit-answer" rows={10} value={p.edited} onChange={(e) => p.onEdit(e.target.value)} />
        </>
      )}
      {p.doubled ? (
        <p className="doubled">
          <label>
            <input type="checkbox" data-testid="leave-frame" checked={p.leaveFrame ?? false} onChange={(e) => p.onLeaveFrame?.(e.target.checked)} />{' '}
            Leave out this answer&rsquo;s {frameWords(p.doubled)}: {p.doubled.product} adds its own
          </label>
        </p>
      ) : null}
      <PlaceholderForm names={p.needed} values={p.values} offered={p.offered ?? {}} onChange={p.onValue} />
      <div className="actions">
        <button type="button" className="primary" data-testid="insert" disabled={blocked || p.busy || !p.canInsert} aria-describedby={why ? `${id}-why` : undefined} onClick={p.onInsert} aria-keyshortcuts="Control+Enter">
          Insert at cursor
        </button>
        {p.onInsertIntoNote ? (
          <button type="button" data-testid="insert-note" disabled={blocked || p.busy} onClick={p.onInsertIntoNote}>
            Insert into the internal note
          </button>
        ) : null}
        <button type="button" data-testid="copy" onClick={p.onCopy} disabled={blocked || p.busy}>
          Copy
        </button>
        <button type="button" data-testid="edit" onClick={() => p.onEdit(p.edited === null ? p.editStart : null)}>
          {p.edited === null ? 'Edit' : 'Undo edits'}
        </button>
        <button type="button" data-testid="reject" onClick={() => setRejecting(true)} aria-expanded={rejecting}>
          Reject&hellip;
        </button>
        <button type="button" data-testid="flag-outdated" onClick={p.onFlag}>
          Flag as outdated
        </button>
        <button type="button" onClick={p.onBack} aria-keyshortcuts="Escape">
          Back
        </button>
      </div>
      {why ? (
        <p id={`${id}-why`} className="muted" data-testid="insert-blocked">
          {why}
        </p>
      ) : (
        <p className="muted">Enter or Ctrl+Enter inserts at your cursor in the reply box. Nothing is sent.</p>
      )}
      {rejecting ? (
        <RejectForm
          onCancel={() => setRejecting(false)}
          onReject={(reason, note) => {
            setRejecting(false);
            p.onReject(reason, note);
          }}
        />
      ) : null}
      <EntryFacts entry={p.entry} matched={p.matched} freshness={p.freshness} confidence={p.confidence} fallback={p.fallback} />
    </section>
  );
}

function frameWords(d: { greeting: boolean; signOff: boolean }): string {
  return d.greeting && d.signOff ? 'greeting and sign-off' : d.greeting ? 'greeting' : 'sign-off';
}
