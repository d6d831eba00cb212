import type { KnowledgeDb } from '@/knowledge/store';
import type { IndexCache, KnowledgeSource } from './knowledge-holder';

/** Kept beside the settings rows; getSettings reads only its own keys, so this row never reaches the panel. */
export const INDEX_CACHE_KEY = 'searchIndexCache';

function isCache(v: unknown): v is IndexCache {
  const c = v as Partial<IndexCache> | undefined;
  return typeof c?.fingerprint === 'string' && typeof c.json === 'string';
}

export function dexieIndexCache(db: KnowledgeDb): Pick<KnowledgeSource, 'loadCache' | 'saveCache'> {
  return {
    async loadCache() {
      const row = await db.settings.get(INDEX_CACHE_KEY);
      return isCache(row?.value) ? row.value : undefined;
    },
    async saveCache(cache) {
      // A full disk must not stop suggestions: the index still works from memory.
      await db.settings.put({ key: INDEX_CACHE_KEY, value: cache }).catch(() => undefined);
    },
  };
}
