import type { Entry } from '../entry.ts';
import { DEFAULT_CONFLICTS, importLimitProblems, policyFor, resolveIncoming, type ConflictChoice } from '../import-conflicts.ts';
import { formatProblem, type ImportProblem } from '../problems.ts';
import type { KnowledgeDb } from './db.ts';
import { sameContent, validEntry, type SaveOptions } from './entries.ts';
import { StoreError, checkWho, withStoreErrors } from './errors.ts';
import { keepCopies, nextVersion, versionRow, writeVersion } from './versions.ts';
import { logChange } from './changes.ts';

/** The part of knowledge/standardise.ts's ImportResult the store needs. */
export interface ImportToApply {
  entries: Entry[];
  problems: ImportProblem[];
}

export interface ImportReport {
  added: string[];
  updated: string[];
  /** Already stored with the same content: no new version written. */
  unchanged: string[];
  /** Already stored, and kept as it was by the conflict choice: the file's entry was not imported. */
  kept: string[];
}

export interface ImportOptions extends SaveOptions {
  /** What to do with ids already stored (default: the file's entry replaces the stored one). */
  conflicts?: ConflictChoice;
}

/**
 * Lands every entry of an import in one transaction, or none: an invalid entry, a failing write
 * or a full disk rolls the whole import back. Refuses an import that still has errors.
 */
export async function applyImport(db: KnowledgeDb, result: ImportToApply, who: string, options: ImportOptions = {}): Promise<ImportReport> {
  const by = checkWho(who);
  const conflicts = options.conflicts ?? DEFAULT_CONFLICTS;
  refuseErrors(result.problems);
  refuseLimits(result.entries, conflicts);
  const at = (options.now ?? new Date()).toISOString();
  const n = result.entries.length;
  return withStoreErrors(`this import (${n} ${n === 1 ? 'entry' : 'entries'})`, () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
      const report: ImportReport = { added: [], updated: [], unchanged: [], kept: [] };
      for (const given of result.entries) {
        const current = await db.entries.get(given.id);
        const incoming = resolveIncoming(given, current, policyFor(conflicts, given.id));
        if (!incoming) {
          report.kept.push(given.id);
          continue;
        }
        if (current && sameContent(current, incoming)) {
          report.unchanged.push(incoming.id);
          continue;
        }
        const next = await nextVersion(db, incoming.id);
        const landed = validEntry({
          ...incoming,
          // A new entry keeps the version it was exported with, so a pack moved between browsers keeps counting.
          version: current ? next : Math.max(next, incoming.version),
          createdAt: current?.createdAt ?? incoming.createdAt,
          updatedAt: current ? at : incoming.updatedAt,
        });
        await db.entries.put(landed);
        await writeVersion(db, landed, by, at, 'imported', current);
        (current ? report.updated : report.added).push(landed.id);
      }
      await logChange(db, [...report.added, ...report.updated]);
      return report;
    }),
  );
}

function refuseErrors(problems: ImportProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  const shown = errors.slice(0, 3).map((p) => `  ${formatProblem(p)}`);
  const more = errors.length > 3 ? [`  … and ${errors.length - 3} more`] : [];
  throw new StoreError(
    'refused',
    [`Nothing was imported: fix ${errors.length === 1 ? 'this error' : `these ${errors.length} errors`} first.`, ...shown, ...more].join('\n'),
  );
}

/** The limits the dry run checks (importLimitProblems): the apply step must not land what the check would refuse. */
function refuseLimits(entries: Entry[], conflicts: ConflictChoice): void {
  const problem = importLimitProblems(entries, conflicts)[0];
  if (problem) throw new StoreError('refused', `Nothing was imported: ${problem.field && problem.field !== 'id' ? `${problem.field}: ` : ''}${problem.message}.`);
}

/** Entries written per step of a batched import: bounded reads and writes, and a turn for progress and cancel. */
export const IMPORT_BATCH = 2000;

export interface BatchedOptions extends ImportOptions {
  /** Called after each batch with the entries written so far. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rolls the whole import back (nothing lands). */
  signal?: AbortSignal;
  batch?: number;
}

/** An import stopped by its AbortSignal: the transaction was rolled back, nothing landed. */
export class ImportCancelledError extends StoreError {
  constructor() {
    super('refused', 'Import cancelled: nothing was imported.');
  }
}

/**
 * applyImport for large imports, from the page that imports (no message to the worker: a
 * 100k-entry import is over 100 MB). The same rules, in one transaction, written in batches of
 * bounded size with the current entries and history read per batch (bulk reads, not two per
 * entry); progress after each batch; an abort or any failure rolls everything back. The change
 * log names every id, so the worker's index catches up incrementally.
 */
export async function applyImportBatched(db: KnowledgeDb, result: ImportToApply, who: string, options: BatchedOptions = {}): Promise<ImportReport> {
  const by = checkWho(who);
  const conflicts = options.conflicts ?? DEFAULT_CONFLICTS;
  refuseErrors(result.problems);
  refuseLimits(result.entries, conflicts);
  const at = (options.now ?? new Date()).toISOString();
  const size = options.batch ?? IMPORT_BATCH;
  const n = result.entries.length;
  if (options.signal?.aborted) throw new ImportCancelledError();
  const run = () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async (tx) => {
      const report: ImportReport = { added: [], updated: [], unchanged: [], kept: [] };
      for (let start = 0; start < n; start += size) {
        if (options.signal?.aborted) {
          tx.abort();
          throw new ImportCancelledError();
        }
        const batch = result.entries.slice(start, start + size);
        const ids = batch.map((e) => e.id);
        const [current, history] = await Promise.all([db.entries.bulkGet(ids), db.entryVersions.where('id').anyOf(ids).primaryKeys()]);
        const lastVersion = new Map<string, number>();
        for (const [id, version] of history) lastVersion.set(id, Math.max(lastVersion.get(id) ?? 0, version));
        const landed: Entry[] = [];
        const replaced: Entry[] = [];
        batch.forEach((given, i) => {
          const cur = current[i];
          const incoming = resolveIncoming(given, cur, policyFor(conflicts, given.id));
          if (!incoming) {
            report.kept.push(given.id);
            return;
          }
          if (cur && sameContent(cur, incoming)) {
            report.unchanged.push(incoming.id);
            return;
          }
          const next = Math.max(cur?.version ?? 0, lastVersion.get(incoming.id) ?? 0) + 1;
          landed.push(
            validEntry({
              ...incoming,
              version: cur ? next : Math.max(next, incoming.version),
              createdAt: cur?.createdAt ?? incoming.createdAt,
              updatedAt: cur ? at : incoming.updatedAt,
            }),
          );
          if (cur) replaced.push(cur);
          (cur ? report.updated : report.added).push(incoming.id);
        });
        await keepCopies(db, replaced);
        await db.entries.bulkPut(landed);
        await db.entryVersions.bulkAdd(landed.map((e) => versionRow(e, by, at, 'imported')));
        options.onProgress?.(Math.min(n, start + size), n);
      }
      await logChange(db, [...report.added, ...report.updated]);
      return report;
    });
  try {
    return await withStoreErrors(`this import (${n} ${n === 1 ? 'entry' : 'entries'})`, run);
  } catch (err) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    throw err;
  }
}
