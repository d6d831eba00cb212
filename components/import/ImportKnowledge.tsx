import { useId, useRef, useState } from 'react';
import type { Entry, NotSuggestedReason } from '@/knowledge/entry';
import type { ImportReportView, Outcome } from '@/knowledge/messages';
import { formatProblem, type ImportProblem } from '@/knowledge/problems';
import { describeImport, type ImportWarnings } from '@/knowledge/quality';

export interface Checked {
  entries: Entry[];
  problems: ImportProblem[];
}

/** `read`: bytes read of all files; `check`: records of `file` checked (0 of 0 while it is parsed). */
export interface CheckProgress {
  stage: 'read' | 'check';
  loaded: number;
  total: number;
  file: string;
}

export interface ImportProps {
  check: (files: File[], signal: AbortSignal, onProgress: (p: CheckProgress) => void) => Promise<Checked>;
  /** Lands the entries, all or none; reports entries written and rolls back when `signal` aborts. */
  apply: (entries: Entry[], onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<Outcome<ImportReportView>>;
  /**
   * The checked entries against what is stored (checkImport): which will not be suggested and
   * which nearly repeat a stored entry or each other. Shown before Import and in the result line.
   */
  warn?: (entries: Entry[]) => Promise<ImportWarnings>;
}

type Phase =
  | { kind: 'idle' }
  | ({ kind: 'reading' } & CheckProgress)
  | { kind: 'checked'; result: Checked; warnings?: ImportWarnings; warnFailed?: string }
  | { kind: 'applying'; result: Checked; warnings?: ImportWarnings; done: number }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

function progressLabel(p: CheckProgress): string {
  return p.stage === 'read' ? 'Reading' : p.total ? 'Checking' : 'Parsing';
}

function progressText(p: CheckProgress): string {
  if (p.stage === 'read') return `Reading ${p.file}\u2026`;
  if (!p.total) return `Parsing ${p.file}\u2026`;
  return `Checking ${p.file}: ${p.loaded.toLocaleString('en')} of ${p.total.toLocaleString('en')} entries\u2026`;
}

/** Import a knowledge file (any supported format): every problem with file, row and field; all or nothing. */
/** Entries named in a warning before "and N more": the list stays readable for a 10k import. */
const NAMED = 10;

function named(ids: readonly string[]): string {
  return ids.length > NAMED ? `${ids.slice(0, NAMED).join(', ')} and ${ids.length - NAMED} more` : ids.join(', ');
}

const REASONS: { reason: NotSuggestedReason; words: string }[] = [
  { reason: 'draft', words: 'draft' },
  { reason: 'in_review', words: 'in review' },
  { reason: 'archived', words: 'archived' },
  { reason: 'overdue', words: 'overdue (review date passed)' },
];

/** Before Import: entries agents will not be shown, by reason, and possible near-duplicates, each naming the entries. */
function ImportWarningList({ warnings }: { warnings: ImportWarnings }) {
  const { notSuggested, nearDuplicates } = warnings;
  if (!notSuggested.length && !nearDuplicates.length) return null;
  const dups = nearDuplicates.slice(0, NAMED);
  return (
    <div data-testid="import-warnings">
      {notSuggested.length ? (
        <>
          <p>
            {notSuggested.length} {notSuggested.length === 1 ? 'entry' : 'entries'} will not be suggested to agents:
          </p>
          <ul aria-label="Entries that will not be suggested">
            {REASONS.map(({ reason, words }) => {
              const ids = notSuggested.filter((n) => n.reasons.includes(reason)).map((n) => n.id);
              return ids.length ? (
                <li key={reason} data-reason={reason}>
                  {ids.length} {words}: {named(ids)}
                </li>
              ) : null;
            })}
          </ul>
        </>
      ) : null}
      {nearDuplicates.length ? (
        <>
          <p>
            {nearDuplicates.length} possible {nearDuplicates.length === 1 ? 'duplicate' : 'duplicates'}:
          </p>
          <ul aria-label="Possible duplicates">
            {dups.map((d) => (
              <li key={`${d.id}\u0000${d.of}`} data-where={d.where}>
                {d.id} {d.exact ? 'repeats' : 'resembles'} {d.where === 'stored' ? 'the stored entry' : 'the imported entry'} {d.of} ({Math.round(d.similarity * 100)}%)
              </li>
            ))}
            {nearDuplicates.length > dups.length ? <li>and {nearDuplicates.length - dups.length} more</li> : null}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function ImportKnowledge({ check, apply, warn }: ImportProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const id = useId();

  const choose = async (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (!files.length) return;
    abort.current = new AbortController();
    setPhase({ kind: 'reading', stage: 'read', loaded: 0, total: files.reduce((s, f) => s + f.size, 0), file: files[0]!.name });
    try {
      const result = await check(files, abort.current.signal, (p) => setPhase({ kind: 'reading', ...p }));
      // Warnings only help when the file could be imported; without them the check still stands.
      const errors = result.problems.some((p) => p.severity === 'error');
      let warnings: ImportWarnings | undefined;
      let warnFailed: string | undefined;
      if (warn && !errors && result.entries.length) {
        warnings = await warn(result.entries).catch((err: unknown) => {
          warnFailed = String((err as Error)?.message ?? err);
          return undefined;
        });
      }
      if (abort.current.signal.aborted) throw new Error('cancelled');
      setPhase({ kind: 'checked', result, ...(warnings ? { warnings } : {}), ...(warnFailed ? { warnFailed } : {}) });
    } catch (err) {
      setPhase(abort.current.signal.aborted ? { kind: 'failed', text: 'Import cancelled: nothing was imported.' } : { kind: 'failed', text: `Could not read the files: ${(err as Error).message}` });
    }
  };

  const land = async (result: Checked, warnings: ImportWarnings | undefined) => {
    setPhase({ kind: 'applying', result, warnings, done: 0 });
    abort.current = new AbortController();
    const outcome = await apply(result.entries, (done) => setPhase({ kind: 'applying', result, warnings, done }), abort.current.signal).catch((err: unknown) => ({ ok: false as const, error: String((err as Error)?.message ?? err) }));
    setPhase(outcome.ok ? { kind: 'done', text: `Imported: ${describeImport(outcome.value, warnings ?? { notSuggested: [], nearDuplicates: [] })}` } : { kind: 'failed', text: outcome.error });
  };

  const result = phase.kind === 'checked' || phase.kind === 'applying' ? phase.result : null;
  const warnings = phase.kind === 'checked' || phase.kind === 'applying' ? phase.warnings : undefined;
  const errors = result?.problems.filter((p) => p.severity === 'error').length ?? 0;
  return (
    <section aria-labelledby={`${id}-h`} data-testid="import-knowledge">
      <h3 id={`${id}-h`}>Import knowledge</h3>
      <label htmlFor={`${id}-file`}>Knowledge files (JSON, CSV, Markdown, Zendesk exports)</label>
      <input id={`${id}-file`} type="file" multiple data-testid="import-file" onChange={(e) => void choose(e.target.files)} disabled={phase.kind === 'reading' || phase.kind === 'applying'} />
      {phase.kind === 'reading' ? (
        <p data-testid="import-progress" data-stage={phase.stage}>
          <progress max={phase.total || 1} value={phase.loaded} aria-label={`${progressLabel(phase)} ${phase.file}`} /> {progressText(phase)}{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </p>
      ) : null}
      {phase.kind === 'applying' ? (
        <p data-testid="import-progress" data-stage="apply">
          <progress max={phase.result.entries.length || 1} value={phase.done} aria-label="Importing" /> Importing: {phase.done.toLocaleString('en')} of{' '}
          {phase.result.entries.length.toLocaleString('en')} entries written…{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </p>
      ) : null}
      {result ? (
        <div data-testid="import-check">
          <p>
            {result.entries.length} {result.entries.length === 1 ? 'entry' : 'entries'} {errors > 0 ? 'read' : 'ready'}; {errors} {errors === 1 ? 'error' : 'errors'}, {result.problems.length - errors} warnings.
          </p>
          {result.problems.length ? (
            <ul className="problems" aria-label="Problems found">
              {result.problems.map((p, i) => (
                <li key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                  {formatProblem(p)}
                </li>
              ))}
            </ul>
          ) : null}
          {warnings ? <ImportWarningList warnings={warnings} /> : null}
          {phase.kind === 'checked' && phase.warnFailed ? (
            <p role="status" data-testid="import-warnings-failed">
              Could not look for near-duplicates and entries agents will not be shown ({phase.warnFailed}). The entries above can still be imported.
            </p>
          ) : null}
          <button type="button" className="primary" data-testid="import-apply" disabled={errors > 0 || !result.entries.length || phase.kind === 'applying'} onClick={() => void land(result, warnings)}>
            Import {result.entries.length} {result.entries.length === 1 ? 'entry' : 'entries'}
          </button>{' '}
          {errors > 0 ? <span className="muted">Fix the errors first: nothing is imported while any remain.</span> : null}
        </div>
      ) : null}
      {phase.kind === 'done' || phase.kind === 'failed' ? (
        <p role="status" className={phase.kind === 'failed' ? 'status-error' : 'status-ok'} data-testid="import-result">
          {phase.text}
        </p>
      ) : null}
    </section>
  );
}
