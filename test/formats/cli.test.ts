import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/cli/io.ts';
import { main } from '../../knowledge/cli/main.ts';
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
    [['validate', '/no/such/file.csv'], '/no/such/file.csv: no such file or folder'],
    [['import', fx('md')], '--out is missing'],
    [['import', fx('md'), '--out', 'x.yaml'], '--out x.yaml: say which format to write with --format json|csv|markdown'],
    [['export', '--kb', fx('md'), '--format', 'pdf', '--out', 'x'], '--format pdf: not a format; use one of json, csv, markdown'],
    [['validate', '--bogus', fx('md')], "Unknown option '--bogus'"],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j is a user mistake: a message and exit 1', async (argv, message) => {
    const r = await kb(...argv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
  });

  it('a folder with no knowledge files is an error', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    expect((await kb('validate', dir)).err).toBe(`${dir}: the folder has no .json, .csv or .md files`);
  });

  it('runs as `npm run kb`: usage on no command, no stack trace for mistakes', async () => {
    const run = promisify(execFile);
    const tsx = path.resolve('node_modules/.bin/tsx');
    const [failed, none] = await Promise.all([
      run(tsx, ['knowledge/cli/main.ts', 'validate', '/no/such.csv']).catch((e: { code: number; stderr: string }) => e),
      run(tsx, ['knowledge/cli/main.ts']).catch((e: { code: number; stderr: string }) => e),
    ]);
    expect(failed).toMatchObject({ code: 1, stderr: '/no/such.csv: no such file or folder\n' });
    expect(none).toMatchObject({ code: 1 });
    expect((none as { stderr: string }).stderr).toMatch(/usage: npm run kb -- <command>[\s\S]*validate[\s\S]*import[\s\S]*export/);
  });
});
