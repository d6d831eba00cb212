import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, openKnowledgeDb, zendeskArticleGroup, type KnowledgeDb } from '../../knowledge/store/db.ts';
import { entry } from './helpers.ts';

let db: KnowledgeDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('schema upgrade v3 -> v5 (translation groups)', () => {
  it('links the locales of each stored Zendesk Guide article, indexes the group, and leaves every other entry as it was', async () => {
    const name = `upgrade-v5-${process.pid}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({ ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3 });
    const guide = (id: string, locale: string) => entry(id, { locale, source: { format: 'zendesk-guide', file: 'guide.json', path: 'article 1' } });
    const old = [
      guide('zendesk-article-768934-en-us', 'en-US'),
      guide('zendesk-article-768934-de', 'de'),
      guide('zendesk-article-5', 'en'),
      entry('refund'),
      // Named like an article but typed in by hand: not ours to link.
      entry('zendesk-article-9-en', { source: { format: 'manual', file: '' } }),
    ];
    await v3.table('entries').bulkAdd(old);
    await v3.table('entryVersions').bulkAdd(old.map((e) => ({ id: e.id, version: 1, who: 'anna', at: e.updatedAt, change: 'created' })));
    v3.close();

    db = openKnowledgeDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    const byId = new Map((await db.entries.toArray()).map((e) => [e.id, e]));
    expect(byId.get('zendesk-article-768934-en-us')).toEqual({ ...old[0], translationGroup: 'zendesk-article-768934' });
    expect(byId.get('zendesk-article-768934-de')).toEqual({ ...old[1], translationGroup: 'zendesk-article-768934' });
    expect(byId.get('zendesk-article-5')).toEqual({ ...old[2], translationGroup: 'zendesk-article-5' });
    expect(byId.get('refund')).toEqual(old[3]);
    expect(byId.get('zendesk-article-9-en')).toEqual(old[4]);
    expect((await db.entries.where('translationGroup').equals('zendesk-article-768934').primaryKeys()).sort()).toEqual(['zendesk-article-768934-de', 'zendesk-article-768934-en-us']);
    expect(await db.entryVersions.count()).toBe(5);
  });

  it('reads the article id the way the Zendesk Guide reader writes it', () => {
    expect(zendeskArticleGroup('zendesk-article-115001-en-us')).toBe('zendesk-article-115001');
    expect(zendeskArticleGroup('zendesk-article-115001')).toBe('zendesk-article-115001');
    expect(zendeskArticleGroup('zendesk-macro-1')).toBeUndefined();
  });
});
