import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/entry.ts';
import { exportEntries, importFiles } from '../../knowledge/standardise.ts';
import { entryLike } from './arbitraries.ts';
import { NOW, fixture, fixtureFolder, lines } from './helpers.ts';

const FORMATS = ['json', 'csv', 'markdown'] as const;

function roundTrip(entries: Entry[], format: (typeof FORMATS)[number]) {
  return importFiles(exportEntries(entries, format), { now: NOW });
}

function sortById(entries: Entry[]): Entry[] {
  return [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('export then import gives back the same entries', () => {
  const own = importFiles([fixture('zendesk-guide.json'), ...fixtureFolder('md'), fixture('windows-1252.csv')], { now: NOW }).entries;
  const pack = existsSync('knowledge/sample/pack.json')
    ? importFiles([{ name: 'pack.json', bytes: readFileSync('knowledge/sample/pack.json') }], { now: NOW }).entries
    : [];

  it.each(FORMATS)('%s, on the fixtures and the sample pack', (format) => {
    for (const entries of [own, pack].filter((e) => e.length)) {
      const back = roundTrip(entries, format);
      expect(lines(back)).toEqual([]);
      expect(back.entries).toEqual(sortById(entries));
    }
    expect(own.length).toBeGreaterThan(3);
  });

  it.each(FORMATS)('%s, on generated entries (property)', (format) => {
    fc.assert(
      fc.property(fc.uniqueArray(entryLike, { selector: (e) => e.id, maxLength: 5 }), (raw) => {
        const doc = new TextEncoder().encode(JSON.stringify({ format: 'agent-assist/knowledge', schemaVersion: 1, entries: raw }));
        const first = importFiles([{ name: 'kb.json', bytes: doc }], { now: NOW });
        fc.pre(first.problems.every((p) => p.severity !== 'error'));
        const back = roundTrip(first.entries, format);
        expect(lines(back)).toEqual([]);
        expect(back.entries).toEqual(sortById(first.entries));
      }),
      { numRuns: 150 },
    );
  });
});
