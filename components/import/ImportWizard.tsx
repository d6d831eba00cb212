import { useId, useRef, useState } from 'react';
import type { Outcome } from '@/knowledge/messages';
import type { CsvMapping } from '@/knowledge/formats/csv';
import { proposeCsvMapping } from '@/knowledge/formats/csv-mapping';
import { DETECT_BYTES, type DetectedFile } from '@/knowledge/formats/detect';
import { decodeText } from '@/knowledge/formats/encoding';
import type { ConflictChoice } from '@/knowledge/import-conflicts';
import { DEFAULT_CONFLICTS } from '@/knowledge/import-conflicts';
import type { ImportPlan } from '@/knowledge/import-plan';
import { describeImport, type ImportWarnings } from '@/knowledge/quality';
import type { ImportResult } from '@/knowledge/standardise';
import type { ImportReport } from '@/knowledge/store/import';
import { ColumnMapping } from './ColumnMapping';
import { ConflictChoices } from './ConflictChoices';
import { DetectedFiles } from './DetectedFiles';
import { filesFromDrop } from './drop';
import { ImportPlanView } from './ImportPlanView';
import { checkFiles, detectDropped, messageTurn, type ReadProgress } from './read-files';

export interface ImportWizardProps {
  /** The mapping the lead chose before for these CSV headers (any order), if any. */
  remembered: (headers: string[]) => Promise<CsvMapping | undefined>;
  /** Remembers a confirmed mapping for these headers. */
  remember: (headers: string[], mapping: CsvMapping) => Promise<void>;
  /** The dry run against what is stored, under a conflict choice (planStoredImport). */
  plan: (result: ImportResult, conflicts: ConflictChoice) => Promise<ImportPlan>;
  /** Lands the whole result under the choice, all or none (applyImportBatched: the limits the plan checked). */
  apply: (result: ImportResult, conflicts: ConflictChoice, onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<Outcome<ImportReport>>;
  /** The date previews and the dry run read "overdue" against (tests pin it). */
  now?: Date;
}

interface Picked {
  file: File;
  detected: DetectedFile;
  /** The first 256 KB as text, for a CSV's preview. */
  head?: string;
}

type Run =
  | { kind: 'none' }
  | { kind: 'detecting' }
  | { kind: 'checking'; progress?: ReadProgress }
  | { kind: 'checked'; result: ImportResult; plan: ImportPlan }
  | { kind: 'applying'; result: ImportResult; plan: ImportPlan; done: number }
  | { kind: 'done'; text: string; ok: boolean };

const needsMapping = (p: Picked) => Boolean(p.detected.csv && !p.detected.csv.proposal.matches && p.head !== undefined);

function progressText(p: ReadProgress | undefined): string {
  if (!p) return 'Starting the check\u2026';
  if (p.stage === 'read') return `Reading ${p.file}\u2026`;
  if (!p.total) return `Parsing ${p.file}\u2026`;
  return `Checking ${p.file}: ${p.loaded.toLocaleString('en')} of ${p.total.toLocaleString('en')} entries\u2026`;
}

function warningsOf(plan: ImportPlan): ImportWarnings {
  return {
    notSuggested: plan.items.filter((i) => i.notSuggested.length).map((i) => ({ id: i.id, reasons: i.notSuggested })),
    nearDuplicates: plan.items.flatMap((i) => i.duplicates.map((d) => ({ id: i.id, ...d }))),
  };
}

/**
 * The lead's import: 1) drop files or a whole folder (format and encoding shown per file), 2) map the
 * columns of a CSV whose headers are not ours, with a preview, 3) a dry run listing every problem by
 * file, row and field and what agents will not see, 4) keep, replace or add a new version for each id
 * already stored, 5) apply all or nothing, with progress and cancel. Nothing is stored before 5.
 */
export function ImportWizard({ remembered, remember, plan, apply, now }: ImportWizardProps) {
  const id = useId();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [mappings, setMappings] = useState<Record<string, CsvMapping>>({});
  const [run, setRun] = useState<Run>({ kind: 'none' });
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const busy = run.kind === 'detecting' || run.kind === 'checking' || run.kind === 'applying';

  const choose = async (files: File[]) => {
    if (!files.length || busy) return;
    setRun({ kind: 'detecting' });
    setPicked([]);
    const detected = await detectDropped(files);
    const next: Picked[] = [];
    for (const [i, d] of detected.entries()) {
      const file = files[i]!;
      if (!d.csv || d.csv.proposal.matches) {
        next.push({ file, detected: d });
        continue;
      }
      // A mapping chosen before for these headers comes back as the proposal.
      const before = await remembered(d.csv.headers).catch(() => undefined);
      const csv = before ? { ...d.csv, proposal: proposeCsvMapping(d.csv.headers, before) } : d.csv;
      const decoded = decodeText(new Uint8Array(await file.slice(0, DETECT_BYTES).arrayBuffer()));
      next.push({ file, detected: { ...d, csv }, ...(decoded.ok ? { head: decoded.text.replace(/^\uFEFF/, '') } : {}) });
    }
    setPicked(next);
    const maps = Object.fromEntries(next.filter(needsMapping).map((p) => [p.detected.name, p.detected.csv!.proposal.mapping]));
    setMappings(maps);
    // Nothing to map: straight on to the dry run.
    if (Object.keys(maps).length) setRun({ kind: 'none' });
    else await check(next, maps);
  };

  const check = async (files: Picked[], maps: Record<string, CsvMapping>) => {
    const readable = files.filter((p) => !p.detected.skipped).map((p) => p.file);
    if (!readable.length) {
      setRun({ kind: 'done', ok: false, text: 'None of these files is a knowledge file: nothing to import.' });
      return;
    }
    const controller = (abort.current = new AbortController());
    setRun({ kind: 'checking' });
    try {
      // Checking with a mapping confirms it: the next export with these headers maps itself.
      for (const p of files) if (maps[p.detected.name]) await remember(p.detected.csv!.headers, maps[p.detected.name]!).catch(() => undefined);
      const result = await checkFiles(readable, controller.signal, (progress) => setRun({ kind: 'checking', progress }), messageTurn, maps);
      const planned = await plan(result, DEFAULT_CONFLICTS);
      if (controller.signal.aborted) throw new Error('cancelled');
      setRun({ kind: 'checked', result, plan: planned });
    } catch (err) {
      setRun(controller.signal.aborted ? { kind: 'done', ok: false, text: 'Check cancelled: nothing was imported.' } : { kind: 'done', ok: false, text: `Could not check the files: ${(err as Error).message}` });
    }
  };

  const choosePolicy = async (conflicts: ConflictChoice) => {
    if (run.kind !== 'checked') return;
    setRun({ kind: 'checked', result: run.result, plan: await plan(run.result, conflicts) });
  };

  const land = async (result: ImportResult, planned: ImportPlan) => {
    const controller = (abort.current = new AbortController());
    setRun({ kind: 'applying', result, plan: planned, done: 0 });
    const out = await apply(result, planned.conflicts, (done) => setRun({ kind: 'applying', result, plan: planned, done }), controller.signal).catch((err: unknown) => ({
      ok: false as const,
      error: String((err as Error)?.message ?? err),
    }));
    if (!out.ok) return setRun({ kind: 'done', ok: false, text: out.error });
    const kept = out.value.kept.length ? ` ${out.value.kept.length} kept as stored: ${out.value.kept.slice(0, 10).join(', ')}${out.value.kept.length > 10 ? ` and ${out.value.kept.length - 10} more` : ''}.` : '';
    setRun({ kind: 'done', ok: true, text: `Imported: ${describeImport(out.value, warningsOf(planned))}${kept}` });
  };

  const reset = () => {
    setPicked([]);
    setMappings({});
    setRun({ kind: 'none' });
  };

  const toMap = picked.filter(needsMapping);
  const checked = run.kind === 'checked' || run.kind === 'applying' ? run : undefined;
  const total = checked?.result.entries.length ?? 0;
  return (
    <div className="import-wizard" data-testid="import-wizard">
      <section aria-labelledby={`${id}-1`} className="import-step">
        <h3 id={`${id}-1`}>1. Files</h3>
        <div
          className={dragging ? 'dropzone dragging' : 'dropzone'}
          data-testid="dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void filesFromDrop(e.dataTransfer).then(choose);
          }}
        >
          <p>Drop knowledge files or a whole folder here: Agent Assist JSON, CSV, Markdown, Zendesk, Help Scout, Freshdesk, Front or Intercom exports.</p>
          <label htmlFor={`${id}-files`}>Choose files </label>
          <input id={`${id}-files`} type="file" multiple data-testid="import-file" disabled={busy} onChange={(e) => void choose(Array.from(e.target.files ?? []))} />{' '}
          <label htmlFor={`${id}-folder`}>or a folder </label>
          <input
            id={`${id}-folder`}
            type="file"
            multiple
            data-testid="import-folder"
            disabled={busy}
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            onChange={(e) => void choose(Array.from(e.target.files ?? []))}
          />
        </div>
        {run.kind === 'detecting' ? <p role="status">Looking at the files&hellip;</p> : null}
        {picked.length ? <DetectedFiles files={picked.map((p) => p.detected)} /> : null}
      </section>

      {toMap.length ? (
        <section aria-labelledby={`${id}-2`} className="import-step">
          <h3 id={`${id}-2`}>2. Columns</h3>
          {toMap.map((p) => (
            <ColumnMapping
              key={p.detected.name}
              name={p.detected.name}
              text={p.head!}
              proposal={p.detected.csv!.proposal}
              mapping={mappings[p.detected.name]!}
              now={now}
              onChange={(m) => {
                setMappings((all) => ({ ...all, [p.detected.name]: m }));
                if (run.kind === 'checked' || run.kind === 'done') setRun({ kind: 'none' });
              }}
            />
          ))}
          <button type="button" className="primary" data-testid="check-files" disabled={busy} onClick={() => void check(picked, mappings)}>
            Check the files with these columns
          </button>
        </section>
      ) : null}

      {run.kind === 'checking' ? (
        <p data-testid="import-progress" data-stage={run.progress?.stage ?? 'read'}>
          <progress max={run.progress?.total || 1} value={run.progress?.loaded ?? 0} aria-label="Checking the files" /> {progressText(run.progress)}{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </p>
      ) : null}

      {checked ? (
        <>
          <section aria-labelledby={`${id}-3`} className="import-step">
            <h3 id={`${id}-3`}>{toMap.length ? '3' : '2'}. Check</h3>
            <ImportPlanView plan={checked.plan} />
          </section>
          {checked.plan.existing.length && checked.plan.canApply ? (
            <section aria-labelledby={`${id}-4`} className="import-step">
              <h3 id={`${id}-4`}>{toMap.length ? '4' : '3'}. Entries already stored</h3>
              <ConflictChoices plan={checked.plan} onChange={(c) => void choosePolicy(c)} disabled={run.kind === 'applying'} />
            </section>
          ) : null}
          <section aria-labelledby={`${id}-5`} className="import-step">
            <h3 id={`${id}-5`}>Import</h3>
            <button type="button" className="primary" data-testid="import-apply" disabled={!checked.plan.canApply || run.kind === 'applying'} onClick={() => void land(checked.result, checked.plan)}>
              Import {total.toLocaleString('en')} {total === 1 ? 'entry' : 'entries'}
            </button>{' '}
            {!checked.plan.canApply ? (
              <span className="muted" data-testid="import-refused">
                {checked.plan.counts.errors ? 'Nothing is imported while any error remains: fix the files and choose them again.' : 'These files hold no entry to import.'}
              </span>
            ) : null}
            {run.kind === 'applying' ? (
              <p data-testid="import-progress" data-stage="apply">
                <progress max={total || 1} value={run.done} aria-label="Importing" /> Importing: {run.done.toLocaleString('en')} of {total.toLocaleString('en')} entries written&hellip;{' '}
                <button type="button" onClick={() => abort.current?.abort()}>
                  Cancel
                </button>
              </p>
            ) : null}
          </section>
        </>
      ) : null}

      {run.kind === 'done' ? (
        <p role="status" className={run.ok ? 'status-ok' : 'status-error'} data-testid="import-result">
          {run.text}{' '}
          <button type="button" onClick={reset}>
            Import other files
          </button>
        </p>
      ) : null}
    </div>
  );
}
