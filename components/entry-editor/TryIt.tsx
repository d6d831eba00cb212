import { useId, useState } from 'react';
import { percent } from '@/knowledge/confidence';
import { SHOWN_TO_AGENTS, TRY_DEPTH, type TryItResult } from '@/knowledge/editor/try-it';

/**
 * "Try it": a ticket's text in, where this entry (as edited, saved or not) ranks for it, with
 * its confidence and the entries above it: what the agents' panel would show.
 */
export function TryIt({ run, hrefOf }: { run: (subject: string, message: string) => Promise<TryItResult | { error: string }>; hrefOf: (id: string) => string }) {
  const id = useId();
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<TryItResult | { error: string } | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <section className="try-it" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Try it</h3>
      <p className="muted">Paste a ticket: see where this entry, as edited here, ranks for it among the entries agents get.</p>
      <label htmlFor={`${id}-subject`}>Ticket subject</label>
      <input id={`${id}-subject`} data-testid="try-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
      <label htmlFor={`${id}-message`}>Customer’s message</label>
      <textarea id={`${id}-message`} data-testid="try-message" rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />
      <button
        type="button"
        data-testid="try-run"
        disabled={busy || !(subject.trim() || message.trim())}
        onClick={async () => {
          setBusy(true);
          try {
            setResult(await run(subject, message));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? 'Ranking\u2026' : 'Rank this entry'}
      </button>
      <div role="status" data-testid="try-result">
        {result && ('error' in result ? <p className="status-error">{result.error}</p> : <TryItAnswer r={result} hrefOf={hrefOf} />)}
      </div>
    </section>
  );
}

function TryItAnswer({ r, hrefOf }: { r: TryItResult; hrefOf: (id: string) => string }) {
  const place = r.rank === undefined ? `Not among the first ${TRY_DEPTH} matches.` : `Ranks ${ordinal(r.rank)}, confidence ${percent(r.confidence!)}.`;
  const verdict =
    r.rank === undefined
      ? 'Agents would not see it for this ticket.'
      : r.shown
        ? 'Agents would see it among their suggestions.'
        : r.rank > SHOWN_TO_AGENTS
          ? `Agents see the first ${SHOWN_TO_AGENTS} only.`
          : `The best match is below the ${percent(r.threshold)} confidence the panel needs: agents would hear "no confident answer".`;
  return (
    <>
      <p>
        <strong>{place}</strong> {verdict}
      </p>
      {r.notSuggested.length > 0 && <p>Ranked as if approved and in date: agents are not shown it now ({r.notSuggested.join(', ')}).</p>}
      {r.above.length > 0 && (
        <>
          <p>{r.rank === undefined ? 'The matches:' : 'Above it:'}</p>
          <ol>
            {r.above.map((h) => (
              <li key={h.id}>
                <a href={hrefOf(h.id)}>{h.title}</a> ({percent(h.confidence)})
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;
}
