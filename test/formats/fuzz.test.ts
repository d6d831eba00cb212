import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Entry } from '../../knowledge/entry.ts';
import { importFiles, type ImportResult } from '../../knowledge/standardise.ts';
import { NOW, fixture, utf8 } from './helpers.ts';

const NAMES = ['kb.json', 'kb.csv', 'kb.md', 'macros.json', 'guide.json', 'kb.tsv', 'kb.txt'];

/** Never throws, never an internal error, never half-lands: errors reported, or every entry valid. */
function assertWellBehaved(files: { name: string; bytes: Uint8Array }[]): ImportResult {
  const result = importFiles(files, { now: NOW });
  expect(result.problems.filter((p) => p.message.includes('internal error'))).toEqual([]);
  for (const entry of result.entries) expect(Entry.safeParse(entry).success).toBe(true);
  for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
  expect(result.files).toHaveLength(files.length);
  return result;
}

const VALID = ['returns.csv', 'zendesk-macros.json', 'zendesk-guide.json', 'md/password-reset.md', 'windows-1252.csv', 'utf16le-bom.csv'].map(fixture);

/** A valid file cut, with bytes flipped, inserted or removed. */
const mutated = fc.record({
  file: fc.constantFrom(...VALID),
  cut: fc.nat(),
  edits: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('set', 'insert', 'delete') }), { maxLength: 8 }),
}).map(({ file, cut, edits }) => {
  const bytes = [...file.bytes.subarray(0, file.bytes.length - (cut % (file.bytes.length + 1)) * (cut % 3 === 0 ? 1 : 0))];
  for (const e of edits) {
    const at = bytes.length ? e.at % bytes.length : 0;
    if (e.kind === 'set') bytes[at] = e.byte;
    else if (e.kind === 'insert') bytes.splice(at, 0, e.byte);
    else bytes.splice(at, 1);
  }
  return { name: file.name, bytes: Uint8Array.from(bytes) };
});

const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"', '""', '"a,b"', 'title', 'body', 'id', 'status', '\n', '\r\n', 'approved', '2027-02-30', '{{x}}', '<script>'));
const csvGrid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));

const jsonDoc = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ format: fc.constantFrom('agent-assist/knowledge', 'x'), schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue()), entries: fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.constantFrom('id', 'title', 'body', 'tags', 'questions', 'status', 'custom', 'source', 'version', 'reviewBy'), fc.jsonValue({ maxDepth: 2 }))), { maxLength: 5 }) }),
  fc.record({ macros: fc.array(fc.record({ id: fc.jsonValue({ maxDepth: 1 }), title: fc.jsonValue({ maxDepth: 1 }), actions: fc.array(fc.record({ field: fc.constantFrom('comment_value', 'comment_value_html', 'x'), value: fc.jsonValue({ maxDepth: 1 }) }), { maxLength: 3 }) }), { maxLength: 4 }) }),
  fc.record({ articles: fc.array(fc.dictionary(fc.constantFrom('id', 'title', 'body', 'locale', 'label_names', 'draft', 'updated_at'), fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }) }),
);

describe('importers under random and damaged input', () => {
  it('random bytes under any name', () => {
    fc.assert(fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 400 }), (name, bytes) => {
      assertWellBehaved([{ name, bytes }]);
    }), { numRuns: 400 });
  });

  it('truncated and mutated valid files', () => {
    fc.assert(fc.property(fc.array(mutated, { minLength: 1, maxLength: 3 }), (files) => {
      assertWellBehaved(files);
    }), { numRuns: 300 });
  });

  it('random CSV grids', () => {
    fc.assert(fc.property(csvGrid, fc.boolean(), (text, withHeader) => {
      assertWellBehaved([{ name: 'grid.csv', bytes: utf8(withHeader ? `title,body,status,review_by,tags\n${text}` : text) }]);
    }), { numRuns: 400 });
  });

  it('random JSON shaped like each JSON format', () => {
    fc.assert(fc.property(jsonDoc, fc.constantFrom('kb.json', 'x.json'), (doc, name) => {
      assertWellBehaved([{ name, bytes: utf8(JSON.stringify(doc) ?? 'null') }]);
    }), { numRuns: 400 });
  });

  it('random Markdown with front matter', () => {
    const line = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('---', 'title: x', 'tags: [a, b', 'status: approved', 'custom: 1', '*a: &a [*a]', 'owner: *nobody', '# Heading', 'review_by: 2027-01-01'));
    fc.assert(fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
      assertWellBehaved([{ name: 'x.md', bytes: utf8(lines.join('\n')) }]);
    }), { numRuns: 400 });
  });

  it('an unfinished deeply nested JSON file is reported, not a crash', () => {
    const result = assertWellBehaved([{ name: 'kb.json', bytes: utf8('['.repeat(100_000)) }]);
    expect(result.problems[0]?.message).toMatch(/^is not valid JSON: line 1, column 100001: the file ends too early/);
  });
});
