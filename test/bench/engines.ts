import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../../knowledge/entry.ts';
import type { Ticket } from '../../knowledge/ticket.ts';
import { fuseRanker, miniSearchRanker } from './baselines.ts';
import { asTicket, type BenchQuery } from './synthetic.ts';

/** What the speed bench does with every engine: build, write out, read back, answer tickets. */
export interface BenchEngine {
  id: EngineId;
  name: string;
  version: string;
  build(entries: Entry[]): void;
  serialize(): string;
  load(json: string): void;
  /** Answers one ticket-length query; returns the ids it ranked. */
  query(q: BenchQuery, i: number): string[];
}

export const ENGINE_IDS = ['ours', 'fuse', 'minisearch'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

// The search engine's contract (see the preamble), typed here so the bench compiles and
// reports "missing" while knowledge/search/index.ts or knowledge/suggest.ts are not there yet.
interface IndexLike {
  serialize(): string;
}
interface SearchModule {
  KnowledgeIndex: { build(entries: Entry[]): IndexLike; load(json: string): IndexLike };
}
interface SuggestModule {
  suggest(ticket: Ticket, index: IndexLike, options?: { limit?: number; day?: string }): { suggestions: { entry: { id: string } }[] };
}

const INDEX_PATH = fileURLToPath(new URL('../../knowledge/search/index.ts', import.meta.url));
const SUGGEST_PATH = fileURLToPath(new URL('../../knowledge/suggest.ts', import.meta.url));
/** The bench's fixed "today" (see the preamble): suggestions depend on review dates. */
export const BENCH_DAY = '2026-11-23';

/** Our engine as the extension uses it: KnowledgeIndex built from entries, suggest() per ticket. */
export async function loadOurEngine(): Promise<BenchEngine | { missing: string }> {
  const absent = [INDEX_PATH, SUGGEST_PATH].filter((p) => !existsSync(p));
  if (absent.length > 0) return { missing: `not written yet: ${absent.map((p) => p.slice(p.indexOf('knowledge/'))).join(', ')}` };
  const { KnowledgeIndex } = (await import(INDEX_PATH)) as SearchModule;
  const { suggest } = (await import(SUGGEST_PATH)) as SuggestModule;
  if (typeof KnowledgeIndex?.build !== 'function' || typeof suggest !== 'function') {
    return { missing: 'knowledge/search/index.ts or knowledge/suggest.ts does not export KnowledgeIndex / suggest yet' };
  }
  let index: IndexLike | undefined;
  const ready = (): IndexLike => {
    if (!index) throw new Error('our engine used before build()');
    return index;
  };
  return {
    id: 'ours',
    name: 'Agent Assist (suggest)',
    version: 'this checkout',
    build(entries) {
      index = KnowledgeIndex.build(entries);
    },
    serialize: () => ready().serialize(),
    load(json) {
      index = KnowledgeIndex.load(json);
    },
    query: (q, i) => suggest(asTicket(q, i), ready(), { limit: 5, day: BENCH_DAY }).suggestions.map((s) => s.entry.id),
  };
}

export function baselineEngine(id: 'fuse' | 'minisearch'): BenchEngine {
  const r = id === 'fuse' ? fuseRanker() : miniSearchRanker();
  return {
    id,
    name: r.name,
    version: r.version,
    build: (entries) => r.build(entries),
    serialize: () => r.serialize(),
    load: (json) => r.load(json),
    query: (q) => r.rank(q.text, 5),
  };
}

export async function loadEngine(id: EngineId): Promise<BenchEngine | { missing: string }> {
  return id === 'ours' ? loadOurEngine() : baselineEngine(id);
}
