import { useId, useState, type FormEvent } from 'react';
import type { BulkAction, BulkResult, BulkUndo } from '@/knowledge/store/bulk';

export type BulkOutcome = { ok: true; result: BulkResult } | { ok: false; error: string };
export type UndoOutcome = { ok: true; restored: number } | { ok: false; error: string };

const MAX_REFUSALS_SHOWN = 20;

export const entries = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'}`;

/** "Approved 500 entries." and friends: what the action did, in the lead's words. */
export function describeBulk(action: BulkAction, n: number): string {
  switch (action.kind) {
    case 'approve':
      return `Approved ${entries(n)}.`;
    case 'send_to_review':
      return `Sent ${entries(n)} to review.`;
    case 'archive':
      return `Archived ${entries(n)}.`;
    case 'delete':
      return `Deleted ${entries(n)} for good.`;
    case 'assign_owner':
      return action.owner.trim() ? `Assigned ${entries(n)} to ${action.owner.trim()}.` : `Removed the owner of ${entries(n)}.`;
    case 'set_review_date':
      return action.reviewBy ? `Set the review date of ${entries(n)} to ${action.reviewBy}.` : `Removed the review date of ${entries(n)}.`;
    case 'add_tag':
      return `Added the tag \u201C${action.tag.trim()}\u201D to ${entries(n)}.`;
    case 'remove_tag':
      return `Removed the tag \u201C${action.tag.trim()}\u201D from ${entries(n)}.`;
  }
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; text: string }
  | { kind: 'done'; text: string; result: BulkResult }
  | { kind: 'undone'; text: string }
  | { kind: 'failed'; text: string };

interface Confirm {
  title: string;
  detail: string;
  ids: string[];
}

/**
 * What a lead can do to the selected entries at once: approve, send to review, archive, delete
 * (archived entries only, after asking), assign an owner, set or remove a review date, add or
 * remove a tag; and empty the archive (asks first; the only hard delete). Each is one transaction
 * (knowledge/store/bulk.ts); the status line says what changed, lists what was refused, and offers
 * Undo.
 */
export function BulkActions(props: {
  /** Selected ids that exist. */
  selected: string[];
  /** Of those, how many the filters hide. */
  hidden: number;
  /** Whether every selected entry is archived (delete is for archived entries only). */
  allArchived: boolean;
  /** Every archived entry's id: what "Empty the archive" deletes. */
  archived: string[];
  owners: string[];
  tags: string[];
  run: (ids: string[], action: BulkAction) => Promise<BulkOutcome>;
  undo: (undo: BulkUndo) => Promise<UndoOutcome>;
  onClear: () => void;
}) {
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [owner, setOwner] = useState('');
  const [date, setDate] = useState('');
  const [tag, setTag] = useState('');
  const n = props.selected.length;
  const busy = status.kind === 'working';

  const act = async (ids: string[], action: BulkAction) => {
    setConfirm(null);
    setStatus({ kind: 'working', text: `Changing ${entries(ids.length)}\u2026` });
    const out = await props.run(ids, action);
    if (!out.ok) return setStatus({ kind: 'failed', text: out.error });
    const r = out.result;
    const parts = [describeBulk(action, r.changed.length)];
    if (r.unchanged.length) parts.push(`${entries(r.unchanged.length)} already so.`);
    if (r.missing.length) parts.push(`${entries(r.missing.length)} no longer there.`);
    if (r.refused.length) parts.push(`${entries(r.refused.length)} refused:`);
    setStatus({ kind: 'done', text: parts.join(' '), result: r });
  };
  const undo = async (result: BulkResult) => {
    setStatus({ kind: 'working', text: `Undoing the change to ${entries(result.changed.length)}\u2026` });
    const out = await props.undo(result.undo);
    setStatus(out.ok ? { kind: 'undone', text: `Undone: ${entries(out.restored)} back as they were.` } : { kind: 'failed', text: out.error });
  };
  const submit = (action: BulkAction) => (e: Pick<FormEvent, 'preventDefault'>) => {
    e.preventDefault();
    void act(props.selected, action);
  };
  const askDelete = () => {
    if (!props.allArchived) {
      setStatus({ kind: 'failed', text: 'Only archived entries can be deleted: archive them first (filter by status \u201Carchived\u201D to see them).' });
      return;
    }
    setConfirm({ title: `Delete ${entries(n)} for good?`, detail: 'They leave the knowledge and every view of it. Until you leave this page, Undo brings them back.', ids: props.selected });
  };

  return (
    <section className="bulk" aria-labelledby={`${id}-h`} data-testid="bulk">
      <h3 id={`${id}-h`} className="visually-hidden">
        Actions on the selected entries
      </h3>
      <div className="bulk-row">
        <p className="bulk-count" data-testid="bulk-count">
          {n === 0 ? 'No entry selected.' : `${entries(n)} selected${props.hidden ? ` (${props.hidden.toLocaleString('en')} hidden by the filters)` : ''}.`}
        </p>
        {n > 0 ? (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void act(props.selected, { kind: 'approve' })} data-testid="bulk-approve">
              Approve
            </button>
            <button type="button" disabled={busy} onClick={() => void act(props.selected, { kind: 'send_to_review' })} data-testid="bulk-review">
              Send to review
            </button>
            <button type="button" disabled={busy} onClick={() => void act(props.selected, { kind: 'archive' })} data-testid="bulk-archive">
              Archive
            </button>
            <button type="button" disabled={busy} onClick={askDelete} data-testid="bulk-delete">
              Delete{'\u2026'}
            </button>
            <button type="button" disabled={busy} onClick={props.onClear} data-testid="bulk-clear">
              Clear selection
            </button>
          </>
        ) : null}
        {props.archived.length > 0 ? (
          <button
            type="button"
            className="bulk-empty"
            disabled={busy}
            onClick={() => setConfirm({ title: `Empty the archive: delete its ${entries(props.archived.length)} for good?`, detail: 'Deleting is only for archived entries, and this is the only way to remove entries for good. Until you leave this page, Undo brings them back.', ids: props.archived })}
            data-testid="empty-archive"
          >
            Empty the archive ({props.archived.length.toLocaleString('en')}){'\u2026'}
          </button>
        ) : null}
      </div>
      {n > 0 ? (
        <div className="bulk-row bulk-forms">
          <form onSubmit={submit({ kind: 'assign_owner', owner })}>
            <label htmlFor={`${id}-owner`}>Owner</label>
            <input id={`${id}-owner`} list={`${id}-owners`} value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="name or email; empty = no owner" data-testid="bulk-owner" />
            <datalist id={`${id}-owners`}>
              {props.owners.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
            <button type="submit" disabled={busy} data-testid="bulk-owner-apply">
              Assign owner
            </button>
          </form>
          <form onSubmit={submit({ kind: 'set_review_date', reviewBy: date || null })}>
            <label htmlFor={`${id}-date`}>Review date</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="bulk-date" />
            <button type="submit" disabled={busy} data-testid="bulk-date-apply">
              {date ? 'Set review date' : 'Remove review date'}
            </button>
          </form>
          <form onSubmit={submit({ kind: 'add_tag', tag })}>
            <label htmlFor={`${id}-tag`}>Tag</label>
            <input id={`${id}-tag`} list={`${id}-tags`} value={tag} onChange={(e) => setTag(e.target.value)} data-testid="bulk-tag" />
            <datalist id={`${id}-tags`}>
              {props.tags.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
            <button type="submit" disabled={busy || !tag.trim()} data-testid="bulk-tag-add">
              Add tag
            </button>
            <button type="button" disabled={busy || !tag.trim()} onClick={submit({ kind: 'remove_tag', tag })} data-testid="bulk-tag-remove">
              Remove tag
            </button>
          </form>
        </div>
      ) : null}
      {confirm ? (
        <div role="alertdialog" aria-labelledby={`${id}-ct`} aria-describedby={`${id}-cd`} className="notice notice-error bulk-confirm" data-testid="bulk-confirm">
          <p id={`${id}-ct`}>
            <strong>{confirm.title}</strong>
          </p>
          <p id={`${id}-cd`}>{confirm.detail}</p>
          <button type="button" className="primary" onClick={() => void act(confirm.ids, { kind: 'delete' })} data-testid="bulk-confirm-delete">
            Delete {entries(confirm.ids.length)} for good
          </button>{' '}
          {/* Focus lands on Cancel: the safe choice is the one a stray Enter makes. */}
          <button type="button" autoFocus onClick={() => setConfirm(null)} data-testid="bulk-confirm-cancel">
            Cancel
          </button>
        </div>
      ) : null}
      <div role="status" className="bulk-status" data-testid="bulk-status">
        {status.kind === 'idle' ? null : (
          <p className={status.kind === 'failed' ? 'status-error' : undefined}>
            {status.text}{' '}
            {status.kind === 'done' && status.result.changed.length > 0 ? (
              <button type="button" onClick={() => void undo(status.result)} data-testid="bulk-undo">
                Undo
              </button>
            ) : null}
          </p>
        )}
        {status.kind === 'done' && status.result.refused.length > 0 ? (
          <ul className="bulk-refused" data-testid="bulk-refused">
            {status.result.refused.slice(0, MAX_REFUSALS_SHOWN).map((r) => (
              <li key={r.id}>
                {r.id}: {r.reason}
              </li>
            ))}
            {status.result.refused.length > MAX_REFUSALS_SHOWN ? <li>and {entries(status.result.refused.length - MAX_REFUSALS_SHOWN)} more</li> : null}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
