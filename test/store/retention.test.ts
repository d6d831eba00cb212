import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { listEntries } from '../../knowledge/store/entries.ts';
import { applyImport } from '../../knowledge/store/import.ts';
import { addLearned, listLearned } from '../../knowledge/store/learned.ts';
import { changesSince } from '../../knowledge/store/changes.ts';
import { recordEvent, listEvents } from '../../knowledge/store/events.ts';
import { purgeExpiredEvents, purgeIfDue } from '../../knowledge/store/purge.ts';
import { deleteMyData } from '../../knowledge/store/retention.ts';
import { getSettings, saveSettings } from '../../knowledge/store/settings.ts';
import { entry, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

const ticket = { helpdesk: 'zendesk', id: '1' };
const NOW = new Date('2026-12-02T09:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const copied = (at: string) => recordEvent(db, { type: 'copied', ticket, entryId: 'refund', rank: 1, at });

describe('retention', () => {
  it('deletes events older than the retention period (180 days by default) and keeps the rest', async () => {
    db = freshDb();
    for (const d of [400, 181, 180.01, 179.99, 10, 0]) await copied(daysAgo(d));
    expect(await purgeExpiredEvents(db, NOW)).toBe(3);
    expect((await listEvents(db)).map((e) => e.at)).toEqual([daysAgo(179.99), daysAgo(10), daysAgo(0)]);
    await saveSettings(db, { retentionDays: 7 });
    expect(await purgeExpiredEvents(db, NOW)).toBe(2);
    expect(await db.events.count()).toBe(1);
  });

  it('purges at most once a day', async () => {
    db = freshDb();
    await copied(daysAgo(200));
    expect(await purgeIfDue(db, NOW)).toBe(1);
    await copied(daysAgo(200));
    expect(await purgeIfDue(db, new Date(NOW.getTime() + 3600_000))).toBeUndefined();
    expect(await db.events.count()).toBe(1);
    expect(await purgeIfDue(db, new Date(NOW.getTime() + 86_400_000))).toBe(1);
    expect(await db.events.count()).toBe(0);
  });
});

describe('delete all my data', () => {
  async function withData(): Promise<string> {
    db = freshDb();
    await applyImport(db, { entries: [entry('refund'), entry('shipping')], problems: [] }, 'lead');
    await saveSettings(db, { agentName: 'Anna', agentSignature: 'Anna, Northwind', helpdeskDomains: ['https://support.example.com'], teamSalt: 'northwind-team-salt-2026', retentionDays: 90 });
    await copied(daysAgo(1));
    await addLearned(db, { entryId: 'refund', text: 'money back please', terms: ['money', 'back'] }, 'Anna');
    return (await getSettings(db)).installId;
  }

  it('deletes events, learned phrasings and the profile, starts a new installation, and keeps the knowledge and helpdesks', async () => {
    const installId = await withData();
    expect(await deleteMyData(db)).toEqual({ events: 1, learned: 1, entries: 0 });
    expect(await db.events.count()).toBe(0);
    expect(await listLearned(db)).toEqual([]);
    const s = await getSettings(db);
    expect(s).toMatchObject({ agentName: '', agentSignature: '', helpdeskDomains: ['https://support.example.com'], teamSalt: 'northwind-team-salt-2026', retentionDays: 90 });
    expect(s.installId).not.toBe(installId);
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['refund', 'shipping']);
  });

  it('deletes the knowledge too when chosen, logged so the worker\u2019s index drops it', async () => {
    await withData();
    const before = (await changesSince(db, 0))!.seq;
    expect(await deleteMyData(db, { knowledge: true })).toEqual({ events: 1, learned: 1, entries: 2 });
    expect(await listEntries(db)).toEqual([]);
    expect(await db.entryVersions.count()).toBe(0);
    expect((await changesSince(db, before))!.ids).toEqual(['refund', 'shipping']);
  });
});
