import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/cli/io.ts';
import { COMMAND_NAMES, main } from '../../knowledge/cli/main.ts';
import { FIXTURES } from './helpers.ts';

async function kb(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const fx = (name: string) => path.join(FIXTURES, name);
const tmp = () => mkdtempSync(path.join(tmpdir(), 'kb-cli-'));

describe('kb CLI', () => {
  it('validate prints every problem as "file row N, field: message" and exits 1 on errors', async () => {
    const r = await kb('validate', fx('returns.csv'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/returns\.csv row 4, review_by: "31\/02\/2026" is not a date/);
    expect(r.out).toMatch(/^warning: .*returns\.csv row 1, colour: /m);
    expect(r.out.split('\n').at(-1)).toBe('1 file, 2 valid entries, 4 errors, 1 warning: fix the errors before importing.');
  });

  it('validate exits 0 with a summary line for good files and folders', async () => {
    const r = await kb('validate', fx('md'), fx('zendesk-guide.json'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').at(-1)).toBe('3 files, 4 valid entries, 0 errors, 1 warning: ready to import.');
  });

  describe('entries agents will not be shown, and near-duplicates', () => {
    const REFUND = 'Once your return arrives we check it and refund you within 5 working days; cards take 3 to 10 days.';
    const CSV = [
      'id,title,body,status,review_by',
      `refund,How long does a refund take?,"${REFUND}",approved,2099-01-31`,
      `refund-2,Refund: how long does it take?,"${REFUND} PayPal is faster.",approved,2099-01-31`,
      'gift,Gift cards,Gift cards never expire.,draft,2099-01-31',
      'vouchers,Vouchers,Vouchers are sent by post within a week.,draft,2099-01-31',
      'old,Old price list,Prices as of last year.,archived,2099-01-31',
      'warranty,Warranty claims,"Send the receipt and a photo of the fault, we answer within two days.",approved,2026-11-30',
      'returns,Returns,Returns are free within 30 days.,in_review,2026-11-30',
    ].join('\n');
    const EXPECTED = [
      'warning: 5 of 7 entries will not be suggested to agents: 2 drafts, 1 in review, 1 archived, 2 overdue (review date before 2026-12-02).',
      '  drafts: gift, vouchers',
      '  in review: returns',
      '  archived: old',
      '  overdue (review date before 2026-12-02): warranty, returns',
      'warning: 1 possible near-duplicate:',
    ];

    it('validate counts them by reason, names every entry, and lists the pairs; the file is still ready to import', async () => {
      const file = path.join(tmp(), 'kb.csv');
      writeFileSync(file, CSV);
      const r = await kb('validate', file, '--day', '2026-12-02');
      expect(r.code).toBe(0);
      const lines = r.out.split('\n');
      expect(lines.slice(0, 6)).toEqual(EXPECTED);
      expect(lines[6]).toMatch(/^ {2}refund-2 resembles refund \(\d+%\)$/);
      expect(lines.at(-1)).toBe('1 file, 7 valid entries, 0 errors, 0 warnings: ready to import.');
      // A day before the review dates passed, those two are no longer overdue.
      expect((await kb('validate', file, '--day', '2026-11-30')).out).toContain('warning: 4 of 7 entries will not be suggested to agents: 2 drafts, 1 in review, 1 archived.');
    });

    it('import says the same on stderr and writes the file all the same', async () => {
      const dir = tmp();
      writeFileSync(path.join(dir, 'kb.csv'), CSV);
      const out = path.join(dir, 'kb.json');
      const r = await kb('import', path.join(dir, 'kb.csv'), '--out', out, '--day', '2026-12-02');
      expect(r.code).toBe(0);
      expect(r.err.split('\n').slice(0, 6)).toEqual(EXPECTED);
      expect(JSON.parse(readFileSync(out, 'utf8')).entries).toHaveLength(7);
    });

    it('a file in which no entry can be suggested says so on validate and import', async () => {
      const dir = tmp();
      const file = path.join(dir, 'kb.csv');
      writeFileSync(file, [CSV.split('\n')[0], ...CSV.split('\n').filter((l) => /,(draft|archived|in_review),/.test(l))].join('\n'));
      const first = 'warning: no entry here can be suggested to agents (2 drafts, 1 in review, 1 archived): approve them or move their review dates.';
      expect((await kb('validate', file, '--day', '2026-11-30')).out.split('\n')[0]).toBe(first);
      const r = await kb('import', file, '--out', path.join(dir, 'kb.json'), '--day', '2026-11-30');
      expect(r.code).toBe(0);
      expect(r.err.split('\n')[0]).toBe(first);
    });

    it('a clean file gets no such lines', async () => {
      const file = path.join(tmp(), 'kb.csv');
      writeFileSync(file, CSV.split('\n').slice(0, 2).join('\n'));
      expect((await kb('validate', file, '--day', '2026-12-02')).out).toBe('1 file, 1 valid entries, 0 errors, 0 warnings: ready to import.');
    });
  });

  it('import refuses to write anything when there are errors', async () => {
    const out = path.join(tmp(), 'kb.json');
    const r = await kb('import', fx('returns.csv'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/4 errors: nothing was written\.$/);
    expect(existsSync(out)).toBe(false);
  });

  it('import converts to canonical JSON, leaving no temporary file', async () => {
    const dir = tmp();
    const out = path.join(dir, 'kb.json');
    const r = await kb('import', fx('zendesk-guide.json'), fx('md'), '--out', out);
    expect(r).toMatchObject({ code: 0, out: `Imported 4 entries from 3 files into ${out}.` });
    expect(JSON.parse(readFileSync(out, 'utf8')).entries).toHaveLength(4);
    expect(readdirSync(dir)).toEqual(['kb.json']);
  });

  it('export writes CSV and a folder of Markdown that --kb reads back', async () => {
    const dir = tmp();
    const json = path.join(dir, 'kb.json');
    await kb('import', fx('zendesk-guide.json'), '--out', json);
    expect((await kb('export', '--kb', json, '--format', 'csv', '--out', path.join(dir, 'kb.csv'))).code).toBe(0);
    expect((await kb('export', '--kb', json, '--format', 'markdown', '--out', path.join(dir, 'md'))).code).toBe(0);
    expect(readdirSync(path.join(dir, 'md'))).toEqual(['zendesk-article-115001-en-us.md', 'zendesk-article-115002-de.md']);
    const fromCsv = await loadKnowledge([path.join(dir, 'kb.csv')]);
    const fromMd = await loadKnowledge([path.join(dir, 'md')]);
    const fromJson = await loadKnowledge([json]);
    expect(fromCsv.entries).toEqual(fromJson.entries);
    expect(fromMd.entries).toEqual(fromJson.entries);
  });

  it('--kb with errors stops the command with every problem listed', async () => {
    const r = await kb('export', '--kb', fx('returns.csv'), '--format', 'json', '--out', path.join(tmp(), 'x.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/returns\.csv row 6, title: is empty/);
    expect(r.err).toMatch(/The knowledge base has errors; fix them and try again\.$/);
  });

  it.each([
    [['validate', '/no/such/file.csv'], 1, '/no/such/file.csv: no such file or folder'],
    [['validate'], 2, 'no files or folders given'],
    [['import', fx('md')], 2, '--out is missing'],
    [['import', fx('md'), '--out', 'x.yaml'], 2, '--out x.yaml: say which format to write with --format json|csv|markdown'],
    [['export', '--kb', fx('md'), '--format', 'pdf', '--out', 'x'], 2, '--format pdf: not a format; use one of json, csv, markdown'],
    [['validate', '--from', 'pdf', fx('md')], 2, '--from pdf: not a format'],
    [['validate', '--bogus', fx('md')], 2, "Unknown option '--bogus'"],
  ])('%j is a user mistake: a message on stderr and exit %i (2 with the usage: the call was wrong)', async (argv, code, message) => {
    const r = await kb(...argv);
    expect(r).toMatchObject({ code, out: '' });
    expect(r.err).toContain(message);
    if (code === 2) expect(r.err.split('\n').at(-1)).toMatch(new RegExp(`^usage: npm run kb -- ${argv[0]} `));
    else expect(r.err).not.toContain('usage:');
  });

  it('a folder with no knowledge files is an error', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    expect((await kb('validate', dir)).err).toBe(`${dir}: the folder has no .json, .csv or .md files`);
  });

  it('kb --help, -h and help print every command on stdout and exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await kb(...argv);
      expect(r, argv[0]).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(/^usage: npm run kb -- <command> \[arguments\]/);
      for (const name of COMMAND_NAMES) expect(r.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
  });

  it.each(COMMAND_NAMES)('kb %s --help (and -h, and help <command>) prints its usage and exits 0, running nothing', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name], [name, '--kb', 'no-such-file.csv', '--help']]) {
      const r = await kb(...argv);
      expect(r, argv.join(' ')).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(new RegExp(`^usage: npm run kb -- ${name}( |$)`));
      expect(r.out.split('\n').at(-1)!.length).toBeGreaterThan(10);
    }
  });

  it('no command, or an unknown one, prints the usage on stderr and exits 2', async () => {
    const none = await kb();
    expect(none).toMatchObject({ code: 2, out: '' });
    expect(none.err).toMatch(/^usage: npm run kb -- <command>/);
    for (const argv of [['frobnicate'], ['--bogus'], ['help', 'frobnicate']]) {
      const r = await kb(...argv);
      expect(r, argv.join(' ')).toMatchObject({ code: 2, out: '' });
      expect(r.err).toMatch(/^unknown command "(frobnicate|--bogus)"\n\nusage: npm run kb -- <command>/);
    }
  });

  it('text after -- is never taken for --help', async () => {
    const r = await kb('validate', '--', '--help');
    expect(r.code).toBe(1);
    expect(r.err).toContain('--help: no such file or folder');
  });
});
