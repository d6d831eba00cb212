import { z } from 'zod';
import { AcceptanceEvent, EventId, type StoredEvent } from '../events.ts';
import { parseJson } from '../formats/json-parse.ts';
import { isPlainExportedEvent } from './event-check.ts';

/**
 * Events as JSON Lines ("Export my events" / the trainer's import): one stored event per line,
 * exactly as stored (hashed ticket, redacted notes), each with its eventId. Files from several
 * agents merge by eventId, so an event exported twice (or given in two files) counts once.
 */

/** A line of an events file: a stored event that must carry its eventId. */
export const ExportedEvent = z.intersection(AcceptanceEvent, z.object({ eventId: EventId }));
export type ExportedEvent = StoredEvent & { eventId: string };

/** Keys sorted at every level: the same event always serialises (and hashes) the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The event's id; for an event stored before ids existed, a stable one from its content
 * ("h-" + SHA-256 of the canonical event): exporting it again, on any day, gives the same id.
 */
export async function eventIdOf(event: StoredEvent & { seq?: number }): Promise<string> {
  if (event.eventId) return event.eventId;
  const { seq: _seq, eventId: _id, ...content } = event;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(content)));
  return `h-${Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Events -> JSON Lines (one event per line, "\n" after each), without the local row number. */
export async function eventsToJsonl(events: readonly (StoredEvent & { seq?: number })[]): Promise<string> {
  const lines: string[] = [];
  for (const e of events) {
    const { seq: _seq, ...stored } = e;
    lines.push(JSON.stringify({ ...stored, eventId: await eventIdOf(e) }));
  }
  return lines.map((l) => `${l}\n`).join('');
}

export interface EventsFile {
  name: string;
  text: string;
}

export interface ParsedEventsFile {
  name: string;
  /** Lines with an event (blank lines are not counted). */
  lines: number;
  /** Empty when the file has any error: each file is taken whole or not at all. */
  events: ExportedEvent[];
  /** Each event as one line of JSON, as it is stored and exported (the file's own line when zod would not change it). */
  texts: string[];
  /** "file, line N, field: message", at most MAX_ERRORS per file. */
  errors: string[];
}

export const MAX_ERRORS = 20;

/** One events file, every line checked against the schema; errors name the file, the line and the field. */
export function parseEventsJsonl(file: EventsFile): ParsedEventsFile {
  const events: ExportedEvent[] = [];
  const errors: string[] = [];
  let lines = 0;
  let errorCount = 0;
  const fail = (message: string) => {
    errorCount++;
    if (errors.length < MAX_ERRORS) errors.push(message);
  };
  const texts: string[] = [];
  const text = file.text.replace(/^\uFEFF/, '');
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) return;
    lines++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const json = parseJson(line);
      return fail(`${file.name}, line ${i + 1}, column ${json.ok ? 1 : json.column}: not JSON: ${json.ok ? 'unreadable' : json.message}`);
    }
    // The fast check (event-check.ts) passes most lines as they are; zod decides the rest and words every error.
    if (isPlainExportedEvent(value)) {
      events.push(value);
      texts.push(line);
      return;
    }
    const parsed = ExportedEvent.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || (value && typeof value === 'object' ? 'event' : 'line');
      return fail(`${file.name}, line ${i + 1}, ${field}: ${issue.message}`);
    }
    events.push(parsed.data as ExportedEvent);
    texts.push(JSON.stringify(parsed.data));
  });
  if (errorCount > errors.length) errors.push(`${file.name}: ${errorCount - errors.length} more errors not shown`);
  if (lines === 0 && errors.length === 0) errors.push(`${file.name}: no events (the file is empty)`);
  return { name: file.name, lines, events: errors.length ? [] : events, texts: errors.length ? [] : texts, errors };
}

export interface MergedEvents {
  /** Every distinct event of the files without errors, in time order. */
  events: ExportedEvent[];
  /** Events dropped because an event with the same eventId came before (in this or an earlier file). */
  duplicates: number;
  files: ParsedEventsFile[];
  errors: string[];
}

/** Merges event lists (files, or the store and files) by eventId: the first of each id is kept. */
export function mergeEvents(lists: readonly (readonly ExportedEvent[])[]): { events: ExportedEvent[]; duplicates: number } {
  const seen = new Set<string>();
  const events: ExportedEvent[] = [];
  let duplicates = 0;
  for (const list of lists) {
    for (const e of list) {
      if (seen.has(e.eventId)) duplicates++;
      else {
        seen.add(e.eventId);
        events.push(e);
      }
    }
  }
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.eventId.localeCompare(b.eventId));
  return { events, duplicates };
}

/** Any number of files from any number of agents: parsed, each whole or not at all, merged without double counting. */
export function importEventFiles(files: readonly EventsFile[]): MergedEvents {
  const parsed = files.map(parseEventsJsonl);
  const { events, duplicates } = mergeEvents(parsed.map((f) => f.events));
  return { events, duplicates, files: parsed, errors: parsed.flatMap((f) => f.errors) };
}
