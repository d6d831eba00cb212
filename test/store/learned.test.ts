import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { addLearned, listLearned, removeLearnedOf, removeLearnedPhrasing } from '../../knowledge/store/learned.ts';
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
    await removeLearnedPhrasing(db, row.id!);
    expect(await listLearned(db, 'refund')).toEqual([]);
  });

  it('stores a phrasing without the street and city in it, nor the terms that came from them', async () => {
    db = freshDb();
    const text = 'parcel never came to Lindenstraße 12, 10115 Berlin';
    const row = await addLearned(db, { entryId: 'shipping', text, terms: ['parcel', 'never', 'came', 'lindenstrass', 'berlin'] }, 'anna', { now: NOW });
    expect(row.text).toBe('parcel never came to [address]');
    expect(row.terms).toEqual(['parcel', 'never', 'came']);
  });

  it('removing a phrasing removes its copies (same entry, same text) and nothing else; an entry\u2019s all at once', async () => {
    db = freshDb();
    const add = (entryId: string, text: string) => addLearned(db, { entryId, text, terms: text.split(' ') }, 'anna');
    const a = await add('refund', 'money back please');
    await add('refund', 'money back please');
    await add('refund', 'refund not arrived');
    await add('shipping', 'money back please');
    expect(await removeLearnedPhrasing(db, a.id!)).toBe(true);
    expect((await listLearned(db)).map((r) => `${r.entryId}: ${r.text}`)).toEqual(['refund: refund not arrived', 'shipping: money back please']);
    expect(await removeLearnedPhrasing(db, a.id!)).toBe(false);
    await add('refund', 'refund not arrived');
    expect(await removeLearnedOf(db, 'refund')).toBe(1);
    expect((await listLearned(db)).map((r) => r.entryId)).toEqual(['shipping']);
    expect(await removeLearnedPhrasing(db, 12345)).toBe(false);
  });
});
