import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeDb, type KnowledgeDb } from '../../knowledge/store/db.ts';
import { hashTicket } from '../../knowledge/events.ts';
import { recordEvent } from '../../knowledge/store/events.ts';
import { getSettings, saveSettings } from '../../knowledge/store/settings.ts';
import { freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

describe('settings', () => {
  it('has defaults and creates the ticket salt once, kept across reopening', async () => {
    db = freshDb();
    const first = await getSettings(db);
    expect(first).toMatchObject({ agentName: '', agentSignature: '', companyName: '', helpdeskDomains: [], genericSelectors: [] });
    expect(first.thresholdOverride).toBeUndefined();
    expect(first.ticketSalt).toMatch(/^[0-9a-f]{64}$/);
    db.close();
    db = openKnowledgeDb(db.name);
    expect((await getSettings(db)).ticketSalt).toBe(first.ticketSalt);
    const other = freshDb();
    expect((await getSettings(other)).ticketSalt).not.toBe(first.ticketSalt);
    await other.delete();
  });

  it('saves a validated patch and keeps the rest', async () => {
    db = freshDb();
    await saveSettings(db, { agentName: 'Anna', helpdeskDomains: ['https://support.example.com'] });
    const after = await saveSettings(db, {
      companyName: 'Example GmbH',
      thresholdOverride: 0.4,
      genericSelectors: [{ domain: 'https://support.example.com', subject: 'h1.subject', message: '.thread .msg:last-child', replyBox: '#reply' }],
    });
    expect(after).toMatchObject({ agentName: 'Anna', companyName: 'Example GmbH', thresholdOverride: 0.4, helpdeskDomains: ['https://support.example.com'] });
    expect(await getSettings(db)).toEqual(after);
    expect((await saveSettings(db, { thresholdOverride: null })).thresholdOverride).toBeUndefined();
    expect((await getSettings(db)).thresholdOverride).toBeUndefined();
  });

  it.each([
    [{ helpdeskDomains: ['https://support.example.com/tickets'] }, 'helpdeskDomains.0: is not a web origin'],
    [{ helpdeskDomains: ['support.example.com'] }, 'helpdeskDomains.0: is not a web origin'],
    [{ thresholdOverride: 1.5 }, 'thresholdOverride'],
    [
      { genericSelectors: [{ domain: 'https://a.example', subject: 'h1', message: 'p', replyBox: 'x { color: red }' }] },
      'genericSelectors.0.replyBox: is not a CSS selector',
    ],
  ])('refuses %j with the field named, changing nothing', async (patch, message) => {
    db = freshDb();
    const before = await getSettings(db);
    await expect(saveSettings(db, patch)).rejects.toThrow(message);
    expect(await getSettings(db)).toEqual(before);
  });

  it('never lets the salt be changed, and survives a corrupt stored value', async () => {
    db = freshDb();
    const { ticketSalt } = await getSettings(db);
    await expect(saveSettings(db, { ticketSalt: 'ab' } as never)).rejects.toThrow('salt');
    await db.settings.put({ key: 'helpdeskDomains', value: 'not a list' });
    const s = await getSettings(db);
    expect(s.helpdeskDomains).toEqual([]);
    expect(s.ticketSalt).toBe(ticketSalt);
  });

  it('creates the install id once; it cannot be changed', async () => {
    db = freshDb();
    const { installId, retentionDays, pilot, teamSalt } = await getSettings(db);
    expect(installId).toMatch(/^[0-9a-f-]{36}$/);
    expect({ retentionDays, pilot, teamSalt }).toEqual({ retentionDays: 180, pilot: { on: false, tags: [] }, teamSalt: undefined });
    await saveSettings(db, { agentName: 'Anna' });
    expect((await getSettings(db)).installId).toBe(installId);
    await expect(saveSettings(db, { installId: 'x' } as never)).rejects.toThrow('install id');
  });

  it('hashes the same ticket the same on two machines that share a team salt, and differently without it', async () => {
    db = freshDb();
    const other = freshDb();
    const ticket = { helpdesk: 'zendesk', id: '4711' };
    const record = (d: KnowledgeDb) => recordEvent(d, { type: 'copied', ticket, entryId: 'refund', rank: 1 });
    expect((await record(db)).ticketHash).not.toBe((await record(other)).ticketHash);
    const teamSalt = 'northwind-support-2026-salt';
    await saveSettings(db, { teamSalt });
    await saveSettings(other, { teamSalt: `  ${teamSalt} ` });
    const [a, b] = [await record(db), await record(other)];
    expect(a.ticketHash).toBe(b.ticketHash);
    expect(a.ticketHash).toBe(await hashTicket(ticket, teamSalt));
    expect(a.installId).not.toBe(b.installId);
    expect((await saveSettings(db, { teamSalt: null })).teamSalt).toBeUndefined();
    expect((await record(db)).ticketHash).toBe(await hashTicket(ticket, (await getSettings(db)).ticketSalt));
    await other.delete();
  });

  it.each([
    [{ teamSalt: 'short' }, 'teamSalt: needs at least 16 characters'],
    [{ retentionDays: 0 }, 'retentionDays'],
    [{ retentionDays: 30.5 }, 'retentionDays'],
    [{ pilot: { on: true, tags: ['returns', 'shipping'] } }, 'pilot.tags: pilot mode needs 3 to 5 tags'],
    [{ pilot: { on: true, tags: ['a', 'b', 'c', 'd', 'e', 'f'] } }, 'pilot.tags: at most 5 tags'],
    [{ pilot: { on: true, tags: ['returns', 'Returns', 'shipping'] } }, 'pilot.tags: a tag is listed twice'],
  ])('refuses the team setting %j, naming the field', async (patch, message) => {
    db = freshDb();
    await expect(saveSettings(db, patch)).rejects.toThrow(message);
  });

  it('keeps the pilot tags while pilot mode is off, and the retention period', async () => {
    db = freshDb();
    await saveSettings(db, { pilot: { on: true, tags: ['returns', 'shipping', 'billing'] }, retentionDays: 90 });
    const s = await saveSettings(db, { pilot: { on: false, tags: ['returns', 'shipping'] } });
    expect(s).toMatchObject({ pilot: { on: false, tags: ['returns', 'shipping'] }, retentionDays: 90 });
    expect(await getSettings(db)).toEqual(s);
  });
});
