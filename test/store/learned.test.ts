import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { addLearned, listLearned, removeLearned } from '../../knowledge/store/learned.ts';
import { NOW, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

describe('learned phrasings', () => {
  it('stores the phrasing without personal data, and drops the terms that came from it', async () => {
    db = freshDb();
    const row = await addLearned(
      db,
      { entryId: 'refund', text: 'Hi, Jürgen here, refund to DE89 3704 0044 0532 0130 00 please', terms: ['jurgen', 'jürgen', 'refund', 'de89', 'please'] },
      'anna',
      { names: ['Jürgen Weiß'], now: NOW },
    );
    expect(row).toMatchObject({ entryId: 'refund', text: 'Hi, [name] here, refund to [iban] please', who: 'anna', at: NOW.toISOString() });
    expect(row.terms).toEqual(['refund', 'please']);
    await addLearned(db, { entryId: 'shipping', text: 'parcel stuck in customs', terms: ['parcel', 'customs'] }, 'ben');
    expect((await listLearned(db, 'refund')).map((r) => r.text)).toEqual([row.text]);
    expect(await listLearned(db)).toHaveLength(2);
    await removeLearned(db, row.id!);
    expect(await listLearned(db, 'refund')).toEqual([]);
  });
});
