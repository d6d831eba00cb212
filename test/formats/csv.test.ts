import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../knowledge/entry.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import { NOW, csv, fixture, importText, lines } from './helpers.ts';

describe('CSV import', () => {
  it('reports each problem of returns.csv with spreadsheet rows, counting multi-line cells as one row', () => {
    const result = importFiles([fixture('returns.csv')], { now: NOW });
    expect(lines(result)).toEqual([
      'returns.csv row 4, status: "published" is not a status; use one of draft, in_review, approved, archived',
      'returns.csv row 4, review_by: "31/02/2026" is not a date (write it as YYYY-MM-DD, e.g. 2027-03-31)',
      'returns.csv row 6, title: is empty; every entry needs a title',
      'returns.csv row 7, id: "returns-window" is used more than once: also by returns.csv row 2; every entry needs its own id',
    ]);
    expect(lines(result, 'warning')).toEqual([
      expect.stringMatching(/^returns\.csv row 1, colour: is not a standard column; kept as a custom field/),
    ]);
  });

  it('reads columns by name in any order and case, with questions per line and comma-separated tags', () => {
    const result = importFiles([fixture('returns.csv')], { now: NOW });
    const entry = result.entries.find((e) => e.id === 'returns-window')!;
    expect(entry).toMatchObject({
      title: 'Returns window',
      body: 'Hi {{customer.first_name|there}},\n\nyou can return anything within **30 days**.',
      questions: ['How long do I have to return?', 'Can I still return it?'],
      tags: ['returns', 'policy'],
      status: 'approved',
      owner: 'ops@northwind.example',
      reviewBy: '2027-09-01',
      custom: { colour: 'blue' },
      source: { format: 'csv', file: 'returns.csv', row: 2 },
    });
    expect(result.entries.find((e) => e.id === 'refund-time')?.locale).toBe('en-GB');
    const shuffled = importText('x.csv', 'BODY,Title,TAGS\nSome answer,Some title,"a, b"\n');
    expect(shuffled.entries[0]).toMatchObject({ title: 'Some title', body: 'Some answer', tags: ['a', 'b'] });
  });

  it('applies the documented defaults: draft, en, no owner, version 1, ids from titles, now for dates', () => {
    const [entry] = importText('faq.csv', 'title,body\nWhere is my order?,It is on its way.\n').entries;
    expect(entry).toEqual({
      schemaVersion: 1, id: 'where-is-my-order', title: 'Where is my order?', body: 'It is on its way.',
      questions: [], tags: [], locale: 'en', status: 'draft', owner: '', createdAt: '2026-11-23T12:00:00Z',
      updatedAt: '2026-11-23T12:00:00Z', version: 1, source: { format: 'csv', file: 'faq.csv', row: 2 }, custom: {},
    });
  });

  it('refuses a file without the required columns, naming what it has', () => {
    expect(lines(importText('a.csv', 'name,answer_text\nx,y\n'))).toEqual([
      'a.csv row 1, title: the column is missing; every file needs title and body columns (this header has: name, answer_text); rename a column, or map one to title',
      'a.csv row 1, body: the column is missing; every file needs title and body columns (this header has: name, answer_text); rename a column, or map one to body',
    ]);
  });

  it('reports a column given twice', () => {
    expect(lines(importText('a.csv', 'title,body,Title\nx,y,z\n'))).toEqual([
      'a.csv row 1, Title: the column appears twice (columns 1 and 3); keep one',
    ]);
  });

  it('reports malformed quoting at the row where it starts', () => {
    const unclosed = importText('q.csv', 'title,body\nA,ok\nB,"never closed\nC,x\n');
    expect(lines(unclosed)).toEqual([
      'q.csv row 3: a cell that starts with " is never closed (a closing " is missing), so the rest of the file cannot be read',
    ]);
    expect(unclosed.entries).toEqual([]);
    expect(lines(importText('q.csv', 'title,body\nA,"x"y\n'))[0]).toMatch(/^q\.csv row 2: has a " in the wrong place/);
  });

  it('reports rows with more cells than the header', () => {
    expect(lines(importText('a.csv', 'title,body\nA,b,extra\n'))).toEqual([
      'a.csv row 2: has 3 cells but the header has 2 columns (is there a comma in a cell that is not in quotes?)',
    ]);
  });

  it('reports empty titles and bodies, over-long fields with their limit, and bad dates', () => {
    const long = 'x'.repeat(LIMITS.title + 1);
    const result = importText('a.csv', csv([
      ['title', 'body', 'review_by', 'created_at'],
      ['', 'b', '', ''],
      ['t', '   ', '', ''],
      [long, 'b', '', ''],
      ['t2', 'b', '2027-13-01', ''],
      ['t3', 'b', '', 'yesterday'],
    ]));
    expect(lines(result)).toEqual([
      'a.csv row 2, title: is empty; every entry needs a title',
      'a.csv row 3, body: is empty; every entry needs an answer (body)',
      `a.csv row 4, title: is 201 characters long; the limit is 200`,
      'a.csv row 5, review_by: "2027-13-01" is not a date (write it as YYYY-MM-DD, e.g. 2027-03-31)',
      'a.csv row 6, created_at: "yesterday" is not a date and time (write it as ISO 8601, e.g. 2026-01-31T09:00:00Z)',
    ]);
  });

  it('counts rows after blank lines and multi-line cells as a spreadsheet does', () => {
    const text = 'title,body\n"Multi\nline\ntitle",b\n\nLate,"x\ny"\n,\n';
    const result = importText('a.csv', text);
    expect(result.entries.map((e) => e.source.row)).toEqual([2, 4]);
    expect(lines(importText('a.csv', `${text}Bad,\n`))).toEqual(['a.csv row 6, body: is empty; every entry needs an answer (body)']);
  });

  it('reads semicolon-separated files (Excel in many European locales)', () => {
    expect(importText('a.csv', 'title;body\nA;B\n').entries[0]).toMatchObject({ title: 'A', body: 'B' });
  });

  it('reports duplicate ids across files in one import', () => {
    const a = { name: 'a.csv', bytes: new TextEncoder().encode('id,title,body\nsame,A,B\n') };
    const b = { name: 'b.csv', bytes: new TextEncoder().encode('id,title,body\nother,C,D\nsame,E,F\n') };
    expect(lines(importFiles([a, b], { now: NOW }))).toEqual([
      'b.csv row 3, id: "same" is used more than once: also by a.csv row 2; every entry needs its own id',
    ]);
  });
});

describe('CSV encodings', () => {
  it('reads Windows-1252 with a warning and the right characters', () => {
    const result = importFiles([fixture('windows-1252.csv')], { now: NOW });
    expect(result.entries[0]).toMatchObject({ title: 'Café opening hours', body: 'We open at 9 – see you soon, Señor.' });
    expect(lines(result, 'warning')[0]).toMatch(/^windows-1252\.csv: is not UTF-8; it was read as Windows-1252/);
    expect(result.files[0]?.encoding).toBe('windows-1252');
  });

  it.each([
    ['utf16le-bom.csv', 'utf-16le'],
    ['utf16be-nobom.csv', 'utf-16be'],
  ])('reads %s as %s', (name, encoding) => {
    const result = importFiles([fixture(name)], { now: NOW });
    expect(result.entries[0]).toMatchObject({ title: 'Ümlaut title', body: 'Body with ü and 😀' });
    expect(result.files[0]?.encoding).toBe(encoding);
    expect(lines(result)).toEqual([]);
  });

  it('refuses binary data with a clear message', () => {
    expect(lines(importFiles([fixture('binary.csv')], { now: NOW }))).toEqual([
      'binary.csv: is not a text file (it contains binary data); save it again as "CSV UTF-8" (or UTF-8 text) and import that file',
    ]);
  });
});
