import { z } from 'zod';
import { LIMITS, type Entry } from '../entry.ts';
import type { Fix } from '../quality/findings.ts';
import { queueEventsFrom, reviewQueue, type ReviewQueue } from '../quality/queue.ts';
import { applyBulk, type BulkOptions, type BulkUndo } from './bulk.ts';
import { logChange } from './changes.ts';
import type { KnowledgeDb } from './db.ts';
import { validEntry, type SaveOptions } from './entries.ts';
import { StoreError, checkWho, withStoreErrors } from './errors.ts';
import { NEVER_SUGGESTED_DAYS, millis } from '../list.ts';
import { eventTables, oldestEventAt } from './event-blocks.ts';
import { listEvents } from './events.ts';
import { getSettings } from './settings.ts';
import { nextVersion, writeVersion } from './versions.ts';

/**
 * The review queue's store side: loading what it needs, remembering dismissals, and applying a
 * finding's one-click fix. Every entry write is one transaction with a version per entry and a
 * change-log row (the worker's index catches up), and returns an undo that undoBulk applies.
 */

/** The settings row holding dismissed findings (not a Settings field: the panel never reads it). */
export const DISMISSED_KEY = 'reviewDismissed';

const Dismissal = z.object({ key: z.string().min(1).max(2000), who: z.string(), at: z.string() });
export type Dismissal = z.infer<typeof Dismissal>;

export async function listDismissed(db: KnowledgeDb): Promise<Dismissal[]> {
  const row = await db.settings.get(DISMISSED_KEY);
  const parsed = z.array(Dismissal).safeParse(row?.value ?? []);
  // A row this code cannot read hides nothing rather than breaking the queue.
  return parsed.success ? parsed.data : [];
}

/** Remembers a dismissed finding; dismissing it twice keeps the first dismissal. */
export async function dismissFinding(db: KnowledgeDb, key: string, who: string, options: SaveOptions = {}): Promise<Dismissal[]> {
  const by = checkWho(who);
  if (!key.trim() || key.length > 2000) throw new StoreError('invalid', 'The finding to dismiss has no key.');
  const at = (options.now ?? new Date()).toISOString();
  return withStoreErrors('the dismissal', () =>
    db.transaction('rw', db.settings, async () => {
      const list = await listDismissed(db);
      if (list.some((d) => d.key === key)) return list;
      const next = [...list, { key, who: by, at }];
      await db.settings.put({ key: DISMISSED_KEY, value: next });
      return next;
    }),
  );
}

/** Brings a dismissed finding back (the queue's "undo"). */
export async function restoreFinding(db: KnowledgeDb, key: string): Promise<Dismissal[]> {
  return withStoreErrors('the dismissal', () =>
    db.transaction('rw', db.settings, async () => {
      const next = (await listDismissed(db)).filter((d) => d.key !== key);
      await db.settings.put({ key: DISMISSED_KEY, value: next });
      return next;
    }),
  );
}

/**
 * Everything the queue needs, read in one transaction: entries, events of the last 90 days,
 * every flag, the dismissals and the lead's name (Settings, unless given).
 */
export async function loadReviewQueue(db: KnowledgeDb, options: { now?: Date; lead?: string } = {}): Promise<ReviewQueue> {
  const now = options.now ?? new Date();
  const from = queueEventsFrom(now);
  const [entries, recent, flags, dismissed, settings, oldest] = await db.transaction('rw', [db.entries, ...eventTables(db), db.settings], () =>
    Promise.all([
      db.entries.toArray(),
      listEvents(db, { from, types: ['shown', 'inserted', 'rejected'] }),
      listEvents(db, { types: ['flagged_outdated'] }),
      listDismissed(db),
      getSettings(db),
      oldestEventAt(db),
    ]),
  );
  // The flags of the last 90 days come with `flags` already.
  const events = [...recent, ...flags];
  // "Not shown in 90 days" is known only once events reach back 90 days: a week of recording
  // would otherwise call nearly every entry unused.
  const eventsKnown = oldest !== undefined && millis(oldest) <= now.getTime() - NEVER_SUGGESTED_DAYS * 86_400_000;
  return reviewQueue({ entries, events, now, eventsKnown, dismissed: new Set(dismissed.map((d) => d.key)), lead: options.lead ?? settings.agentName });
}

export interface FixResult {
  /** Entries the fix changed (a version written for each). */
  changed: string[];
  /** What undoBulk needs to put them back; absent for a dismissal (restoreFinding undoes it). */
  undo?: BulkUndo;
}

/** Applies a finding's fix; 'edit' is the page's to do (it opens the editor) and is refused here. */
export async function applyFix(db: KnowledgeDb, fix: Fix, who: string, options: BulkOptions = {}): Promise<FixResult> {
  switch (fix.kind) {
    case 'bulk': {
      const r = await applyBulk(db, fix.ids, fix.action, who, options);
      if (r.refused.length) throw new StoreError('refused', r.refused.map((x) => `${x.id}: ${x.reason}`).join('; '));
      return { changed: r.changed, undo: r.undo };
    }
    case 'merge':
      return mergeEntries(db, fix.keep, fix.archive, who, options);
    case 'accept_revision':
      return rewrite(db, [fix.id], who, options, ([e]) => {
        if (e.version !== fix.baseVersion) {
          throw new StoreError('refused', `${e.id} changed since the agents' edit was proposed (now version ${e.version}, the proposal was for ${fix.baseVersion}); nothing was saved.`);
        }
        return [{ ...e, body: fix.body }];
      });
    case 'remove_question':
      return rewrite(db, [fix.id], who, options, ([e]) => [{ ...e, questions: e.questions.filter((q) => q !== fix.question) }]);
    case 'dismiss':
      await dismissFinding(db, fix.key, who, options);
      return { changed: [] };
    case 'edit':
      throw new StoreError('invalid', `This finding is fixed in the editor (${fix.id}); nothing was changed.`);
  }
}

/**
 * Keeps `keep`, adds the example questions of the others it lacks (the ways customers ask stay
 * findable) and archives the others, in one transaction.
 */
export async function mergeEntries(db: KnowledgeDb, keep: string, others: readonly string[], who: string, options: SaveOptions = {}): Promise<FixResult> {
  return rewrite(db, [keep, ...others], who, options, ([kept, ...rest]) => {
    const has = new Set(kept.questions.map(questionKey));
    const questions = [...kept.questions];
    for (const q of rest.flatMap((e) => e.questions)) {
      if (has.has(questionKey(q)) || questions.length >= LIMITS.questions) continue;
      has.add(questionKey(q));
      questions.push(q);
    }
    return [{ ...kept, questions }, ...rest.map((e): Entry => ({ ...e, status: 'archived' }))];
  });
}

function questionKey(q: string): string {
  return q.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

/** Reads the entries, lets `change` return their new states, and saves those that differ, as applyBulk does. */
async function rewrite(db: KnowledgeDb, ids: string[], who: string, options: SaveOptions, change: (entries: [Entry, ...Entry[]]) => Entry[]): Promise<FixResult> {
  const by = checkWho(who);
  const at = (options.now ?? new Date()).toISOString();
  return withStoreErrors(`the change to ${ids.join(', ')}`, () =>
    db.transaction('rw', db.entries, db.entryVersions, db.changes, async () => {
      const current = await db.entries.bulkGet(ids);
      const missing = ids.filter((_, i) => !current[i]);
      if (missing.length) throw new StoreError('not-found', `Nothing was changed: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} no longer in the knowledge base.`);
      const before = current as [Entry, ...Entry[]];
      const after = change(before);
      // undoBulk reads only `changes`; the action names the closest bulk action for the page.
      const undo: BulkUndo = { action: { kind: 'archive' }, at, who: by, changes: [] };
      const changed: string[] = [];
      for (const [i, next] of after.entries()) {
        const old = before[i]!;
        if (JSON.stringify(next) === JSON.stringify(old)) continue;
        const version = await nextVersion(db, old.id);
        const saved = validEntry({ ...next, version, updatedAt: at });
        await db.entries.put(saved);
        await writeVersion(db, saved, by, at, 'updated', old);
        changed.push(old.id);
        undo.changes.push({ before: old, afterVersion: version, deleted: false });
      }
      await logChange(db, changed);
      return { changed, undo };
    }),
  );
}
