import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeDb, type KnowledgeDb } from '../../knowledge/store/db.ts';
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
});
