import type { Entry } from '@/knowledge/entry';
import { KnowledgeIndex, type LearnedPhrasing } from '@/knowledge/search/index';

/** Where the holder reads entries and keeps its cache; the real one is the Dexie store (index.ts). */
export interface KnowledgeSource {
  entries(): Promise<Entry[]>;
  learned(): Promise<LearnedPhrasing[]>;
  loadCache(): Promise<IndexCache | undefined>;
  saveCache(cache: IndexCache): Promise<void>;
}

export interface IndexCache {
  /** fingerprint() of the entries and learned phrasings the index was built from. */
  fingerprint: string;
  json: string;
}

/**
 * Changes when any entry or learned phrasing changes (ids, versions, update times): a cached
 * index is only trusted when it was built from exactly what the store holds now.
 */
export function fingerprint(entries: readonly Entry[], learned: readonly LearnedPhrasing[]): string {
  const parts = entries.map((e) => `${e.id}@${e.version}:${e.updatedAt}:${e.status}:${e.reviewBy ?? ''}`).sort();
  parts.push(...learned.map((l) => `learned:${l.entryId}:${l.at}:${l.text}`).sort());
  // FNV-1a over the joined parts, twice with different seeds: short, and collisions need both to clash.
  const text = parts.join('\n');
  return `${entries.length}.${learned.length}.${fnv(text, 0x811c9dc5)}${fnv(text, 0x01000193)}`;
}

function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The in-memory search index of the service worker. Loaded from the cached serialised index when
 * the store has not changed since it was saved, else built from every entry (status filters are
 * applied at search time). Knowledge changes are applied one entry at a time.
 */
export class KnowledgeHolder {
  private index: Promise<KnowledgeIndex> | undefined;
  /** How the current index came to be: for tests and the panel's diagnostics. */
  origin: 'cache' | 'built' | undefined;

  constructor(private readonly source: KnowledgeSource) {}

  get(): Promise<KnowledgeIndex> {
    this.index ??= this.open().catch((err: unknown) => {
      this.index = undefined;
      throw err;
    });
    return this.index;
  }

  /** Re-reads the given entries from the store: added, changed or deleted ones. */
  async changed(ids: readonly string[]): Promise<KnowledgeIndex> {
    const index = await this.get();
    const entries = await this.source.entries();
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const id of ids) {
      const entry = byId.get(id);
      if (entry) index.update(entry);
      else index.remove(id);
    }
    await this.save(index, entries);
    return index;
  }

  /** Saves the current index (after it learned a phrasing) with the store's fingerprint. */
  async persist(): Promise<void> {
    await this.save(await this.get(), await this.source.entries());
  }

  private async open(): Promise<KnowledgeIndex> {
    const [entries, learned, cache] = await Promise.all([this.source.entries(), this.source.learned(), this.source.loadCache()]);
    const print = fingerprint(entries, learned);
    if (cache?.fingerprint === print) {
      try {
        const index = KnowledgeIndex.load(cache.json);
        this.origin = 'cache';
        return index;
      } catch {
        // Saved by another version of the index (options or format changed): build it again below.
      }
    }
    const index = KnowledgeIndex.build(entries, undefined, learned);
    this.origin = 'built';
    await this.source.saveCache({ fingerprint: print, json: index.serialize() });
    return index;
  }

  private async save(index: KnowledgeIndex, entries: readonly Entry[]): Promise<void> {
    const learned = await this.source.learned();
    await this.source.saveCache({ fingerprint: fingerprint(entries, learned), json: index.serialize() });
  }
}
