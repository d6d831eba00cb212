import type { Entry } from '@/knowledge/entry';
import { fromStored, toStored, type StoredIndex } from '@/knowledge/search/binary';
import { KnowledgeIndex, type LearnedPhrasing } from '@/knowledge/search/index';
import { baseCalibration, needsCalibration, storedCalibration, type StoredCalibration } from '@/knowledge/search/self-calibration';
import { warmSuggestions } from '@/knowledge/suggest';
import { DamagedListError } from '@/knowledge/search/pack';

/** Where the holder reads entries and keeps its index; the real one is the Dexie store (index-cache.ts). */
export interface KnowledgeSource {
  /** Every entry and learned phrasing, with the last change they include (one consistent read): for a build. */
  snapshot(): Promise<{ entries: Entry[]; learned: LearnedPhrasing[]; seq: number }>;
  /** Entries changed after change `seq` (undefined: deleted), with the newest change; undefined when the log does not reach back. */
  changedSince(seq: number): Promise<{ seq: number; changed: Map<string, Entry | undefined> } | undefined>;
  learned(): Promise<LearnedPhrasing[]>;
  loadIndex(): Promise<{ seq: number; index: Partial<StoredIndex> } | undefined>;
  /** Saves the index as including change `seq`, unless the stored one already includes a later change. */
  saveIndex(seq: number, index: StoredIndex): Promise<void>;
  /** The change the stored index includes (nothing decoded); undefined when none is stored. */
  storedSeq(): Promise<number | undefined>;
  /** Stores a new calibration fit beside the stored index of change `seq` (nothing when that index was replaced). */
  saveCalibration(seq: number, calibration: StoredCalibration): Promise<void>;
  /** Ids changed after change `seq` (the log alone, no entry read); undefined when the log does not reach back. */
  changedIdsSince(seq: number): Promise<string[] | undefined>;
  /** The entries with these ids that exist: the few a panel shows. */
  entries(ids: readonly string[]): Promise<Entry[]>;
}

/** Where the last open spent its time (ms): the bench prints it as the breakdown of a cold start. */
export interface OpenTimings {
  origin: 'cache' | 'built';
  read: number;
  decode: number;
  catchUp: number;
  build: number;
  save: number;
  entries: number;
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

/**
 * The in-memory search index of the service worker. It holds each entry's ref, never the entry
 * texts: the suggestions shown are read from the store (entries()). On a cold start it loads the
 * stored binary index (no parsing, no tokenising) and applies only the changes logged since it
 * was saved; it builds from every entry only when there is no usable stored index.
 */
export class KnowledgeHolder {
  private index: Promise<KnowledgeIndex> | undefined;
  private calibrating = false;
  /** The last logged change the index includes. */
  private seq = 0;
  /** Changes and saves run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** How the current index came to be: for tests and the panel's diagnostics. */
  origin: 'cache' | 'built' | undefined;
  timings: OpenTimings | undefined;

  constructor(
    private readonly source: KnowledgeSource,
    private readonly clock: () => number = () => performance.now(),
    /** What runs on an index after a change of the knowledge, once the worker is idle (tests pass a probe). */
    private readonly warmUp: (index: KnowledgeIndex) => void = warmSuggestions,
  ) {}

  get(): Promise<KnowledgeIndex> {
    this.index ??= this.open().catch((err: unknown) => {
      this.index = undefined;
      throw err;
    });
    return this.index;
  }

  /**
   * Runs `use` on the index. A stored index decodes each term's list when first used
   * (knowledge/search/pack.ts); when one turns out damaged (DamagedListError), the index is built
   * again from the entries, saved over the damaged one, and `use` runs once more on it.
   */
  async using<T>(use: (index: KnowledgeIndex) => T | Promise<T>): Promise<T> {
    const index = await this.get();
    try {
      return await use(index);
    } catch (err) {
      if (!(err instanceof DamagedListError)) throw err;
      console.warn('[agent-assist] the stored search index is damaged; building it again from the entries:', err.message);
      await this.serially(async () => {
        // unless another caller replaced it already
        if ((await this.index?.catch(() => undefined)) === index) await this.rebuild();
      });
      return use(await this.get());
    }
  }

  /** The entries with these ids, read from the store (the index holds none). */
  entries(ids: readonly string[]): Promise<Entry[]> {
    return ids.length ? this.source.entries(ids) : Promise.resolve([]);
  }

  /**
   * Applies every change logged since the index was saved (added, changed, deleted entries),
   * saves it and works out the score bounds of its common terms (KnowledgeIndex.warm); returns
   * the ids applied. Any caller may run it: the ids it is told about are in the log. All of it
   * before the answer: the page that imported waits for it, and the first ticket after an import
   * then finds the worker idle and the index as warm as before (saving or warming after the answer
   * made that ticket wait seconds at 100k).
   */
  async changed(_ids?: readonly string[]): Promise<string[]> {
    const index = await this.get();
    const ids = await this.serially(async () => {
      const reloaded = await this.reloadIfAhead();
      if (reloaded) {
        const index = await this.get();
        await this.calibrate(index);
        // after the fit: its leave-one-out queries change the postings, which drops the bounds
        index.warm();
        return reloaded;
      }
      const ids = await this.catchUp(index);
      if (ids === undefined) {
        await this.rebuild();
        return [];
      }
      if (ids.length) {
        if (needsCalibration(index)) baseCalibration(index);
        await this.save(index);
        index.warm();
      }
      return ids;
    });
    if (ids.length) this.warmSoon();
    return ids;
  }

  /**
   * After the answer, once the worker is idle: the suggestion path runs on a few of the index's own
   * titles (warmSuggestions), so the first ticket after a change of the knowledge does not build what
   * every query needs once per index (tens of milliseconds at 10k entries).
   */
  private warmSoon(): void {
    this.warming = new Promise<void>((done) => {
      setTimeout(() => {
        void this.serially(async () => {
          const index = await this.index?.catch(() => undefined);
          if (index) this.warmUp(index);
        }).finally(done);
      }, 0);
    });
  }

  /** The warm-up the last change started (warmSoon), until it has run. */
  private warming: Promise<void> | undefined;

  /**
   * Resolves once the work queued so far is done, the warm-up after a change included: the page
   * that imported is answered then (knowledgeStatus), so the next ticket finds the worker idle.
   */
  async settled(): Promise<void> {
    await this.warming;
    await this.serially(async () => undefined);
  }

  /**
   * Makes the index's learned phrasings the store's: another context (the panel's or the
   * dashboard's settings) removed or added some. Entries whose phrasings differ are re-indexed and
   * the index is saved; returns their ids (empty when the index already matched the store).
   */
  async learnedChanged(): Promise<string[]> {
    const index = await this.get();
    return this.serially(async () => {
      const changed = await this.syncLearned(index);
      if (changed.length) await this.save(index);
      return changed;
    });
  }

  /** Saves the current index (after it learned a phrasing). */
  async persist(): Promise<void> {
    const index = await this.get();
    await this.serially(() => this.save(index));
  }

  /**
   * Fits the base's own confidence calibration (knowledge/search/self-calibration.ts: a few hundred
   * short queries) when it has none or the knowledge changed enough, and stores it beside the index
   * so the next cold start has it at once. Called once the panel has been told (the fit never delays
   * a ticket's answer); until it is done the last fit, or the global model, holds. After a change
   * of the knowledge, changed() fits before answering, like the rest of its work.
   */
  calibrateSoon(index: KnowledgeIndex): void {
    if (this.calibrating || !needsCalibration(index)) return;
    this.calibrating = true;
    setTimeout(() => {
      void this.serially(async () => {
        // The index may have been replaced (rebuilt) meanwhile: fit only the one in use.
        if ((await this.index?.catch(() => undefined)) !== index) return;
        await this.calibrate(index);
        // the fit's leave-one-out queries dropped the common terms' bounds: the next ticket would work them out
        index.warm();
      }).finally(() => (this.calibrating = false));
    }, 0);
  }

  /** Fits the calibration when due and stores the fit beside the stored index (a small write). */
  private async calibrate(index: KnowledgeIndex): Promise<void> {
    if (!needsCalibration(index)) return;
    baseCalibration(index);
    const fit = storedCalibration(index);
    if (fit) await this.source.saveCalibration(this.seq, fit).catch((err: unknown) => console.warn('[agent-assist] could not save the calibration:', err));
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async open(): Promise<KnowledgeIndex> {
    const t0 = this.clock();
    const stored = await this.source.loadIndex().catch(() => undefined);
    const t1 = this.clock();
    if (stored) {
      let index: KnowledgeIndex | undefined;
      try {
        index = fromStored(stored.index);
      } catch {
        // Saved by another version of the index (options or format changed): build it again below.
      }
      const t2 = this.clock();
      if (index) {
        this.seq = stored.seq;
        const ids = await this.catchUp(index);
        if (ids !== undefined) {
          const learned = await this.syncLearned(index);
          if (ids.length || learned.length) void this.serially(() => this.save(index));
          this.origin = 'cache';
          this.timings = { origin: 'cache', read: t1 - t0, decode: t2 - t1, catchUp: this.clock() - t2, build: 0, save: 0, entries: ids.length };
          return index;
        }
      }
    }
    return this.build(t0);
  }

  private async build(t0 = this.clock()): Promise<KnowledgeIndex> {
    const snap = await this.source.snapshot();
    const t1 = this.clock();
    // One phrasing per entry and text, as index.learn keeps them: a rebuilt index equals the live one.
    const learned = [...byEntry(snap.learned).values()].flatMap((m) => [...m.values()]);
    const index = KnowledgeIndex.build(snap.entries, undefined, learned, false);
    const t2 = this.clock();
    this.seq = snap.seq;
    this.origin = 'built';
    await this.save(index);
    this.timings = { origin: 'built', read: t1 - t0, decode: 0, catchUp: 0, build: t2 - t1, save: this.clock() - t2, entries: snap.entries.length };
    return index;
  }

  /**
   * The page that imported saved an index that includes its import (knowledge/store/index-update.ts):
   * load that one, as a cold start does, rather than read every imported entry and index it again.
   * Returns the ids changed since this index, or undefined when the stored index is not ahead.
   */
  private async reloadIfAhead(): Promise<string[] | undefined> {
    const stored = await this.source.storedSeq();
    if (stored === undefined || stored <= this.seq) return undefined;
    const ids = (await this.source.changedIdsSince(this.seq)) ?? [];
    // as get(): a failed open is not kept, the next call opens again
    const next = this.open().catch((err: unknown) => {
      this.index = undefined;
      throw err;
    });
    this.index = next;
    await next;
    return ids;
  }

  /** The change log no longer reaches back to the index: replace it with a fresh build. */
  private async rebuild(): Promise<void> {
    const index = this.build();
    this.index = index;
    await index;
  }

  /** Applies the logged changes after this.seq; undefined when the log does not reach back or a stored list is damaged (rebuild). */
  private async catchUp(index: KnowledgeIndex): Promise<string[] | undefined> {
    const since = await this.source.changedSince(this.seq);
    if (!since) return undefined;
    try {
      for (const [id, entry] of since.changed) {
        if (entry) index.update(entry);
        else index.remove(id);
      }
    } catch (err) {
      // a change decodes every stored list first: a damaged one means building again, as a log that does not reach back does
      if (err instanceof DamagedListError) return undefined;
      throw err;
    }
    this.seq = since.seq;
    return [...since.changed.keys()];
  }

  private async syncLearned(index: KnowledgeIndex): Promise<string[]> {
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
    return changed.sort();
  }

  private async save(index: KnowledgeIndex): Promise<void> {
    // A full disk must not stop suggestions: the index still works from memory.
    await this.source.saveIndex(this.seq, toStored(index)).catch((err: unknown) => console.warn('[agent-assist] could not save the search index:', err));
  }
}
