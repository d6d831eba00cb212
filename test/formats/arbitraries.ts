import fc from 'fast-check';
import { ENTRY_STATUSES, SOURCE_FORMATS } from '../../knowledge/entry.ts';

/** Text with the characters that break formats: quotes, commas, newlines, Markdown, YAML and formula starts. */
const tricky = fc.constantFrom('"', "'", ',', ';', '\n', '\r\n', '\t', '  ', '---', '- ', '1. ', '#', '*', '_', '`', '=', '+', '@', ':', '{', '}', '|', 'é', 'ß', '中文', '😀', 'e\u0301', '\u00A0', 'null', 'yes', '123');
export const text = (maxLength: number) =>
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }), tricky), { maxLength: Math.ceil(maxLength / 4) })
    .map((parts) => parts.join('').slice(0, maxLength));

const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true });

/** Entry-shaped objects; many are valid, some not: importing them as canonical JSON standardises or rejects them. */
export const entryLike = fc.record({
  schemaVersion: fc.constant(1),
  id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/),
  title: text(60),
  body: text(300),
  questions: fc.array(text(40), { maxLength: 4 }),
  tags: fc.array(text(12).map((t) => t.replace(/,/g, '')), { maxLength: 4 }),
  locale: fc.constantFrom('en', 'en-GB', 'de', 'pt-BR', 'zh-Hant', 'es-419'),
  status: fc.constantFrom(...ENTRY_STATUSES),
  owner: text(30),
  reviewBy: fc.option(date.map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
  createdAt: date.map((d) => d.toISOString()),
  updatedAt: date.map((d) => d.toISOString()),
  version: fc.integer({ min: 1, max: 1000 }),
  source: fc.record({
    format: fc.constantFrom(...SOURCE_FORMATS),
    file: text(30),
    row: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
    path: fc.option(text(20), { nil: undefined }),
  }),
  translationGroup: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/),
  custom: fc.dictionary(fc.oneof(fc.stringMatching(/^x_[a-z]{1,8}$/), fc.constantFrom('=cmd', '+x', '-x', '@x', "'=q", 'CON')), text(40).filter((v) => v.trim() !== ''), { maxKeys: 3 }),
}, { requiredKeys: ['schemaVersion', 'id', 'title', 'body', 'questions', 'tags', 'locale', 'status', 'owner', 'createdAt', 'updatedAt', 'version', 'source', 'custom'] });
