import { parseEventsJsonl, type EventsFile, type ParsedEventsFile } from '../reports/jsonl.ts';
import type { KnowledgeDb } from './db.ts';
import { writeBlocks } from './event-block-columns.ts';
import { addBlockEventIds, eventTables } from './event-blocks.ts';
import type { EventsImport, FileImport } from './event-files.ts';
import { StoreError, withStoreErrors } from './errors.ts';

/** The trainer's import of events files (event-files.ts has the format and the export) into blocks (event-blocks.ts). */

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
