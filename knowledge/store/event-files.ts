import { eventIdOf, parseEventsJsonl, type EventsFile, type ExportedEvent, type ParsedEventsFile } from '../reports/jsonl.ts';
import type { EventRow, KnowledgeDb } from './db.ts';
import { StoreError, withStoreErrors } from './errors.ts';
import { getSettings } from './settings.ts';

/**
 * "Export my events" and the trainer's import of such files, against the store. The format is
 * knowledge/reports/jsonl.ts's: NDJSON, one stored event per line exactly as stored (hashed
 * ticket, redacted notes), with its eventId and installId; merged by eventId.
 */

/** Rows read per step of an export: bounded memory, and no transaction held open for long. */
export const EXPORT_BATCH = 5000;

export interface ExportOptions {
  /** Only this installation's events (the default, "my events"); `all` for every stored event, imported ones too. */
  which?: 'mine' | 'all';
  batch?: number;
}

/**
 * The export as NDJSON text in pieces (one per batch of rows, in recording order), for a Blob or a
 * stream: a page can write 1M events without holding one string of them.
 */
export async function* exportEventChunks(db: KnowledgeDb, options: ExportOptions = {}): AsyncGenerator<string> {
  const { installId } = await getSettings(db);
  const batch = options.batch ?? EXPORT_BATCH;
  let after = 0;
  for (;;) {
    const rows = await withStoreErrors('the events', () => db.events.where(':id').above(after).limit(batch).toArray());
    if (!rows.length) return;
    after = rows[rows.length - 1]!.seq!;
    let text = '';
    for (const row of rows) {
      if (options.which !== 'all' && row.installId !== installId) continue;
      const { seq: _seq, ...stored } = row;
      text += `${JSON.stringify(stored.eventId ? stored : { ...stored, eventId: await eventIdOf(row) })}\n`;
    }
    if (text) yield text;
  }
}

/** The whole export as one string (the CLI and tests; pages use exportEventChunks). */
export async function exportEvents(db: KnowledgeDb, options: ExportOptions = {}): Promise<string> {
  let text = '';
  for await (const chunk of exportEventChunks(db, options)) text += chunk;
  return text;
}

/** The file name "Export my events" suggests: agent-assist-events-<install id's first part>-<day>.ndjson. */
export function exportFileName(installId: string, now: Date = new Date()): string {
  return `agent-assist-events-${installId.slice(0, 8)}-${now.toISOString().slice(0, 10)}.ndjson`;
}

export interface FileImport {
  name: string;
  /** Lines holding an event. */
  lines: number;
  /** Events of this file now stored (0 when the file had any error: each file whole or not at all). */
  added: number;
  /** Events already stored, or given earlier in this file or an earlier one. */
  duplicates: number;
  /** "file, line N, field: message". */
  errors: string[];
}

export interface EventsImport {
  files: FileImport[];
  added: number;
  duplicates: number;
  /** Every file's errors, in file order. */
  errors: string[];
}

/** Ids among `ids` the store holds, through the eventId index (chunks keep each anyOf query small). */
export async function storedIds(db: KnowledgeDb, ids: readonly string[]): Promise<Set<string>> {
  const held = new Set<string>();
  const CHUNK = 20_000;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const keys = await db.events.where('eventId').anyOf(ids.slice(i, i + CHUNK)).keys();
    for (const k of keys) held.add(String(k));
  }
  return held;
}

/**
 * Any number of events files from any number of agents into the store: every line checked (errors
 * name the file, the line and the field), a file with any error left out whole, the rest merged by
 * eventId with what the store holds, so an event given twice (in one file, two files, or already
 * stored) is stored once. Each file is written in its own transaction: whole or not at all.
 */
export async function importEventFilesToStore(db: KnowledgeDb, files: readonly EventsFile[]): Promise<EventsImport> {
  return storeParsedFiles(db, files.map(parseEventsJsonl));
}

/**
 * The store half of importEventFilesToStore, for files already parsed (parseEventsJsonl; e.g. in a
 * Web Worker). One transaction per file (checked against the eventId index inside it): a file lands
 * whole or not at all, and no transaction grows to a million rows (Chromium writes those slower).
 */
export async function storeParsedFiles(db: KnowledgeDb, parsed: readonly ParsedEventsFile[]): Promise<EventsImport> {
  const files: FileImport[] = [];
  for (const f of parsed) {
    const report: FileImport = { name: f.name, lines: f.lines, added: 0, duplicates: 0, errors: f.errors };
    files.push(report);
    if (!f.events.length) continue;
    // A file that cannot be stored (e.g. the disk is full) is named with its reason; the files before it stay.
    await withStoreErrors(`the events of ${f.name}`, () =>
      db.transaction('rw', db.events, async () => {
        const taken = await storedIds(db, [...new Set(f.events.map((e) => e.eventId))]);
        const fresh: EventRow[] = [];
        for (const e of f.events) {
          if (taken.has(e.eventId)) continue;
          taken.add(e.eventId);
          fresh.push(e as ExportedEvent);
        }
        await db.events.bulkAdd(fresh);
        report.added = fresh.length;
        report.duplicates = f.events.length - fresh.length;
      }),
    ).catch((err: unknown) => {
      if (!(err instanceof StoreError)) throw err;
      report.errors = [...report.errors, `${f.name}: not stored: ${err.message}`];
    });
  }
  return { files, added: files.reduce((n, f) => n + f.added, 0), duplicates: files.reduce((n, f) => n + f.duplicates, 0), errors: files.flatMap((f) => f.errors) };
}
