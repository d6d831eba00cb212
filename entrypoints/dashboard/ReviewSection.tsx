import { useEffect, useState } from 'react';
import sampleEventsJsonl from '@/knowledge/sample/events.jsonl?raw';
import { FINDING_KINDS, type Finding, type FindingKind, type Fix } from '@/knowledge/quality/findings';
import type { ReviewQueue } from '@/knowledge/quality/queue';
import { sampleEventsAt } from '@/knowledge/sample-events';
import { undoBulk, type BulkUndo } from '@/knowledge/store/bulk';
import { StoreError } from '@/knowledge/store/errors';
import { countEvents } from '@/knowledge/store/event-blocks';
import { storedIds } from '@/knowledge/store/event-import';
import { addImportedEvents } from '@/knowledge/store/events';
import { applyFix, loadReviewQueue, restoreFinding } from '@/knowledge/store/review';
import { FindingCard } from '@/components/review/FindingCard';
import { KIND_LABELS } from '@/components/review/words';
import { StatusMessage, type Status } from '@/components/status/StatusMessage';
import type { DashboardApi } from './api';
import { routeHash } from './route';
import { useKnowledgeVersion } from './useKnowledgeVersion';

type Loaded = { queue: ReviewQueue; events: number; offerSample: boolean };
type Undo = { kind: 'bulk'; undo: BulkUndo } | { kind: 'dismiss'; key: string };

const entryHref = (id: string) => routeHash({ section: 'entry', id });
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The review queue (knowledge/quality): what a lead should look at, each with why and a one-click
 * fix. Overdue and flagged entries agents meet most come first; every fix can be undone.
 */
export function ReviewSection({ api }: { api: DashboardApi }) {
  const version = useKnowledgeVersion(api);
  const [reload, setReload] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | { error: string } | undefined>();
  const [kind, setKind] = useState<FindingKind | ''>('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [undo, setUndo] = useState<Undo | undefined>();

  useEffect(() => {
    let live = true;
    Promise.all([loadReviewQueue(api.db), countEvents(api.db), sampleActivityMissing(api)]).then(
      ([queue, events, offerSample]) => live && setLoaded({ queue, events, offerSample }),
      (err: unknown) => live && setLoaded({ error: `Could not read the review queue: ${message(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [api, version, reload]);

  if (!loaded) return <p className="muted">Reading the review queue{'\u2026'}</p>;
  if ('error' in loaded) return <p className="notice notice-error">{loaded.error}</p>;
  const { queue } = loaded;
  const first = new Set(queue.reviewFirst);
  const shown = queue.findings.filter((f) => !kind || f.kind === kind);
  const firstOnes = shown.filter((f) => first.has(f.key));
  const rest = shown.filter((f) => !first.has(f.key));

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    try {
      await what();
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof StoreError ? err.message : `Nothing was changed: ${message(err)}` });
      setUndo(undefined);
    } finally {
      setBusy(false);
      setReload((n) => n + 1);
    }
  };

  const onFix = (f: Finding, fix: Fix) => {
    if (fix.kind === 'edit') {
      location.hash = entryHref(fix.id);
      return;
    }
    void run(async () => {
      const who = await api.who();
      const out = await applyFix(api.db, fix, who);
      if (out.changed.length) await api.knowledgeWritten();
      setStatus({ tone: 'ok', text: fix.kind === 'dismiss' ? `Dismissed: ${KIND_LABELS[f.kind].toLowerCase()} (${f.ids.join(', ')}).` : `${fix.label}: done.` });
      setUndo(out.undo ? { kind: 'bulk', undo: out.undo } : fix.kind === 'dismiss' ? { kind: 'dismiss', key: fix.key } : undefined);
    });
  };

  const onUndo = (u: Undo) =>
    void run(async () => {
      if (u.kind === 'dismiss') await restoreFinding(api.db, u.key);
      else {
        await undoBulk(api.db, u.undo, await api.who());
        await api.knowledgeWritten();
      }
      setStatus({ tone: 'ok', text: 'Undone.' });
      setUndo(undefined);
    });

  const loadSampleActivity = () =>
    void run(async () => {
      const out = await addImportedEvents(api.db, sampleEventsAt(sampleEventsJsonl));
      setStatus({ tone: 'ok', text: `Sample activity loaded: ${out.added} events.` });
    });

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Review queue</h2>
      <p className="muted" data-testid="review-summary">
        {queue.findings.length === 0
          ? 'Nothing to review: no duplicates, overdue, ownerless or flagged entries.'
          : `${queue.findings.length} ${queue.findings.length === 1 ? 'finding' : 'findings'}, ${queue.reviewFirst.length} to review first.`}
        {queue.dismissed ? ` ${queue.dismissed} dismissed.` : ''}
      </p>
      <div className="status-line" aria-live="polite">
        <StatusMessage status={status} />
        {undo && status?.tone === 'ok' ? (
          <button type="button" data-testid="undo" disabled={busy} onClick={() => onUndo(undo)}>
            Undo
          </button>
        ) : null}
      </div>
      {loaded.events === 0 || loaded.offerSample ? (
        <div className="notice">
          {loaded.events === 0 ? (
            <p>
              No agent activity recorded yet: findings that need it (often rejected, flagged, agents&apos; edits, unused) appear once agents use the
              suggestions.
            </p>
          ) : null}
          {loaded.offerSample ? (
            <button type="button" data-testid="load-sample-activity" disabled={busy} onClick={loadSampleActivity}>
              Load the sample activity (four weeks of demo events for the sample knowledge)
            </button>
          ) : null}
        </div>
      ) : null}
      {queue.findings.length ? (
        <label className="inline">
          Show{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as FindingKind | '')} data-testid="finding-kind">
            <option value="">every finding ({queue.findings.length})</option>
            {FINDING_KINDS.filter((k) => queue.counts[k] > 0).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]} ({queue.counts[k]})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {firstOnes.length ? (
        <>
          <h3>Review first</h3>
          <p className="muted">Overdue or flagged, most shown to agents in the last 30 days first.</p>
          <ul className="findings">
            {firstOnes.map((f) => (
              <FindingCard key={f.key} finding={f} reviewFirst entryHref={entryHref} onFix={onFix} busy={busy} />
            ))}
          </ul>
        </>
      ) : null}
      {rest.length ? (
        <>
          {firstOnes.length ? <h3>Everything else</h3> : null}
          <ul className="findings">
            {rest.map((f) => (
              <FindingCard key={f.key} finding={f} reviewFirst={false} entryHref={entryHref} onFix={onFix} busy={busy} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * Whether to offer the sample activity: the sample knowledge is loaded (an entry the sample events
 * are about is stored) and the sample events are not (looked up by id, loose and in blocks).
 */
async function sampleActivityMissing(api: DashboardApi): Promise<boolean> {
  const events = sampleEventsAt(sampleEventsJsonl);
  const about = events.find((e): e is typeof e & { entryId: string } => 'entryId' in e);
  const first = events[0];
  if (!first || !about || !(await api.db.entries.get(about.entryId))) return false;
  return !(await storedIds(api.db, [first.eventId])).size;
}
