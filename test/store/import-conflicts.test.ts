import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/entry.ts';
import { importLimitProblems, resolveIncoming, type ConflictChoice } from '../../knowledge/import-conflicts.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { applyImport, applyImportBatched } from '../../knowledge/store/import.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { LATER, NOW, entry, freshDb } from './helpers.ts';

const dbs: KnowledgeDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

/** Stored: three approved entries a lead owns and reviewed. */
async function stored(): Promise<KnowledgeDb> {
  const db = freshDb();
  dbs.push(db);
  for (const id of ['refund', 'shipping', 'warranty']) await saveEntry(db, entry(id, { owner: 'lead@example.com', reviewBy: '2027-10-01' }), 'anna', { now: NOW });
  return db;
}

/** The same ids again from a helpdesk export: new text, approved, nobody's, no review date. And one new entry. */
const file: Entry[] = ['refund', 'shipping', 'warranty', 'gift'].map((id) =>
  entry(id, { body: `New answer for ${id}.`, owner: '', reviewBy: undefined, status: id === 'gift' ? 'draft' : 'in_review', source: { format: 'zendesk-macros', file: 'macros.json', path: id } }),
);

const applies = [
  ['applyImport', applyImport],
  [
    'applyImportBatched',
    async (db: KnowledgeDb, r: { entries: Entry[]; problems: [] }, who: string, o: { now: Date; conflicts?: ConflictChoice }) => {
      const { change: _change, ...report } = await applyImportBatched(db, r, who, { ...o, batch: 2 });
      return report;
    },
  ],
] as const;

describe.each(applies)('%s with a choice per existing id', (_name, apply) => {
  it('keeps, replaces or adds a new version per id, with "all" for the rest', async () => {
    const db = await stored();
    const report = await apply(db, { entries: file, problems: [] }, 'ben', { now: LATER, conflicts: { all: 'version', byId: { refund: 'keep', shipping: 'replace' } } });
    expect(report).toEqual({ added: ['gift'], updated: ['shipping', 'warranty'], unchanged: [], kept: ['refund'] });
    const [refund, shipping, warranty] = await db.entries.bulkGet(['refund', 'shipping', 'warranty']);
    // keep: untouched, no new version.
    expect(refund).toMatchObject({ body: 'Answer for refund.', version: 1 });
    expect((await entryHistory(db, 'refund')).map((h) => h.version)).toEqual([1]);
    // replace: the file is the truth, review state included.
    expect(shipping).toMatchObject({ body: 'New answer for shipping.', status: 'in_review', owner: '', version: 2 });
    expect(shipping?.reviewBy).toBeUndefined();
    // version: the file's text, the review state kept.
    expect(warranty).toMatchObject({ body: 'New answer for warranty.', status: 'approved', owner: 'lead@example.com', reviewBy: '2027-10-01', version: 2 });
    expect((await entryHistory(db, 'warranty')).map((h) => [h.version, h.entry.body])).toEqual([[1, 'Answer for warranty.'], [2, 'New answer for warranty.']]);
  });

  it('"version" keeps a stored entry without a review date without one, whatever the file says', async () => {
    const db = await stored();
    await saveEntry(db, entry('faq', { reviewBy: undefined }), 'anna', { now: NOW });
    await apply(db, { entries: [entry('faq', { body: 'New.', reviewBy: '2020-01-01' })], problems: [] }, 'ben', { now: LATER, conflicts: { all: 'version' } });
    const faq = await db.entries.get('faq');
    expect(faq?.body).toBe('New.');
    expect(faq?.reviewBy).toBeUndefined();
  });

  it('the same text under "version" is unchanged: no new version', async () => {
    const db = await stored();
    const same = file.slice(0, 1).map((e) => ({ ...e, body: 'Answer for refund.', status: 'draft' as const }));
    const report = await apply(db, { entries: same, problems: [] }, 'ben', { now: LATER, conflicts: { all: 'version' } });
    expect(report.unchanged).toEqual(['refund']);
  });

  it('refuses a choice for an id the import does not hold, or an unknown choice, and lands nothing', async () => {
    const db = await stored();
    const before = await db.entries.toArray();
    await expect(apply(db, { entries: file, problems: [] }, 'ben', { now: LATER, conflicts: { all: 'keep', byId: { nothing: 'replace' } } })).rejects.toThrow(
      'Nothing was imported: nothing: a choice was made for "nothing", which this import does not hold.',
    );
    await expect(apply(db, { entries: file, problems: [] }, 'ben', { now: LATER, conflicts: { all: 'merge' as 'keep' } })).rejects.toThrow(/"merge" is not a choice for existing entries; use one of keep, replace, version/);
    expect(await db.entries.toArray()).toEqual(before);
  });

  it('is all or nothing: an invalid entry after a replaced one rolls the replacement back', async () => {
    const db = await stored();
    const before = await db.entries.toArray();
    const bad = [file[1]!, file[2]!, { ...file[3]!, locale: 'not a locale' }];
    await expect(apply(db, { entries: bad, problems: [] }, 'ben', { now: LATER, conflicts: { all: 'replace' } })).rejects.toThrow(/locale/);
    expect(await db.entries.toArray()).toEqual(before);
  });
});

describe('resolveIncoming and importLimitProblems (shared by the dry run and the store)', () => {
  it('resolves each policy without a stored entry to the file\'s entry', () => {
    for (const p of ['keep', 'replace', 'version'] as const) expect(resolveIncoming(file[3]!, undefined, p)).toBe(file[3]);
  });

  it('names every broken limit', () => {
    const twice = [file[0]!, { ...file[0]!, source: { format: 'csv' as const, file: 'b.csv', row: 4 } }];
    expect(importLimitProblems(twice, { all: 'keep', byId: { gift: 'keep' } }, 1).map((p) => `${p.file}${p.field ? `, ${p.field}` : ''}: ${p.message}`)).toEqual([
      'b.csv: this import holds 2 entries; one import takes at most 1: split the files and import them one after another',
      'b.csv, id: "refund" is used more than once: also by macros.json refund; every entry needs its own id',
      'this import, gift: a choice was made for "gift", which this import does not hold',
    ]);
  });
});
