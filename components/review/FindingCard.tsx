import type { Finding, Fix } from '@/knowledge/quality/findings';
import { describeChange } from '@/knowledge/quality/revisions';
import { REJECT_LABELS } from '../assist/RejectForm';
import { KIND_LABELS } from './words';

export interface FindingCardProps {
  finding: Finding;
  reviewFirst: boolean;
  /** The href of an entry's editor. */
  entryHref: (id: string) => string;
  onFix: (finding: Finding, fix: Fix) => void;
  busy: boolean;
}

const day = (at: string) => at.slice(0, 10);

/** One finding: what is wrong and why, the entries it is about, and its fixes (the first one primary). */
export function FindingCard({ finding: f, reviewFirst, entryHref, onFix, busy }: FindingCardProps) {
  const headingId = `finding-${f.key.replace(/[^a-z0-9_-]/gi, '-')}`;
  return (
    <li className="finding" data-testid="finding" data-kind={f.kind} data-ids={f.ids.join(' ')} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {KIND_LABELS[f.kind]}
        {reviewFirst ? <span className="badge">review first</span> : null}
        {f.shown30 > 0 ? <span className="muted"> · shown {f.shown30.toLocaleString('en')} times in 30 days</span> : null}
      </h3>
      <p>{f.reason}</p>
      <p className="finding-ids">
        {f.ids.map((id, i) => (
          <span key={id}>
            {i > 0 ? ', ' : null}
            <a href={entryHref(id)}>{id}</a>
          </span>
        ))}
      </p>
      <FindingDetail finding={f} />
      <div className="finding-fixes">
        {[f.fix, ...f.also].map((fix, i) => (
          <button key={`${fix.kind}-${i}`} type="button" className={i === 0 ? 'primary' : undefined} disabled={busy} onClick={() => onFix(f, fix)} data-fix={fix.kind}>
            {fix.label}
          </button>
        ))}
      </div>
    </li>
  );
}

/** What the lead needs beside the reason: the question, the rejections and notes, the typical edit. */
function FindingDetail({ finding: f }: { finding: Finding }) {
  return (
    <>
      {f.similarity !== undefined ? <p className="muted">Similarity {Math.round(f.similarity * 100)}%</p> : null}
      {f.question ? <p className="muted">Question: \u201c{f.question}\u201d</p> : null}
      {f.rejections ? (
        <div>
          <p className="muted">
            Rejected {f.rejections.total} of {f.rejections.shown} times shown:{' '}
            {f.rejections.byReason.map((r) => `${REJECT_LABELS[r.reason].toLowerCase()} ${r.count}`).join(', ')}
          </p>
          <Notes notes={f.rejections.notes} label="Agents' notes (personal data removed)" />
        </div>
      ) : null}
      {f.flags ? (
        <div>
          <p className="muted">
            Flagged {f.flags.total} {f.flags.total === 1 ? 'time' : 'times'}, last on {day(f.flags.last)}
          </p>
          <Notes notes={f.flags.notes} label="Agents' notes (personal data removed)" />
        </div>
      ) : null}
      {f.revision ? (
        <div>
          <p className="muted">
            {f.revision.edited} of {f.revision.inserts} inserts since the last change were edited (mean edit ratio {Math.round(f.revision.meanEditRatio * 100)}%). Typical changes:
          </p>
          <ul className="changes" data-testid="typical-changes">
            {f.revision.typical.map((h, i) => (
              <li key={i}>
                {describeChange(h)} <span className="muted">({h.inserts} inserts)</span>
              </li>
            ))}
          </ul>
          {f.revision.skipped.length ? (
            <p className="muted">
              {f.revision.skipped.length} typical {f.revision.skipped.length === 1 ? 'change is' : 'changes are'} left out of the proposal (
              {f.revision.skipped.map((s) => (s.why === 'personal_data' ? 'holds personal data' : s.why === 'ambiguous' ? 'found more than once' : 'not found in the answer')).join(', ')}).
            </p>
          ) : null}
        </div>
      ) : null}
      {f.reviewBy ? <p className="muted">Review date {f.reviewBy}</p> : null}
    </>
  );
}

function Notes({ notes, label }: { notes: { at: string; note: string }[]; label: string }) {
  if (!notes.length) return null;
  return (
    <details>
      <summary>{label}</summary>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>
            <span className="muted">{day(n.at)}</span> {n.note}
          </li>
        ))}
      </ul>
    </details>
  );
}
