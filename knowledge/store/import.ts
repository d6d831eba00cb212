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
  /**
   * Called with each batch's entries exactly as they are written, while IndexedDB writes them (the
   * page updates its copy of the search index meanwhile: index-update.ts).
   */
  onLanded?: (entries: readonly Entry[]) => void;
  /**
   * Writes more in the import's own transaction, once its change is logged (the page's updated
   * search index: index-update.ts), so the worker never sees the import without it.
   */
  alsoWrite?: (change: number) => Promise<unknown>;
}

/** A batched import's report, and the change-log row that names its entries (none when nothing changed). */
export interface BatchedReport extends ImportReport {
  change?: number;
}

/**
 * The last version in the history of every id (an entry deleted and imported again keeps
 * counting): its keys only, read once (the history has no index by id since version 6).
 */
async function lastVersions(db: KnowledgeDb): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  // keys come sorted by [id, version]: the last one of each id is its highest
  for (const [id, version] of await db.entryVersions.toCollection().primaryKeys()) last.set(id, version);
  return last;
}

/** An import stopped by its AbortSignal: the transaction was rolled back, nothing landed. */
export class ImportCancelledError extends StoreError {
  constructor() {
    super('refused', 'Import cancelled: nothing was imported.');
  }
}

/**
 * applyImport for large imports, from the page that imports (no message to the worker: a
 * 100k-entry import is over 100 MB). The same rules, in one transaction: the stored entries and
 * the history's keys read first (bulk reads, not two per entry), then written in batches of
 * bounded size, each prepared while the one before is written; progress after each batch; an
 * abort or any failure rolls everything back. The change log names every id, so the worker's
 * index catches up incrementally.
 */
export async function applyImportBatched(db: KnowledgeDb, result: ImportToApply, who: string, options: BatchedOptions = {}): Promise<BatchedReport> {
  const by = checkWho(who);
  const conflicts = options.conflicts ?? DEFAULT_CONFLICTS;
  refuseErrors(result.problems);
  refuseLimits(result.entries, conflicts);
  const at = (options.now ?? new Date()).toISOString();
  const size = options.batch ?? IMPORT_BATCH;
  const n = result.entries.length;
  if (options.signal?.aborted) throw new ImportCancelledError();
  const run = () =>
    db.transaction('rw', [db.entries, db.entryVersions, db.changes, ...(options.alsoWrite ? [db.searchIndex] : [])], async (tx) => {
      const report: BatchedReport = { added: [], updated: [], unchanged: [], kept: [] };
      const lastVersion = await lastVersions(db);
      // Every stored entry of the import's ids first (bulk reads, no writes yet), so that the next
      // batch is prepared while the previous one is written: IndexedDB writes in the browser's
      // process, the checks run in this page, and neither waits for the other. The stored ids come
      // in one read of the keys, and only the entries the import replaces are read: a get per new
      // entry cost a request each (about 0.2 s of this page's time per 10k new entries).
      const ids = result.entries.map((e) => e.id);
      const storedIds = new Set(await db.entries.toCollection().primaryKeys());
      const present = ids.filter((id) => storedIds.has(id));
      const found = new Map<string, Entry>();
      for (let b = 0; b < present.length; b += size) {
        for (const e of await db.entries.bulkGet(present.slice(b, b + size))) if (e) found.set(e.id, e);
      }
      const stored = ids.map((id) => found.get(id));
      let writing: Promise<unknown> | undefined;
      for (let start = 0; start < n; start += size) {
        if (options.signal?.aborted) {
          tx.abort();
          throw new ImportCancelledError();
        }
        const landed: Entry[] = [];
        const replaced: Entry[] = [];
        for (let i = start; i < Math.min(n, start + size); i++) {
          const given = result.entries[i]!;
          const cur = stored[i];
          const incoming = resolveIncoming(given, cur, policyFor(conflicts, given.id));
          if (!incoming) {
            report.kept.push(given.id);
            continue;
          }
          if (cur && sameContent(cur, incoming)) {
            report.unchanged.push(incoming.id);
            continue;
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
        }
        // (an update first keeps a copy of the entry it replaces in its history row)
        if (replaced.length) await keepCopies(db, replaced);
        // Dexie's own promises, started here in the transaction: awaited in the next step or below; a failure rolls the transaction back either way
        const batch = Promise.all([db.entries.bulkPut(landed), db.entryVersions.bulkAdd(landed.map((e) => versionRow(e, by, at, 'imported')))]);
        batch.catch(() => undefined);
        if (landed.length) options.onLanded?.(landed);
        if (writing) {
          await writing;
          options.onProgress?.(start, n);
        }
        writing = batch;
      }
      if (writing) await writing;
      // A cancel that came while the last batches were written still rolls everything back.
      if (options.signal?.aborted) {
        tx.abort();
        throw new ImportCancelledError();
      }
      if (n) options.onProgress?.(n, n);
      const change = await logChange(db, [...report.added, ...report.updated]);
      if (change === undefined) return report;
      await options.alsoWrite?.(change);
      return { ...report, change };
    });
  try {
    return await withStoreErrors(`this import (${n} ${n === 1 ? 'entry' : 'entries'})`, run);
  } catch (err) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    throw err;
  }
}
