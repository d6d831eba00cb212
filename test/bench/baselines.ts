import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import type { Entry } from '../../knowledge/entry.ts';

/**
 * The libraries our engine is compared with, each set up the way its README suggests for
 * a documents-with-fields search: no tuning for tickets, so the comparison shows what a team
 * would get by dropping the library in. Shared by the relevance and the speed bench.
 */
export interface Ranker {
  name: string;
  version: string;
  build(entries: Entry[]): void;
  /** Ids of the k best entries for the query, best first. */
  rank(query: string, k: number): string[];
}

/** A ranker whose index can be written out and read back (for the speed bench's size and load time). */
export interface SerializableRanker extends Ranker {
  serialize(): string;
  load(json: string): void;
}

/** Installed version, read from the package itself so the printed tables never lie. */
export function packageVersion(pkg: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    } catch {
      // no package.json at this level: keep climbing
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

// ---- Fuse.js --------------------------------------------------------------------------------

type FuseDoc = Pick<Entry, 'id' | 'title' | 'questions' | 'body' | 'tags'>;

/**
 * Fuse's defaults with weighted keys. Not ignoreLocation: with ticket-length queries (Fuse splits
 * a long pattern into 32-character chunks) scanning whole bodies took over a minute per query at 1k.
 */
const FUSE_OPTIONS: IFuseOptions<FuseDoc> = {
  keys: [
    { name: 'title', weight: 2 },
    { name: 'questions', weight: 2 },
    { name: 'body', weight: 1 },
    { name: 'tags', weight: 1 },
  ],
  includeScore: true,
};

function fuseDoc(e: Entry): FuseDoc {
  return { id: e.id, title: e.title, questions: e.questions, body: e.body, tags: e.tags };
}

export function fuseRanker(): SerializableRanker {
  let fuse: Fuse<FuseDoc> | undefined;
  let docs: FuseDoc[] = [];
  const ready = (): Fuse<FuseDoc> => {
    if (!fuse) throw new Error('Fuse.js ranker used before build()');
    return fuse;
  };
  return {
    name: 'Fuse.js (plain)',
    version: packageVersion('fuse.js'),
    build(entries) {
      docs = entries.map(fuseDoc);
      const index = Fuse.createIndex(FUSE_OPTIONS.keys ?? [], docs);
      fuse = new Fuse(docs, FUSE_OPTIONS, index);
    },
    rank(query, k) {
      return ready()
        .search(query, { limit: k })
        .map((r) => r.item.id);
    },
    // Fuse keeps the documents apart from its index: both are needed to search again.
    serialize() {
      return JSON.stringify({ docs, index: ready().getIndex().toJSON() });
    },
    load(json) {
      const data = JSON.parse(json) as { docs: FuseDoc[]; index: Parameters<typeof Fuse.parseIndex>[0] };
      docs = data.docs;
      const index: FuseIndex<FuseDoc> = Fuse.parseIndex(data.index);
      fuse = new Fuse(docs, FUSE_OPTIONS, index);
    },
  };
}

export function buildFuse(entries: Entry[]): SerializableRanker {
  const r = fuseRanker();
  r.build(entries);
  return r;
}

// ---- MiniSearch -----------------------------------------------------------------------------

/** MiniSearch's README setup: all text fields, title boosted, prefix and fuzzy matching on. */
const MINISEARCH_OPTIONS: MiniSearchOptions<Entry> = {
  fields: ['title', 'questions', 'body', 'tags'],
  storeFields: [],
  extractField: (doc, field) => {
    const v = (doc as unknown as Record<string, unknown>)[field];
    return Array.isArray(v) ? v.join(' ') : (v as string);
  },
  searchOptions: { boost: { title: 2, questions: 2 }, prefix: true, fuzzy: 0.2 },
};

export function miniSearchRanker(): SerializableRanker {
  let ms: MiniSearch<Entry> | undefined;
  const ready = (): MiniSearch<Entry> => {
    if (!ms) throw new Error('MiniSearch ranker used before build()');
    return ms;
  };
  return {
    name: 'MiniSearch (plain)',
    version: packageVersion('minisearch'),
    build(entries) {
      ms = new MiniSearch(MINISEARCH_OPTIONS);
      ms.addAll(entries);
    },
    rank(query, k) {
      return ready()
        .search(query)
        .slice(0, k)
        .map((r) => String(r.id));
    },
    serialize() {
      return JSON.stringify(ready());
    },
    load(json) {
      ms = MiniSearch.loadJSON(json, MINISEARCH_OPTIONS);
    },
  };
}

export function buildMiniSearch(entries: Entry[]): SerializableRanker {
  const r = miniSearchRanker();
  r.build(entries);
  return r;
}
