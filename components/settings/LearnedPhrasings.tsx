import { useCallback, useEffect, useId, useState } from 'react';
import type { LearnedPhrasingView, Outcome, RemoveLearnedRequest } from '@/knowledge/messages';

export interface LearnedPhrasingsProps {
  list: () => Promise<LearnedPhrasingView[]>;
  remove: (req: RemoveLearnedRequest) => Promise<Outcome<{ removed: number }>>;
}

export interface LearnedGroup {
  entryId: string;
  /** Absent when the entry was deleted since. */
  title: string | undefined;
  phrasings: LearnedPhrasingView[];
}

/** Phrasings by entry (oldest first), entries by title: a removal never moves the others; deleted entries last. */
export function groupByEntry(rows: readonly LearnedPhrasingView[]): LearnedGroup[] {
  const groups = new Map<string, LearnedGroup>();
  for (const r of rows) {
    let g = groups.get(r.entryId);
    if (!g) groups.set(r.entryId, (g = { entryId: r.entryId, title: r.entryTitle, phrasings: [] }));
    g.phrasings.push(r);
  }
  const key = (g: LearnedGroup) => g.title ?? '';
  return [...groups.values()].sort(
    (a, b) => Number(a.title === undefined) - Number(b.title === undefined) || key(a).localeCompare(key(b)) || a.entryId.localeCompare(b.entryId),
  );
}

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const phrasingCount = (n: number) => `${n} learned phrasing${n === 1 ? '' : 's'}`;

type Loaded = { kind: 'loading' } | { kind: 'failed'; text: string } | { kind: 'loaded'; rows: LearnedPhrasingView[] };

/**
 * What the search learned from agents' inserts, by entry: each phrasing can be removed, and the
 * suggestions stop using it at once (the background re-indexes the entry).
 */
export function LearnedPhrasings({ list, remove }: LearnedPhrasingsProps) {
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const reload = useCallback(async () => {
    try {
      setLoaded({ kind: 'loaded', rows: await list() });
    } catch {
      setLoaded({ kind: 'failed', text: 'The learned phrasings could not be read. Close and reopen the panel to try again.' });
    }
  }, [list]);
  useEffect(() => void reload(), [reload]);

  const run = async (req: RemoveLearnedRequest, done: (removed: number) => string) => {
    setBusy(true);
    try {
      const out = await remove(req);
      setMessage(out.ok ? done(out.value.removed) : out.error);
    } catch {
      setMessage('Nothing was removed: the background did not answer. Try again.');
    }
    await reload();
    setBusy(false);
  };

  const groups = loaded.kind === 'loaded' ? groupByEntry(loaded.rows) : [];
  return (
    <section aria-labelledby={`${id}-h`} data-testid="learned">
      <h3 id={`${id}-h`}>Learned phrasings</h3>
      <p className="muted">
        When an agent inserts a suggested answer nearly as suggested, Agent Assist learns the ticket&rsquo;s wording for that answer, so
        tickets worded alike find it. Rejecting an answer teaches nothing. Personal data is removed before a phrasing is kept.
      </p>
      {loaded.kind === 'loading' ? <p>Loading learned phrasings&hellip;</p> : null}
      {loaded.kind === 'failed' ? <p className="status-error">{loaded.text}</p> : null}
      {loaded.kind === 'loaded' && !groups.length ? (
        <p data-testid="learned-empty">
          Nothing learned yet. Phrasings appear here after an agent inserts an answer with few or no edits; each can then be removed.
        </p>
      ) : null}
      {groups.length ? (
        <ul className="plain learned-groups">
          {groups.map((g) => {
            const name = g.title ?? `${g.entryId} (entry deleted)`;
            return (
              <li key={g.entryId} data-testid="learned-entry">
                <h4>
                  {g.title ?? 'Deleted entry'} <span className="muted">({g.entryId})</span>
                </h4>
                <ul className="learned-list">
                  {g.phrasings.map((p) => (
                    <li key={p.id} data-testid="learned-phrasing">
                      <q>{p.text}</q>
                      <div className="muted">
                        Search terms: {p.terms.join(', ') || 'none'}. Learned from {p.who}, <time dateTime={p.at}>{when(p.at)}</time>
                        {p.times > 1 ? `, and ${p.times - 1} more time${p.times > 2 ? 's' : ''} since` : ''}.
                      </div>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={`Remove \u201c${p.text}\u201d (learned for ${name})`}
                        onClick={() =>
                          void run({ kind: 'one', id: p.id }, (n) =>
                            n ? `Removed a learned phrasing of ${name}: suggestions no longer use it.` : 'That phrasing was already removed.',
                          )
                        }
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Remove all for this entry: ${phrasingCount(g.phrasings.length)} of ${name}`}
                  onClick={() => void run({ kind: 'entry', entryId: g.entryId }, (n) => `Removed ${phrasingCount(n)} of ${name}: suggestions no longer use them.`)}
                >
                  Remove all for this entry
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p role="status" aria-live="polite" data-testid="learned-status">
        {message}
      </p>
    </section>
  );
}
