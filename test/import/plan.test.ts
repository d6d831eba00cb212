import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planImport } from '../../knowledge/import-plan.ts';
import { formatProblem } from '../../knowledge/problems.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { applyImportBatched } from '../../knowledge/store/import.ts';
import { planStoredImport } from '../../knowledge/store/import-check.ts';
import { translationClashes, translationsOf } from '../../knowledge/translations.ts';
import { entry, freshDb } from '../store/helpers.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const utf8 = (s: string) => new TextEncoder().encode(s);

const csv = [
  'id,title,body,status,review_by,locale',
  'refund,Refund time,Refunds reach your card within 5 working days.,approved,2027-01-01,en',
  'shipping,Shipping cost,Shipping is free above 50 euros.,approved,2026-01-01,en',
  'gift,Gift cards,Gift cards never expire.,approved,,en',
  'broken,Broken,,approved,,en',
  'refund-copy,Refund timing,Refunds reach your card within 5 working days.,approved,,en',
].join('\n');
const guide = readFileSync(path.resolve(import.meta.dirname, '../fixtures/formats/zendesk-guide-translations.json'));
const files = [{ name: 'answers/kb.csv', bytes: utf8(csv) }, { name: 'answers/guide.json', bytes: guide }];

const stored = [
  entry('refund', { title: 'Refund time', body: 'Refunds take 10 days.', owner: 'lead@example.com', reviewBy: '2027-06-01' }),
  entry('gift', { title: 'Gift cards', body: 'Gift cards never expire.', status: 'draft', reviewBy: undefined, locale: 'en', questions: [], tags: [], owner: '' }),
  // A German translation of the same article, stored under another id: a clash with the import's.
  entry('old-returns-de', { locale: 'de', translationGroup: 'zendesk-article-768934' }),
];

describe('planImport: the dry run the wizard lists', () => {
  const result = importFiles(files, { now: NOW });

  it('lists every file with its format, encoding and own problems, each naming file, row and field', () => {
    const plan = planImport(result, stored, undefined, { now: NOW });
    expect(plan.files.map((f) => [f.name, f.format, f.label, f.encoding, f.entries, f.errors, f.warnings])).toEqual([
      ['answers/kb.csv', 'csv', 'CSV spreadsheet', 'utf-8', 4, 1, 0],
      ['answers/guide.json', 'zendesk-guide', 'Zendesk Guide articles and translations (API JSON)', 'utf-8', 3, 0, 1],
    ]);
    expect(plan.files[0]!.problems.map(formatProblem)).toEqual(['answers/kb.csv row 5, body: is empty; every entry needs an answer (body)']);
    expect(plan.canApply).toBe(false);
    expect(plan.counts.errors).toBe(1);
  });

  it('says what happens to each entry, and why agents will not be shown it', () => {
    const ok = importFiles([files[0]!, files[1]!].map((f) => (f.name.endsWith('.csv') ? { ...f, bytes: utf8(csv.split('\n').filter((l) => !l.startsWith('broken')).join('\n')) } : f)), { now: NOW });
    const plan = planImport(ok, stored, { all: 'version', byId: { gift: 'keep' } }, { now: NOW });
    expect(plan.canApply).toBe(true);
    const rows = Object.fromEntries(plan.items.map((i) => [i.id, [i.action, i.exists, i.whyNot]]));
    expect(rows).toEqual({
      refund: ['version', true, []],
      shipping: ['add', false, ['overdue since 2026-01-02']],
      gift: ['keep', true, ['draft']],
      'refund-copy': ['add', false, []],
      'zendesk-article-768934-en-us': ['add', false, []],
      'zendesk-article-768934-de': ['add', false, ['in review']],
      'zendesk-article-768934-fr': ['add', false, ['draft']],
    });
    expect(plan.existing).toEqual(['refund', 'gift']);
    expect(plan.counts).toMatchObject({ add: 5, version: 1, keep: 1, replace: 0, unchanged: 0, notSuggested: 4 });
    // refund-copy repeats the refund the import brings in (the stored refund is being replaced).
    expect(plan.items.find((i) => i.id === 'refund-copy')!.duplicates).toEqual([expect.objectContaining({ of: 'refund', where: 'import' })]);
    expect(plan.translationClashes).toEqual([{ group: 'zendesk-article-768934', locale: 'de', ids: ['old-returns-de', 'zendesk-article-768934-de'] }]);
  });

  it('an entry whose landed form equals the stored one is unchanged (under "version", the stored review state counts)', () => {
    const same = importFiles([{ name: 'g.csv', bytes: utf8('id,title,body,status\ngift,Gift cards,Gift cards never expire.,approved') }], { now: NOW });
    expect(planImport(same, stored, { all: 'version' }, { now: NOW }).items[0]!.action).toBe('unchanged');
    expect(planImport(same, stored, { all: 'replace' }, { now: NOW }).items[0]!.action).toBe('replace');
  });

  it('refuses what the store would refuse: a choice for an id the import does not hold', () => {
    const plan = planImport(result, stored, { all: 'keep', byId: { nope: 'replace' } }, { now: NOW });
    expect(plan.problems.map(formatProblem)).toContain('this import, nope: a choice was made for "nope", which this import does not hold');
    expect(plan.canApply).toBe(false);
  });
});

describe('planImport and the entry limit', () => {
  it('reports a count over the limit once, whether importFiles already found it or the plan does', () => {
    const many = Array.from({ length: 4 }, (_, i) => entry(`x${i}`));
    const once = planImport({ entries: many, problems: [], files: [] }, [], undefined, { now: NOW, maxEntries: 3 });
    expect(once.problems.filter((p) => /one import takes at most 3:/.test(p.message))).toHaveLength(1);
    expect(once.canApply).toBe(false);
    const again = planImport({ entries: many, problems: once.problems, files: [] }, [], undefined, { now: NOW, maxEntries: 3 });
    expect(again.problems.filter((p) => /one import takes at most 3:/.test(p.message))).toHaveLength(1);
  });
});

describe('planStoredImport then applyImportBatched with the same choice', () => {
  const dbs: KnowledgeDb[] = [];
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((d) => d.delete()));
  });

  it('lands exactly what the plan listed', async () => {
    const db = freshDb();
    dbs.push(db);
    for (const e of stored) await saveEntry(db, e, 'anna', { now: NOW });
    const result = importFiles([files[1]!, { name: 'kb.csv', bytes: utf8('id,title,body\nrefund,Refund time,Refunds take 3 days.\ngift,Gift cards,Changed.') }], { now: NOW });
    const conflicts = { all: 'replace' as const, byId: { gift: 'keep' as const } };
    const plan = await planStoredImport(db, result, conflicts, { now: NOW });
    const report = await applyImportBatched(db, result, 'ben', { now: NOW, conflicts });
    const planned = (a: string) => plan.items.filter((i) => i.action === a).map((i) => i.id);
    expect(report.added).toEqual(planned('add'));
    expect(report.updated).toEqual(planned('replace'));
    expect(report.kept).toEqual(planned('keep'));
    expect((await db.entries.where('translationGroup').equals('zendesk-article-768934').primaryKeys()).sort()).toEqual([
      'old-returns-de', 'zendesk-article-768934-de', 'zendesk-article-768934-en-us', 'zendesk-article-768934-fr',
    ]);
  });
});

describe('translations', () => {
  const es = [
    entry('a-en', { locale: 'en', translationGroup: 'g' }),
    entry('a-de', { locale: 'de', translationGroup: 'g' }),
    entry('b-de', { locale: 'de', translationGroup: 'g' }),
    entry('c-de', { locale: 'de' }),
  ];
  it('finds two entries claiming one locale of a group, and nothing across unlinked entries', () => {
    expect(translationClashes(es)).toEqual([{ group: 'g', locale: 'de', ids: ['a-de', 'b-de'] }]);
    expect(translationClashes(es.slice(0, 2))).toEqual([]);
  });
  it('lists an entry\'s translations by locale', () => {
    expect(translationsOf(es[0]!, es).map((e) => e.id)).toEqual(['a-de', 'b-de']);
    expect(translationsOf(es[3]!, es)).toEqual([]);
  });
});
