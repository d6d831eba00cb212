import { Entry, type EntryStatus } from '../entry.ts';
import type { KnowledgeDb } from './db.ts';
import { StoreError, checkWho, withStoreErrors } from './errors.ts';
import { nextVersion, writeVersion } from './versions.ts';
import { logChange } from './changes.ts';

export interface EntryFilter {
  status?: EntryStatus;
  owner?: string;
  locale?: string;
  tag?: string;
  /** Entries whose reviewBy is before this day (YYYY-MM-DD): the stale ones on that day. */
  reviewBefore?: string;
}

export interface SaveOptions {
  /** The clock, for tests. */
  now?: Date;
}

export async function getEntry(db: KnowledgeDb, id: string): Promise<Entry | undefined> {
  return db.entries.get(id);
}

/** Entries matching every given filter, sorted by id. One filter uses an index; the rest are checked in memory. */
export async function listEntries(db: KnowledgeDb, filter: EntryFilter = {}): Promise<Entry[]> {
  const { status, owner, locale, tag, reviewBefore } = filter;
  let found: Entry[];
  if (tag !== undefined) found = await db.entries.where('tags').equals(tag).toArray();
  else if (status !== undefined) found = await db.entries.where('status').equals(status).toArray();
  else if (owner !== undefined) found = await db.entries.where('owner').equals(owner).toArray();
  else if (locale !== undefined) found = await db.entries.where('locale').equals(locale).toArray();
  else if (reviewBefore !== undefined) found = await db.entries.where('reviewBy').below(reviewBefore).toArray();
  else found = await db.entries.toArray();
  return found
    .filter(
      (e) =>
        (status === undefined || e.status === status) &&
        (owner === undefined || e.owner === owner) &&
        (locale === undefined || e.locale === locale) &&
        (tag === undefined || e.tags.includes(tag)) &&
        (reviewBefore === undefined || (e.reviewBy !== undefined && e.reviewBy < reviewBefore)),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Checks an entry at the store's door; the message names where the entry came from and the field. */
export function validEntry(entry: unknown): Entry {
  const parsed = Entry.safeParse(entry);
  if (parsed.success) return parsed.data;
  const raw = entry as Partial<Entry> | null;
  const src = raw?.source;
  const where = src?.file ? `${src.file}${src.row !== undefined ? ` row ${src.row}` : ''}` : `entry ${JSON.stringify(raw?.id ?? '?')}`;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'entry';
  throw new StoreError('invalid', `${where}, ${field}: ${issue?.message ?? 'is not a valid entry'}`);
}

/**
 * Saves an entry as a new version: version and updatedAt are set here (createdAt is kept from the
 * stored entry), and the new state is added to the history in the same transaction.
 */
export async function saveEntry(db: KnowledgeDb, entry: Entry, who: string, options: SaveOptions = {}): Promise<Entry> {
  const by = checkWho(who);
  const at = (options.now ?? new Date()).toISOString();
  return withStoreErrors(`the entry ${JSON.stringify(entry.id)}`, () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
      const current = await db.entries.get(entry.id);
      const saved = validEntry({
        ...entry,
        version: await nextVersion(db, entry.id),
        createdAt: current?.createdAt ?? entry.createdAt,
        updatedAt: at,
      });
      await db.entries.put(saved);
      await writeVersion(db, saved, by, at, current ? 'updated' : 'created', current);
      await logChange(db, [saved.id]);
      return saved;
    }),
  );
}

/** Removes an entry from the knowledge base; its history stays, ending with a 'deleted' row. */
export async function deleteEntry(db: KnowledgeDb, id: string, who: string, options: SaveOptions = {}): Promise<boolean> {
  const by = checkWho(who);
  const at = (options.now ?? new Date()).toISOString();
  return withStoreErrors(`deleting ${JSON.stringify(id)}`, () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
      const current = await db.entries.get(id);
      if (!current) return false;
      const gone: Entry = { ...current, version: await nextVersion(db, id), updatedAt: at };
      await writeVersion(db, gone, by, at, 'deleted', current);
      await db.entries.delete(id);
      await logChange(db, [id]);
      return true;
    }),
  );
}

/** Moved to knowledge/entry.ts (the dry run needs it too, without the store); kept here for the store's callers. */
export { sameContent } from '../entry.ts';
