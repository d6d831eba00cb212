import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { Entry } from '../entry.ts';
import type { StoredEvent } from '../events.ts';
import type { EventColumns } from '../reports/columns.ts';

/** One saved state of an entry: every change is kept, with who made it and when. */
export interface EntryVersionRow {
  id: string;
  version: number;
  /**
   * The whole entry as it was after this change (as it was before, for 'deleted'). Stored rows
   * of an entry's current version leave it out (versions.ts, writeVersion); entryHistory fills it in.
   */
  entry?: Entry;
  who: string;
  /** ISO 8601. */
  at: string;
  change: EntryChange;
}
export const ENTRY_CHANGES = ['created', 'updated', 'deleted', 'imported'] as const;
export type EntryChange = (typeof ENTRY_CHANGES)[number];

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A phrasing an agent taught the search for an entry (from feedback), with its search terms. */
export interface LearnedRow {
  id?: number;
  entryId: string;
  text: string;
  terms: string[];
  at: string;
  who: string;
}

export type EventRow = StoredEvent & { seq?: number };

/**
 * A block of imported events (event-blocks.ts): up to BLOCK_SIZE events, sorted by time, kept as
 * one head row here (what reading it costs nothing to decide) and three parts in eventBlockParts.
 */
export interface EventBlockRow {
  id?: number;
  /** The first and last event's time (ISO 8601, UTC). */
  from: string;
  to: string;
  n: number;
}
/**
 * A block's parts, each its own row so a reader loads only what it needs: `columns` (report
 * columns, knowledge/reports/columns.ts: typed arrays and string tables, read without parsing),
 * `ids` (the events' eventIds, one per line) and `lines` (each event as stored, one JSON per line),
 * the three in the same (time) order.
 */
export type EventBlockPart = { id: number; part: 'columns'; value: EventColumns } | { id: number; part: 'ids' | 'lines'; value: string };

/** One write to the entries: which ids it added, changed or deleted (see changes.ts). */
export interface ChangeRow {
  seq?: number;
  ids: string[];
}

/**
 * The service worker's search index (knowledge/search/binary.ts), split into rows: a head with the
 * small parts and the change it includes, the two byte arrays in chunks of bounded size, and the
 * base's confidence calibration on a row of its own (refitted without writing the rest again).
 */
export type SearchIndexRow =
  | { key: 'head'; seq: number; chunks: { units: number; lists: number }; index: unknown }
  | { key: 'calibration'; seq: number; calibration: unknown }
  | { key: string; bytes: Uint8Array };

export type KnowledgeDb = Dexie & {
  entries: EntityTable<Entry, 'id'>;
  entryVersions: Table<EntryVersionRow, [string, number]>;
  settings: EntityTable<SettingRow, 'key'>;
  events: Table<EventRow, number>;
  learned: Table<LearnedRow, number>;
  changes: Table<ChangeRow, number>;
  searchIndex: Table<SearchIndexRow, string>;
  eventBlocks: Table<EventBlockRow, number>;
  eventBlockParts: Table<EventBlockPart, [number, string]>;
};

/** Version 1: the first shipped schema. Kept verbatim: Dexie needs every version to upgrade from it. */
export const SCHEMA_V1 = {
  entries: 'id, status, owner, reviewBy, updatedAt, locale, *tags',
  settings: 'key',
  events: '++seq, type, at',
} as const;

/**
 * Version 2 adds the history (entryVersions) and learned phrasings. Entries written by v1 had
 * no history, so the upgrade gives each one its first version row: "every change kept" then
 * holds for every entry, whatever version wrote it.
 */
export const SCHEMA_V2 = {
  entryVersions: '[id+version], id, at',
  learned: '++id, entryId, at',
} as const;

/**
 * Version 3 adds the change log (every write to the entries names the ids it touched, so the
 * worker brings its stored index up to date without reading every entry) and the stored binary
 * search index. The index used to be a JSON string in a settings row: that row is dropped (the
 * worker builds the new one once); entries, history, events, learned phrasings and settings stay.
 */
export const SCHEMA_V3 = {
  changes: '++seq',
  searchIndex: 'key',
} as const;

/**
 * Version 4 indexes events by their eventId (not a unique index: one duplicate id in an old database must not fail the upgrade): files from several agents merge without double
 * counting, checked by the index instead of reading every event. Events stored before ids existed
 * get a random one and this installation's id (created here when settings never made it); nothing
 * else about them changes and none is dropped.
 */
export const SCHEMA_V4 = {
  events: '++seq, type, at, eventId',
} as const;

/**
 * Version 5 indexes the entries' translation group (entries that are translations of each other),
 * so the dashboard finds an entry's translations without reading every entry. The upgrade links
 * the Zendesk Guide articles imported before the field existed: every locale of one article
 * (`zendesk-article-<id>-<locale>`) gets the group `zendesk-article-<id>`, as a new import would.
 * (Versions 4, 6 and 7 belong to other changes; Dexie allows the gaps.)
 */
export const SCHEMA_V5 = {
  entries: 'id, status, owner, reviewBy, updatedAt, locale, *tags, translationGroup',
} as const;

/** The translation group of a Zendesk Guide entry id, as knowledge/formats/zendesk-guide.ts gives it. */
export function zendeskArticleGroup(id: string): string | undefined {
  const m = /^(zendesk-article-[A-Za-z0-9]{1,40})(?:-[A-Za-z0-9-]+)?$/.exec(id);
  return m?.[1];
}

/**
 * Version 6 drops every other secondary index of the entries and their history: each one cost a
 * write per entry (a tag one per tag), which made an import's writes two to three times slower and
 * the database about 65 MB bigger at 100k entries, for lookups that read few enough rows to filter
 * in memory (listEntries) or that read the history's keys instead (import.ts). Rows stay as they
 * are. The translation group (version 5) stays indexed: IndexedDB skips rows without the key, so
 * it costs only the entries that are translations.
 */
export const SCHEMA_V6 = {
  entries: 'id, translationGroup',
  entryVersions: '[id+version]',
} as const;

/**
 * Version 7 adds blocks of events (event-blocks.ts): an import of a trainer's files writes a few
 * rows per 10k events instead of one per event, and the dashboard reads report columns instead of
 * every event. Events stored before stay rows of `events`, read alongside the blocks.
 */
export const SCHEMA_V7 = {
  eventBlocks: '++id, from',
  eventBlockParts: '[id+part]',
} as const;

/** The settings row that held the JSON search index before version 3. */
export const OLD_INDEX_CACHE_KEY = 'searchIndexCache';

/** Who the upgrade records in the history rows it creates. */
export const UPGRADE_WHO = 'agent-assist (upgrade to database v2)';

export interface OpenOptions {
  /** For tests: an IndexedDB factory other than the global one. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The one place the database is opened; pass the result to every store function. */
export function openKnowledgeDb(name = 'agent-assist', options: OpenOptions = {}): KnowledgeDb {
  const db = new Dexie(name, options) as KnowledgeDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade((tx) => tx.table('settings').delete(OLD_INDEX_CACHE_KEY));
  db.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  db.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
  db.version(6).stores(SCHEMA_V6);
  db.version(7).stores(SCHEMA_V7);
  return db;
}

async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table<Entry, string>('entries')
    .filter((e) => e.source?.format === 'zendesk-guide' && e.translationGroup === undefined && zendeskArticleGroup(e.id) !== undefined)
    .modify((e) => {
      e.translationGroup = zendeskArticleGroup(e.id);
    });
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  const entries = tx.table<Entry, string>('entries');
  const versions = tx.table<EntryVersionRow, [string, number]>('entryVersions');
  const rows: EntryVersionRow[] = [];
  await entries.each((entry) => {
    rows.push({
      id: entry.id,
      version: entry.version,
      entry,
      who: UPGRADE_WHO,
      at: entry.updatedAt,
      change: entry.version > 1 ? 'updated' : 'created',
    });
  });
  await versions.bulkPut(rows);
}

async function upgradeToV4(tx: Transaction): Promise<void> {
  const settings = tx.table<SettingRow, string>('settings');
  let installId = (await settings.get('installId'))?.value;
  if (typeof installId !== 'string') {
    installId = globalThis.crypto.randomUUID();
    await settings.put({ key: 'installId', value: installId });
  }
  // randomUUID is synchronous: an awaited digest (a content hash) would end the upgrade's transaction.
  // Read in pages and written back with bulkPut: a cursor update per row (Collection.modify) took
  // 0.75 ms of CPU a row in Chromium (100k rows, bench on a loaded machine).
  const events = tx.table<EventRow, number>('events');
  const PAGE = 10_000;
  let after = 0;
  for (;;) {
    const rows = await events.where(':id').above(after).limit(PAGE).toArray();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.seq!;
    // Every stored event without an install id was recorded here: no released version imported others' events.
    const changed = rows.filter((e) => !e.eventId || !e.installId);
    for (const e of changed) {
      e.eventId ??= globalThis.crypto.randomUUID();
      e.installId ??= installId as string;
    }
    if (changed.length) await events.bulkPut(changed);
  }
}
