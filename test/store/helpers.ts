import { afterEach } from 'vitest';
import type { Entry } from '../../knowledge/entry.ts';
import { openKnowledgeDb, type KnowledgeDb } from '../../knowledge/store/db.ts';

let counter = 0;

/** A fresh database per test (fake-indexeddb is global in vitest.config.ts). */
export function freshDb(): KnowledgeDb {
  counter += 1;
  return openKnowledgeDb(`test-${process.pid}-${counter}`);
}

/**
 * A factory of databases, each deleted after the test that opened it (call at a test file's top
 * level): a fresh one, or a connection to the one named (two pages of one profile).
 */
export function dbPerTest(): (name?: string) => KnowledgeDb {
  const dbs: KnowledgeDb[] = [];
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((d) => d.delete()));
  });
  return (name) => {
    const d = name === undefined ? freshDb() : openKnowledgeDb(name);
    dbs.push(d);
    return d;
  };
}

export const NOW = new Date('2026-11-23T10:00:00.000Z');
export const LATER = new Date('2026-11-24T08:30:00.000Z');

export function entry(id: string, overrides: Partial<Entry> = {}): Entry {
  return {
    schemaVersion: 1,
    id,
    title: `Title of ${id}`,
    body: `Answer for ${id}.`,
    questions: [`How do I ${id}?`],
    tags: ['billing'],
    locale: 'en',
    status: 'approved',
    owner: 'lead@example.com',
    reviewBy: '2027-10-01',
    createdAt: '2026-01-05T09:00:00Z',
    updatedAt: '2026-01-05T09:00:00Z',
    version: 1,
    source: { format: 'csv', file: 'answers.csv', row: 2 },
    custom: {},
    ...overrides,
  };
}
