import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFiles } from '../../knowledge/formats/detect.ts';
import { importFiles } from '../../knowledge/standardise.ts';
import { FIXTURES, NOW, utf8 } from './helpers.ts';

const at = (dir: string, name: string) => readFileSync(path.join(dir, name));
const SOURCES = path.resolve(import.meta.dirname, '../fixtures/formats');

/** A dropped folder, as the browser hands it over: every file with its path in the folder. */
const folder = [
  { name: 'kb/.DS_Store', bytes: new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]) },
  { name: 'kb/__MACOSX/faq.csv', bytes: utf8('x') },
  { name: 'kb/images/logo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
  { name: 'kb/faq.csv', bytes: utf8('Question;Reply;Labels\n"Where is my order?";"Two days.";shipping\n') },
  { name: 'kb/ansi/opening.csv', bytes: at(FIXTURES, 'windows-1252.csv') },
  { name: 'kb/unicode.csv', bytes: at(FIXTURES, 'utf16le-bom.csv') },
  { name: 'kb/broken.csv', bytes: at(FIXTURES, 'binary.csv') },
  { name: 'kb/guide/translations.json', bytes: at(SOURCES, 'zendesk-guide-translations.json') },
  { name: 'kb/front.json', bytes: at(SOURCES, 'front-message-templates.json') },
  { name: 'kb/md/gift-cards.md', bytes: at(FIXTURES, 'md/gift-cards.md') },
];

describe('detectFiles: what a dropped folder holds, before any check', () => {
  const detected = detectFiles(folder, { remembered: (h) => (h.includes('Labels') ? { Labels: 'ignore' } : undefined) });
  const byName = Object.fromEntries(detected.map((d) => [d.name, d]));

  it('names every file by its path and says which are left out, and why', () => {
    expect(detected.filter((d) => d.skipped).map((d) => [d.name, d.skipped])).toEqual([
      ['kb/.DS_Store', 'a hidden or system file'],
      ['kb/__MACOSX/faq.csv', 'a hidden or system file'],
      ['kb/images/logo.png', 'not a knowledge file (Agent Assist reads .json, .csv, .tsv, .md, .markdown)'],
    ]);
  });

  it('detects each format and encoding, with a warning for what is not UTF-8 and an error for what is not text', () => {
    expect(detected.filter((d) => !d.skipped).map((d) => [d.name, d.format, d.encoding, Boolean(d.warning), Boolean(d.error)])).toEqual([
      ['kb/faq.csv', 'csv', 'utf-8', false, false],
      ['kb/ansi/opening.csv', 'csv', 'windows-1252', true, false],
      ['kb/unicode.csv', 'csv', 'utf-16le', true, false],
      ['kb/broken.csv', undefined, undefined, false, true],
      ['kb/guide/translations.json', 'zendesk-guide', 'utf-8', false, false],
      ['kb/front.json', 'front-message-templates', 'utf-8', false, false],
      ['kb/md/gift-cards.md', 'markdown', 'utf-8', false, false],
    ]);
    expect(byName['kb/front.json']!.label).toBe('Front message templates (API JSON)');
  });

  it('reads a CSV header with its separator and proposes a mapping, a remembered one first', () => {
    expect(byName['kb/faq.csv']!.csv).toMatchObject({ delimiter: ';', headers: ['Question', 'Reply', 'Labels'] });
    expect(byName['kb/faq.csv']!.csv!.proposal.mapping).toEqual({ Question: 'title', Reply: 'body', Labels: 'ignore' });
  });

  it('the check names each problem by the file\'s path in the folder', () => {
    const read = folder.filter((f) => !detectFiles([f])[0]!.skipped);
    const result = importFiles(read, { now: NOW });
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.file)).toEqual(expect.arrayContaining(['kb/faq.csv', 'kb/broken.csv']));
    expect(result.entries.find((e) => e.translationGroup)?.source.file).toBe('kb/guide/translations.json');
  });

  it('decides from the first 256 KB even when the cut falls inside a character', () => {
    // "é" is two bytes in UTF-8: pad so that one of them ends exactly at the 256 KB boundary.
    const text = `id,title,body\n${'a'.repeat(256 * 1024 - 15)}é${'b'.repeat(100)},x,y\n`;
    expect(detectFiles([{ name: 'big.csv', bytes: utf8(text) }])[0]).toMatchObject({ encoding: 'utf-8' });
    expect(detectFiles([{ name: 'big.csv', bytes: utf8(text) }])[0]!.warning).toBeUndefined();
    // A page hands over only the first bytes and the whole size.
    const bytes = utf8(text);
    expect(detectFiles([{ name: 'big.csv', bytes: bytes.slice(0, 256 * 1024), size: bytes.length }])[0]).toMatchObject({ encoding: 'utf-8', size: bytes.length });
    expect(detectFiles([{ name: 'big.csv', bytes: bytes.slice(0, 256 * 1024), size: bytes.length }])[0]!.warning).toBeUndefined();
  });
});
