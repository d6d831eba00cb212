import { useId, useState } from 'react';

export interface MyDataProps {
  /** Downloads this installation's events as NDJSON (the panel says how many). */
  onExport: () => Promise<void>;
  /** Runs after the agent confirmed. */
  onDelete: (options: { knowledge: boolean }) => Promise<void>;
}

/** "Export my events" and "Delete all my data" (with a confirmation step; the knowledge stays unless chosen). */
export function MyData({ onExport, onDelete }: MyDataProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [knowledge, setKnowledge] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} data-testid="my-data">
      <h3 id={`${id}-h`}>Your data</h3>
      <p className="muted">
        Acceptance events stay in this browser. Export them as a file for your trainer: hashed tickets and redacted notes only, one event per line.
      </p>
      <button type="button" data-testid="export-events" disabled={busy} onClick={() => void run(onExport)}>
        Export my events
      </button>{' '}
      <button type="button" data-testid="delete-my-data" disabled={busy || confirming} onClick={() => setConfirming(true)}>
        Delete all my data&hellip;
      </button>
      {confirming ? (
        <div className="notice notice-error" role="group" aria-labelledby={`${id}-confirm`} data-testid="delete-confirm">
          <p id={`${id}-confirm`}>
            <strong>Delete all your data from this browser?</strong> Your acceptance events, the phrasings the search learned from your tickets and
            your profile are deleted, and this browser starts as a new installation. Your helpdesks and team settings stay. This cannot be undone.
          </p>
          <p>
            <input id={`${id}-knowledge`} type="checkbox" data-testid="delete-knowledge" checked={knowledge} onChange={(e) => setKnowledge(e.target.checked)} />{' '}
            <label htmlFor={`${id}-knowledge`}>Also delete the knowledge base (every entry and its history)</label>
          </p>
          <button
            type="button"
            className="primary"
            data-testid="confirm-delete"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await onDelete({ knowledge });
                setConfirming(false);
                setKnowledge(false);
              })
            }
          >
            Delete{knowledge ? ' my data and the knowledge' : ' my data'}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : null}
    </section>
  );
}
