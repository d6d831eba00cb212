import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Entry } from '../../knowledge/entry.ts';
import type { FormatId } from '../../knowledge/formats/record.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import { NOW, utf8 } from './helpers.ts';

/** Random items with each API's own keys (and junk), under each new reader and under detection. */
const value = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('<p>Hi {{recipient.first_name}}</p>', '<attribute key="user.name" default="x"/>', '{%customer.firstName%}', 'rsp_1', 'macro', 'Article', 1700000000, '2025-01-01T00:00:00Z'));
const item = (keys: string[]) => fc.oneof(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }), fc.constantFrom(null, 1, 'x', []));
const SHAPES: [FormatId, fc.Arbitrary<unknown>][] = [
  ['helpscout-saved-replies', fc.array(item(['id', 'name', 'text', 'chatText', 'preview']), { maxLength: 4 })],
  ['freshdesk-canned-responses', fc.array(item(['id', 'title', 'content', 'content_html', 'folder_id', 'attachments', 'created_at', 'updated_at']), { maxLength: 4 })],
  ['front-message-templates', fc.record({ _results: fc.array(item(['id', 'name', 'subject', 'body', 'attachments', 'created_at', 'updated_at', '_links']), { maxLength: 4 }) })],
  ['intercom-saved-replies', fc.record({ type: fc.constant('list'), data: fc.array(item(['type', 'id', 'name', 'body', 'body_text', 'created_at', 'available_on']), { maxLength: 4 }) })],
  ['zendesk-guide', fc.record({ translations: fc.array(item(['id', 'source_id', 'source_type', 'locale', 'title', 'body', 'draft', 'outdated']), { maxLength: 4 }) })],
];

describe.each(SHAPES)('%s under random input', (format, shape) => {
  it('never throws, never an internal error, every entry valid, every problem placed in the file', () => {
    fc.assert(fc.property(shape, fc.boolean(), (doc, forced) => {
      const result = importFiles([{ name: 'x.json', bytes: utf8(JSON.stringify(doc)) }], { now: NOW, ...(forced ? { format } : {}) });
      expect(result.problems.filter((p) => p.message.includes('internal error'))).toEqual([]);
      for (const e of result.entries) expect(Entry.safeParse(e).success).toBe(true);
      for (const p of result.problems) expect(p.file).toBe('x.json');
    }), { numRuns: 200 });
  });
});
