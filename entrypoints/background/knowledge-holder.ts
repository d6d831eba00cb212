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

/** Phrasings by entry, then by text; the first of two with the same text wins (as in index.learn). */
function byEntry(list: readonly LearnedPhrasing[]): Map<string, Map<string, LearnedPhrasing>> {
  const out = new Map<string, Map<string, LearnedPhrasing>>();
  for (const l of list) {
    let m = out.get(l.entryId);
    if (!m) out.set(l.entryId, (m = new Map()));
    if (!m.has(l.text)) m.set(l.text, l);
  }
  return out;
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

  /**
   * Makes the index's learned phrasings the store's: another context (the panel's or the
   * dashboard's settings) removed or added some. Entries whose phrasings differ are re-indexed and
   * the cache is saved; returns their ids (empty when the index already matched the store).
   */
  async learnedChanged(): Promise<string[]> {
    const index = await this.get();
    const want = byEntry(await this.source.learned());
    const have = byEntry(index.learned());
    const changed: string[] = [];
    for (const entryId of new Set([...want.keys(), ...have.keys()])) {
      const w = want.get(entryId) ?? new Map<string, LearnedPhrasing>();
      const h = have.get(entryId) ?? new Map<string, LearnedPhrasing>();
      const same = (a: LearnedPhrasing | undefined, b: LearnedPhrasing | undefined) => !!a && !!b && a.terms.join(' ') === b.terms.join(' ');
      let differs = false;
      for (const [text, p] of h) {
        if (same(p, w.get(text))) continue;
        index.unlearn(entryId, text);
        differs = true;
      }
      for (const [text, p] of w) {
        if (same(p, h.get(text))) continue;
        index.learn(p);
        differs = true;
      }
      if (differs) changed.push(entryId);
    }
    if (changed.length) await this.save(index, await this.source.entries());
    return changed.sort();
  }

  /** Saves the current index (after it learned a phrasing) with the store's fingerprint. */
  async persist(): Promise<void> {
    await this.save(await this.get(), await this.source.entries());
  }

  private async open(): Promise<KnowledgeIndex> {
    const [entries, stored, cache] = await Promise.all([this.source.entries(), this.source.learned(), this.source.loadCache()]);
    // One phrasing per entry and text, as index.learn keeps them: a rebuilt index equals the live one.
    const learned = [...byEntry(stored).values()].flatMap((m) => [...m.values()]);
    const print = fingerprint(entries, stored);
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
