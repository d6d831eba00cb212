import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../knowledge/formats/json-parse.ts';
import { exportEntries, importFiles } from '../../knowledge/standardise.ts';
import { NOW, importText, lines, utf8 } from './helpers.ts';

const doc = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'agent-assist/knowledge', schemaVersion: 1, entries, ...extra });
const entry = {
  schemaVersion: 1, id: 'a', title: 'A', body: 'Body', questions: [], tags: [], locale: 'en', status: 'approved',
  owner: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3,
  source: { format: 'manual', file: '' }, custom: {},
};

describe('canonical JSON', () => {
  it('keeps entries as they are, source and version included', () => {
    expect(importText('kb.json', doc([entry])).entries).toEqual([entry]);
  });

  it('refuses another schemaVersion, saying which it reads', () => {
    expect(lines(importText('kb.json', JSON.stringify({ format: 'agent-assist/knowledge', schemaVersion: 2, entries: [] })))).toEqual([
      'kb.json, schemaVersion: is 2; this version of Agent Assist reads schemaVersion 1 (update Agent Assist, or export the file again)',
    ]);
  });

  it('reports invalid JSON with its line and column', () => {
    expect(lines(importText('kb.json', '{\n  "format": "agent-assist/knowledge",\n  "entries": [,]\n}'))).toEqual([
      'kb.json: is not valid JSON: line 3, column 15: expected a value (text in double quotes, a number, true, false, null, { or [) but found ","',
    ]);
    expect(lines(importText('kb.json', '{"format": "agent-assist/knowledge", "entries": ['))[0]).toMatch(
      /line 1, column 50: the file ends too early/,
    );
  });

  it('reports problems per entry with its position, and unknown fields as warnings', () => {
    const result = importText('kb.json', doc([entry, { ...entry, id: 'b', title: ' ', colour: 'red' }, 'oops']));
    expect(lines(result)).toEqual(['kb.json entry 3: should be a set of fields, not the text "oops"', 'kb.json entry 2, title: is empty; every entry needs a title']);
    expect(lines(result, 'warning')).toEqual([
      'kb.json entry 2, colour: is not an entry field and was ignored (put extra fields in "custom")',
    ]);
  });

  it('says what JSON it expected when the file is something else', () => {
    expect(lines(importText('x.json', '{"hello": 1}'))[0]).toMatch(/^x\.json, format: is not an Agent Assist knowledge file/);
  });

  it('writes one canonical form: parse-then-format gives identical bytes', () => {
    const messy = doc([{ ...entry, id: 'b', custom: { z: '1', a: '2' } }, { ...entry, body: 'Body\r\n\r\n\r\nmore  ' }]);
    const once = exportEntries(importText('kb.json', messy).entries, 'json')[0]!.bytes;
    const twice = exportEntries(importFiles([{ name: 'kb.json', bytes: once }], { now: NOW }).entries, 'json')[0]!.bytes;
    expect(new TextDecoder().decode(twice)).toBe(new TextDecoder().decode(once));
    const text = new TextDecoder().decode(once);
    expect(text.indexOf('"id": "a"')).toBeLessThan(text.indexOf('"id": "b"'));
    expect(text).toContain('"body": "Body\\n\\nmore"');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it.runIf(existsSync('knowledge/sample/pack.json'))('reads and writes the sample pack byte for byte', () => {
    const bytes = readFileSync('knowledge/sample/pack.json');
    const result = importFiles([{ name: 'pack.json', bytes }], { now: NOW });
    expect(lines(result)).toEqual([]);
    expect(Buffer.from(exportEntries(result.entries, 'json')[0]!.bytes).equals(bytes)).toBe(true);
  });
});

describe('parseJson', () => {
  it.each([
    ['{"a":1,}', 1, 8, 'has a comma before } (remove the trailing comma)'],
    ['[1 2]', 1, 4, 'expected , or ] after a value but found "2"'],
    ['{"a" 1}', 1, 6, 'expected : after the property name but found "1"'],
    ['{\n"a": "x\ny"}', 2, 8, 'has a line break or control character inside text in double quotes'],
    ['{} x', 1, 4, 'unexpected "x" after the end of the JSON value'],
    ['', 1, 1, 'the file ends too early (a closing }, ] or " is missing)'],
  ])('%j fails at line %i, column %i', (text, line, column, message) => {
    expect(parseJson(text)).toEqual({ ok: false, line, column, message });
  });

  it('parses valid JSON', () => {
    expect(parseJson('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(utf8('x').length).toBe(1);
  });
});
