import type { Entry } from '../entry.ts';
import { fromStored, toStored } from '../search/binary.ts';
import type { KnowledgeIndex } from '../search/index.ts';
import { lastChange } from './changes.ts';
import type { KnowledgeDb } from './db.ts';
import { loadSearchIndex, saveSearchIndex } from './search-index.ts';

/**
 * The page that imports brings the stored search index up to date itself, while IndexedDB writes
 * the import: it reads the stored index first, applies each batch's entries as they are written
 * (its CPU work runs beside the browser's writes), and saves the index in the import's own
 * transaction, as including the import's change. The worker, told of the import, loads that index
 * (a cold start's read, tens of milliseconds at 10k entries) instead of reading every imported
 * entry back from the store and tokenising it again (seconds at 10k, most of a 100k import). In
 * one transaction, because the worker watches the change log: saved after the commit, the worker
 * had already started indexing the import itself.
 *
 * It only ever stands aside, never guesses: when the stored index was behind the change log at the
 * start, was not read yet, or anything else was written meanwhile, it saves nothing and the worker
 * catches up from the change log as before. The change log is left whole (the worker still reads
 * which ids changed, and prunes it when it next saves).
 */
export interface IndexUpdate {
  /** The entries of one batch, exactly as written (applyImportBatched's onLanded). */
  apply(entries: readonly Entry[]): void;
  /**
   * In the import's transaction, after its change `change` was logged (applyImportBatched's
   * alsoWrite): saves the updated index; true when it did.
   */
  save(change: number): Promise<boolean>;
}

interface Loaded {
  index: KnowledgeIndex;
  /** The change the stored index included, which was then the newest. */
  seq: number;
}

/** Starts reading the stored index at once; call before the import's transaction opens so the read goes first. */
export function startIndexUpdate(db: KnowledgeDb): IndexUpdate {
  const pending: Entry[][] = [];
  let loaded: Loaded | undefined;
  let failed = false;
  void loadCurrent(db).then(
    (l) => {
      loaded = l;
      if (!l) failed = true;
      for (const batch of pending.splice(0)) if (l) applyTo(l.index, batch);
    },
    () => {
      failed = true;
    },
  );
  return {
    apply(entries) {
      if (failed) return;
      if (loaded) applyTo(loaded.index, entries);
      else pending.push([...entries]);
    },
    async save(change) {
      // nothing awaited before the writes: the import's transaction must stay active
      if (!loaded) return false;
      const { seq, index } = loaded;
      let stored;
      try {
        stored = toStored(index);
      } catch (err) {
        // never fail the import for it: the worker indexes it from the change log
        console.warn('[agent-assist] could not update the search index with the import:', err);
        return false;
      }
      // only the import's own change since the index was read: nothing else to apply
      return saveSearchIndex(db, change, stored, { prune: false, when: (stored, after) => stored === seq && after.length === 1 && after[0] === change });
    },
  };
}

async function loadCurrent(db: KnowledgeDb): Promise<Loaded | undefined> {
  const [stored, newest] = await db.transaction('r', db.searchIndex, db.changes, () => Promise.all([loadSearchIndex(db), lastChange(db)]));
  if (!stored || stored.seq !== newest) return undefined;
  try {
    return { index: fromStored(stored.index), seq: stored.seq };
  } catch {
    // another version or damaged: the worker builds it again
    return undefined;
  }
}

function applyTo(index: KnowledgeIndex, entries: readonly Entry[]): void {
  for (const entry of entries) index.update(entry);
}
