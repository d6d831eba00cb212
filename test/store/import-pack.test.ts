import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles, type ImportResult } from '../../knowledge/standardise.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { listEntries } from '../../knowledge/store/entries.ts';
import { applyImport } from '../../knowledge/store/import.ts';
import { freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

describe('applyImport with the real importer', () => {
  it('lands the sample pack once, and a second import of it changes nothing', async () => {
    db = freshDb();
    const bytes = new Uint8Array(readFileSync(new URL('../../knowledge/sample/pack.json', import.meta.url)));
    const result: ImportResult = importFiles([{ name: 'pack.json', bytes }], { now: new Date('2026-11-23T10:00:00Z') });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const first = await applyImport(db, result, 'lead@example.com');
    expect(first.added).toHaveLength(result.entries.length);
    expect(result.entries.length).toBeGreaterThan(20);
    const again = await applyImport(db, result, 'lead@example.com');
    expect(again).toEqual({ added: [], updated: [], unchanged: result.entries.map((e) => e.id), kept: [] });
    expect((await listEntries(db)).map((e) => e.id)).toEqual(result.entries.map((e) => e.id).sort());
    expect(await db.entryVersions.count()).toBe(result.entries.length);
  });
});
