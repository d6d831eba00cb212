import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../knowledge/cli/main.ts';

async function kb(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SOURCES = path.resolve(import.meta.dirname, '../fixtures/formats');
const src = (name: string) => path.join(SOURCES, name);
const tmp = () => mkdtempSync(path.join(tmpdir(), 'kb-sources-'));
const FAQ = 'Question,Reply,Labels\n"Where is my order?","It ships within 2 days.","shipping, orders"\n';

describe('kb validate / import: the API exports and --map', () => {
  it('validate reads every new source by its content and names problems by item and field', async () => {
    const r = await kb('validate', src('freshdesk-canned-responses.json'), src('front-message-templates.json'), src('zendesk-guide-translations.json'), '--day', '2026-11-23');
    expect(r.code).toBe(1);
    expect(r.out).toContain('front-message-templates.json message template 2 (id rsp_43), name: is empty; every entry needs a title');
    expect(r.out).toContain('freshdesk-canned-responses.json canned response 2 (id 82000005491), updated_at: "31/02/2021" is not a date and time');
    expect(r.out).toMatch(/2 of \d+ entries will not be suggested to agents: 1 draft, 1 in review/);
  });

  it('a CSV without title and body columns gets a hint with the mapping to try; --map reads it', async () => {
    const dir = tmp();
    const file = path.join(dir, 'faq.csv');
    writeFileSync(file, FAQ);
    const without = await kb('validate', file);
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/hint: .*faq\.csv: its columns look like Question = title, Reply = body, Labels = tags; try --map '\{"Question":"title","Reply":"body","Labels":"tags"\}'/);
    const withMap = await kb('validate', file, '--map', '{"Question":"title","Reply":"body","Labels":"tags"}');
    expect(withMap.code).toBe(0);
    expect(withMap.out.split('\n').at(-1)).toBe('1 file, 1 valid entries, 0 errors, 0 warnings: ready to import.');
  });

  it('import --map takes a mapping file and writes the mapped entries', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'faq.csv'), FAQ);
    writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ Question: 'title', Reply: 'body', Labels: 'tags' }));
    const out = path.join(dir, 'kb.json');
    const r = await kb('import', path.join(dir, 'faq.csv'), '--map', path.join(dir, 'map.json'), '--out', out);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.entries[0]).toMatchObject({ id: 'where-is-my-order', title: 'Where is my order?', tags: ['shipping', 'orders'] });
  });

  it('a bad --map is a usage error naming the problem', async () => {
    const bad = await kb('validate', src('front-message-templates.json'), '--map', '{"Question":"summary"}');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^--map: "Question" is mapped to "summary"; use one of id, title, body/);
    expect((await kb('validate', 'x.csv', '--map', '{nope')).err).toMatch(/^--map: not valid JSON/);
  });

  it('--from takes the new formats, and kb validate --help documents them and --map', async () => {
    const r = await kb('validate', src('intercom-saved-replies.json'), '--from', 'intercom-saved-replies');
    expect(r.out).toContain('2 valid entries');
    const help = await kb('validate', '--help');
    expect(help.out).toContain('helpscout-saved-replies     Help Scout saved replies (API JSON)');
    expect(help.out).toContain('--map \'{"Question": "title", "Reply": "body", "Labels": "tags"}\'');
    expect((await kb('import', '--help')).out).toContain('--map reads CSV columns');
    expect((await kb('--help')).out).toMatch(/validate .*--map for CSV columns/);
  });
});
