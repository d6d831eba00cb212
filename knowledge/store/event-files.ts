import { eventIdOf, parseEventsJsonl, type EventsFile, type ParsedEventsFile } from '../reports/jsonl.ts';
import type { KnowledgeDb } from './db.ts';
import { addBlockEventIds, blockLines, eventTables, writeBlocks } from './event-blocks.ts';
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
    if (!rows.length) break;
    after = rows[rows.length - 1]!.seq!;
    let text = '';
    for (const row of rows) {
      if (options.which !== 'all' && row.installId !== installId) continue;
      const { seq: _seq, ...stored } = row;
      text += `${JSON.stringify(stored.eventId ? stored : { ...stored, eventId: await eventIdOf(row) })}\n`;
    }
    if (text) yield text;
  }
  // Then the imported events, in their blocks: their lines are the events exactly as stored.
  for await (const lines of blockLines(db)) {
    // A line names its installId as "installId":"<id>" (ids need no escaping); the parse confirms it.
    const mine = `"installId":"${installId}"`;
    const kept = options.which === 'all' ? lines : lines.filter((l) => l.includes(mine) && (JSON.parse(l) as { installId?: string }).installId === installId);
    if (kept.length) yield `${kept.join('\n')}\n`;
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

/** Ids among `ids` held by the loose events, through the eventId index (chunks keep each anyOf query small). */
async function looseIds(db: KnowledgeDb, ids: readonly string[], held = new Set<string>()): Promise<Set<string>> {
  const CHUNK = 20_000;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const keys = await db.events.where('eventId').anyOf(ids.slice(i, i + CHUNK)).keys();
    for (const k of keys) held.add(String(k));
  }
  return held;
}

/** Ids among `ids` the store holds, loose or in blocks. Reads every block's ids: for many ids at once. */
export async function storedIds(db: KnowledgeDb, ids: readonly string[]): Promise<Set<string>> {
  const inBlocks = new Set<string>();
  await addBlockEventIds(db, inBlocks);
  return looseIds(
    db,
    ids,
    new Set(ids.filter((id) => inBlocks.has(id))),
  );
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
 * Web Worker). Each file's new events become blocks (event-blocks.ts), in one transaction per file
 * that also checks them against the loose events' eventId index and any block written since the
 * import began: a file lands whole or not at all. The blocks' ids are read once, not per file.
 */
export async function storeParsedFiles(db: KnowledgeDb, parsed: readonly ParsedEventsFile[]): Promise<EventsImport> {
  const files: FileImport[] = [];
  const held = new Set<string>();
  let lastBlock = parsed.some((f) => f.events.length) ? await withStoreErrors('the events', () => addBlockEventIds(db, held)) : 0;
  for (const f of parsed) {
    const report: FileImport = { name: f.name, lines: f.lines, added: 0, duplicates: 0, errors: f.errors };
    files.push(report);
    if (!f.events.length) continue;
    // A file that cannot be stored (e.g. the disk is full) is named with its reason; the files before it stay.
    await withStoreErrors(`the events of ${f.name}`, () =>
      db.transaction('rw', eventTables(db), async () => {
        const seen = new Set<string>();
        // Blocks another page wrote since (their ids), and loose events: all stored already.
        const last = await addBlockEventIds(db, seen, lastBlock);
        await looseIds(db, [...new Set(f.events.map((e) => e.eventId))], seen);
        const fresh: number[] = [];
        f.events.forEach((e, i) => {
          if (held.has(e.eventId) || seen.has(e.eventId)) return;
          seen.add(e.eventId);
          fresh.push(i);
        });
        const blocks = await writeBlocks(
          db,
          fresh.map((i) => f.events[i]!),
          fresh.map((i) => f.texts[i]!),
        );
        return { fresh, seen, blocks, last };
      }),
    ).then(
      ({ fresh, seen, blocks, last }) => {
        // Only once the transaction has committed: a failed file leaves no id behind.
        for (const id of seen) held.add(id);
        lastBlock = Math.max(last, ...blocks);
        report.added = fresh.length;
        report.duplicates = f.events.length - fresh.length;
      },
      (err: unknown) => {
        if (!(err instanceof StoreError)) throw err;
        report.errors = [...report.errors, `${f.name}: not stored: ${err.message}`];
      },
    );
  }
  return { files, added: files.reduce((n, f) => n + f.added, 0), duplicates: files.reduce((n, f) => n + f.duplicates, 0), errors: files.flatMap((f) => f.errors) };
}
