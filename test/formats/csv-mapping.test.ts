import { afterEach, describe, expect, it } from 'vitest';
import { csvHeaderSignature, csvHeaders, previewCsv, proposeCsvMapping } from '../../knowledge/formats/csv-mapping.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { rememberCsvMapping, rememberedCsvMapping } from '../../knowledge/store/csv-mappings.ts';
import { freshDb } from '../store/helpers.ts';
import { NOW, lines, utf8 } from './helpers.ts';

const helpdesk = [
  'Question;Reply;Labels;Language;Notes',
  '"Where is my order?";"It ships within 2 days.";"shipping, orders";de;internal',
  'Refund?;;refunds;en;',
  'Gift cards;"They never expire.";;fr;',
].join('\r\n');

const guess = (headers: string[]) => proposeCsvMapping(headers).columns.map((c) => [c.header, c.target, c.reason]);

describe('proposeCsvMapping', () => {
  it('maps a question-and-answer sheet: the question becomes the title, synonyms and standard names found', () => {
    const p = proposeCsvMapping(csvHeaders(helpdesk));
    expect(p.columns.map((c) => [c.header, c.target, c.reason])).toEqual([
      ['Question', 'title', 'synonym'], ['Reply', 'body', 'synonym'], ['Labels', 'tags', 'synonym'], ['Language', 'locale', 'standard'], ['Notes', 'custom', 'none'],
    ]);
    expect(p.missing).toEqual([]);
    expect(p.matches).toBe(false);
  });

  it('finds misspelt and other-language headers, and keeps one column per field', () => {
    expect(guess(['Subject', 'Anwser', 'Owner email', 'Expires'])).toEqual([
      ['Subject', 'title', 'synonym'], ['Anwser', 'body', 'similar'], ['Owner email', 'owner', 'synonym'], ['Expires', 'review_by', 'synonym'],
    ]);
    expect(guess(['Titel', 'Antwort', 'Schlagworte'])).toEqual([['Titel', 'title', 'synonym'], ['Antwort', 'body', 'synonym'], ['Schlagworte', 'tags', 'synonym']]);
    expect(guess(['Name', 'Text', 'Content'])).toEqual([['Name', 'title', 'synonym'], ['Text', 'body', 'synonym'], ['Content', 'custom', 'none']]);
  });

  it('says when the header already matches, and which required columns nothing maps to', () => {
    expect(proposeCsvMapping(['id', 'title', 'body', 'colour'])).toMatchObject({ matches: true, missing: [] });
    expect(proposeCsvMapping(['Colour', 'Size'])).toMatchObject({ matches: false, missing: ['title', 'body'] });
  });

  it('uses a remembered mapping over its own guesses', () => {
    const p = proposeCsvMapping(['Question', 'Reply', 'Notes'], { Notes: 'ignore', Question: 'questions', Reply: 'body' });
    expect(p.mapping).toEqual({ Question: 'questions', Reply: 'body', Notes: 'ignore' });
    expect(p.missing).toEqual(['title']);
  });

  it('signs a header set in any order, case and spacing alike', () => {
    expect(csvHeaderSignature(['Reply', ' question ', 'Labels'])).toBe(csvHeaderSignature(['labels', 'QUESTION', 'reply']));
    expect(csvHeaderSignature(['Reply', 'Question'])).not.toBe(csvHeaderSignature(['Reply', 'Question', 'Labels']));
  });
});

describe('previewCsv and importing with a mapping', () => {
  const mapping = proposeCsvMapping(csvHeaders(helpdesk)).mapping;

  it('shows the first rows as the entries they become, and each row\'s problems by field', () => {
    const preview = previewCsv({ name: 'faq.csv', text: helpdesk }, mapping, 2, NOW);
    expect(preview.header).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.entry?.title, r.entry?.tags, r.entry?.locale, r.entry?.custom])).toEqual([
      [2, 'Where is my order?', ['shipping', 'orders'], 'de', { Notes: 'internal' }],
      [3, undefined, undefined, undefined, undefined],
    ]);
    expect(preview.rows[1]!.problems.map((p) => `${p.row} ${p.field}: ${p.message}`)).toEqual(['3 Reply: is empty; every entry needs an answer (body)']);
  });

  it('imports the whole file with the mapping: problems name the file\'s own headers', () => {
    const result = importFiles([{ name: 'faq.csv', bytes: utf8(helpdesk) }], { now: NOW, csvMapping: mapping });
    expect(result.entries.map((e) => e.id)).toEqual(['where-is-my-order', 'gift-cards']);
    expect(lines(result)).toEqual(['faq.csv row 3, Reply: is empty; every entry needs an answer (body)']);
    expect(lines(result, 'warning')).toEqual([]);
  });

  it('without the mapping the same file is refused for its missing columns', () => {
    expect(lines(importFiles([{ name: 'faq.csv', bytes: utf8(helpdesk) }], { now: NOW }))).toEqual([
      expect.stringMatching(/^faq\.csv row 1, title: the column is missing/),
      expect.stringMatching(/^faq\.csv row 1, body: the column is missing/),
    ]);
  });

  it('a per-file mapping wins, ignore drops a column, and a bad target or two columns on one field are header errors', () => {
    const other = importFiles([{ name: 'faq.csv', bytes: utf8(helpdesk) }], { now: NOW, csvMapping: { Question: 'nonsense' }, csvMappings: { 'faq.csv': { ...mapping, Notes: 'ignore' } } });
    expect(other.entries[0]!.custom).toEqual({});
    expect(lines(importFiles([{ name: 'a.csv', bytes: utf8(helpdesk) }], { now: NOW, csvMapping: { ...mapping, Notes: 'summary' } }))).toEqual([
      'a.csv row 1, Notes: is mapped to "summary", which is not a column; map it to one of id, title, body, questions, tags, locale, status, owner, review_by, created_at, updated_at, version, source_format, source_file, source_row, source_path, translation_group, custom or ignore',
    ]);
    expect(lines(importFiles([{ name: 'a.csv', bytes: utf8(helpdesk) }], { now: NOW, csvMapping: { ...mapping, Notes: 'body' } }))).toEqual([
      'a.csv row 1, Notes: is mapped to body, and so is column 2 ("Reply"); map one column to each field',
    ]);
  });
});

describe('remembered mappings (a settings row per header signature)', () => {
  let db: KnowledgeDb;
  afterEach(async () => {
    await db?.delete();
  });

  it('remembers a mapping and finds it again for the same headers in another order', async () => {
    db = freshDb();
    await rememberCsvMapping(db, ['Question', 'Reply'], { Question: 'title', Reply: 'body' }, { now: NOW });
    expect(await rememberedCsvMapping(db, ['reply', 'QUESTION'])).toEqual({ Question: 'title', Reply: 'body' });
    expect(await rememberedCsvMapping(db, ['Question', 'Reply', 'Labels'])).toBeUndefined();
    expect(await db.settings.get('csvMapping:question|reply')).toEqual({ key: 'csvMapping:question|reply', value: { mapping: { Question: 'title', Reply: 'body' }, at: NOW.toISOString() } });
  });

  it('refuses a target that is not a column, and ignores a damaged stored row', async () => {
    db = freshDb();
    await expect(rememberCsvMapping(db, ['Q'], { Q: 'summary' })).rejects.toThrow(/Column mapping, Q: Invalid option/);
    await db.settings.put({ key: csvHeaderSignature(['Q']), value: { mapping: 'nope' } });
    expect(await rememberedCsvMapping(db, ['Q'])).toBeUndefined();
  });
});
