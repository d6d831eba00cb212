import { eventIdOf } from '../reports/jsonl.ts';
import type { KnowledgeDb } from './db.ts';
import { blockLines } from './event-blocks.ts';
import { withStoreErrors } from './errors.ts';
import { getSettings } from './settings.ts';

/**
 * "Export my events" and the trainer's import of such files (event-import.ts, apart: it brings the
 * report columns' code, which the side panel does not load), against the store. The format is
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
