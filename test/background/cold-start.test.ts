import { describe, expect, it } from 'vitest';
import { dexieKnowledgeSource } from '@/entrypoints/background/index-cache';
import { KnowledgeHolder } from '@/entrypoints/background/knowledge-holder';
import { loadSample } from '@/entrypoints/background/knowledge-handlers';
import { onTicket } from '@/entrypoints/background/ticket-handlers';
import { BINARY_INDEX_VERSION, toStored, type StoredIndex } from '@/knowledge/search/binary';
import { KnowledgeIndex } from '@/knowledge/search/index';
import { currentCalibration, needsCalibration, restoreCalibration, storedCalibration } from '@/knowledge/search/self-calibration';
import { deleteEntry, knowledgeSnapshot, lastChange, loadSearchIndex, saveEntry, saveSearchIndex, type KnowledgeDb } from '@/knowledge/store';
import { suggest } from '@/knowledge/suggest';
import { countedSource, DAY, makeDeps, read, sampleTickets } from './fixtures';

/** Suggestions of an index built from everything in the store, holding the entries. */
async function fresh(db: KnowledgeDb, like?: KnowledgeHolder) {
  const snap = await knowledgeSnapshot(db);
  const index = KnowledgeIndex.build(snap.entries, undefined, snap.learned);
  // the same confidence calibration and wording model as the holder's (a stored index carries its fit)
  if (like) {
    const theirs = await like.get();
    if (!theirs.wordingStale()) index.trainWording();
    restoreCalibration(index, storedCalibration(theirs));
  }
  return index;
}

const tickets = () => sampleTickets().map((s) => s.ticket);

/**
 * The sample knowledge with its stored index saved, then the last tf of the first (or of every)
 * posting list set to 0 (a tf is at least 1): damage inside a list, which no load-time check sees.
 */
async function sampleWithDamagedLists(which: 'first' | 'every'): Promise<KnowledgeDb> {
  const { deps, db } = makeDeps();
  await loadSample(deps);
  await expect.poll(async () => (await loadSearchIndex(db))?.seq).toBe(await lastChange(db));
  const stored = (await loadSearchIndex(db))!;
  const index = stored.index as StoredIndex;
  for (let t = 1; t < (which === 'first' ? 2 : index.offsets.length); t++) index.lists[index.offsets[t]! - 1] = 0;
  await saveSearchIndex(db, stored.seq, index);
  return db;
}
const ids = (index: KnowledgeIndex) => tickets().map((t) => suggest(t, index, { day: DAY }).suggestions.map((s) => [s.entry.id, s.confidence]));
const refIds = async (holder: KnowledgeHolder) => {
  const index = await holder.get();
  const { suggestRefs } = await import('@/knowledge/suggest');
  return tickets().map((t) => suggestRefs(t, index, { day: DAY }).suggestions.map((s) => [s.entry.id, s.confidence]));
};

describe('cold start of the worker (stored binary index)', () => {
  it('reads no entry to open, applies the changes logged since the save, and reads only the entries it shows', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    const all = (await db.entries.toArray()).filter((e) => e.status === 'approved');
    await saveEntry(db, { ...all[0]!, title: 'Zebra crossing delivery', questions: ['Where is the zebra crossing?'] }, 'lead');
    await deleteEntry(db, all[1]!.id, 'lead');

    const { source, reads } = countedSource(db);
    const cold = new KnowledgeHolder(source);
    await cold.get();
    expect(cold.origin).toBe('cache');
    expect(cold.timings?.entries).toBe(2);
    expect(reads).toEqual({ snapshots: 0, caughtUp: 2, shown: 0 });
    expect(await refIds(cold)).toEqual(ids(await fresh(db, cold)));
    expect(await refIds(cold)).not.toEqual([]);

    const made = makeDeps({ holder: cold }, db.name);
    const state = await onTicket(made.deps, 1, tickets()[0]!, read());
    expect(reads.shown).toBe(state.result.suggestions.length);
    // the catch-up was saved: the next cold start has nothing to apply
    await expect.poll(async () => (await loadSearchIndex(db))?.seq).toBe(await lastChange(db));
    const again = new KnowledgeHolder(dexieKnowledgeSource(db));
    await again.get();
    expect(again.timings?.entries).toBe(0);
  });

  it("fits the base's own calibration after the panel is told, saves it with the index, and a cold start has it at once", async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    // the knowledge changed: the worker fits (and saves) at once, with no ticket open
    await expect.poll(async () => (await loadSearchIndex(db))?.index.calibration?.calibration.fitted).toBe(true);
    // an index stored before this version, without a fit: the first ticket is answered, then the fit comes
    const { seq, index: stored } = (await loadSearchIndex(db))!;
    await saveSearchIndex(db, seq, { ...(stored as StoredIndex), calibration: undefined });
    const holder = new KnowledgeHolder(dexieKnowledgeSource(db));
    const warm = await holder.get();
    expect(needsCalibration(warm)).toBe(true);
    const told: boolean[] = [];
    const made = makeDeps({ holder, notifyPanel: () => told.push(currentCalibration(warm).fitted) }, db.name);
    await onTicket(made.deps, 1, tickets()[0]!, read());
    // told once, or twice when it abstains (the verdict, then the key terms): each time before the fit
    expect(told.length).toBeGreaterThan(0);
    expect(told).toEqual(told.map(() => false));
    await expect.poll(async () => (await loadSearchIndex(db))?.index.calibration?.calibration.fitted).toBe(true);
    // and the common terms' bounds again after it (the fit's leave-one-out queries dropped them)
    await expect.poll(() => warm.isWarm()).toBe(true);
    // the fit went on a row of its own, for this index
    expect(await db.searchIndex.get('calibration')).toMatchObject({ seq });
    // a fit stored for another index (one saved over since) is never taken for this one
    const fit = (await db.searchIndex.get('calibration'))!;
    await db.searchIndex.put({ ...fit, seq: seq - 1 } as typeof fit);
    expect((await loadSearchIndex(db))?.index.calibration).toBeUndefined();
    await db.searchIndex.put(fit);
    expect(needsCalibration(warm)).toBe(false);
    const cold = new KnowledgeHolder(dexieKnowledgeSource(db));
    const index = await cold.get();
    expect(cold.origin).toBe('cache');
    expect(currentCalibration(index)).toEqual(currentCalibration(warm));
    // after the first ticket only the wording model (never stored) is trained: the fit is not redone
    const restored = currentCalibration(index);
    cold.calibrateSoon(index);
    await expect.poll(() => needsCalibration(index)).toBe(false);
    expect(currentCalibration(index)).toBe(restored);
  });

  it('builds from the entries when the stored index is another version, damaged, or the change log does not reach back', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    // the worker's save after fitting the calibration comes first (it would undo the spoiling)
    await expect.poll(async () => (await loadSearchIndex(db))?.index.calibration).toBeDefined();
    const stored = (await loadSearchIndex(db))!;
    const cases: [string, () => Promise<void>][] = [
      ['another version', () => saveSearchIndex(db, stored.seq, { ...toStored(KnowledgeIndex.build([])), version: BINARY_INDEX_VERSION + 1 }).then(() => undefined)],
      ['damaged', () => db.searchIndex.delete('lists.0').then(() => undefined)],
      ['log pruned past it', () => saveSearchIndex(db, 0, toStored(KnowledgeIndex.build([]))).then(() => undefined)],
    ];
    for (const [why, spoil] of cases) {
      await spoil();
      if (why === 'log pruned past it') {
        const [entry] = await db.entries.toArray();
        await saveEntry(db, { ...entry!, title: 'Changed once' }, 'lead');
        await saveEntry(db, { ...entry!, title: 'Changed twice' }, 'lead');
        await db.changes.where(':id').below(await db.changes.orderBy(':id').lastKey().then(Number)).delete();
      }
      const { source, reads } = countedSource(db);
      const holder = new KnowledgeHolder(source);
      expect(await refIds(holder), why).toEqual(ids(await fresh(db, holder)));
      expect(holder.origin, why).toBe('built');
      expect(reads.snapshots, why).toBe(1);
    }
  });

  it('after applying a change, saves the index and warms it before answering (the next ticket finds the worker idle)', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    const holder = new KnowledgeHolder(dexieKnowledgeSource(db));
    await holder.get();
    const [first] = await db.entries.toArray();
    await saveEntry(db, { ...first!, title: 'Zebra crossing delivery' }, 'lead');
    expect(await holder.changed()).toEqual([first!.id]);
    expect((await loadSearchIndex(db))?.seq).toBe(await lastChange(db));
    const index = await holder.get();
    const ix = index.inverted;
    const { boundRev } = (index as unknown as { scratch: { boundRev: Float64Array } }).scratch;
    expect(ix.terms.some((_, id) => boundRev[id] === ix.revision)).toBe(true);
  });

  it('stores the index in chunks of bounded size and reads it back whole', async () => {
    const { deps, db } = makeDeps();
    await loadSample(deps);
    const index = await deps.holder.get();
    // the worker's own save after fitting the calibration comes first (it would replace ours)
    await expect.poll(async () => (await loadSearchIndex(db))?.index.calibration).toBeDefined();
    await saveSearchIndex(db, 7, toStored(index), { chunkBytes: 1000 });
    const rows = await db.searchIndex.toArray();
    const chunks = rows.filter((r) => 'bytes' in r);
    expect(chunks.length).toBeGreaterThan(4);
    // stored as copies: a view would store its whole buffer in every chunk
    expect(chunks.every((r) => 'bytes' in r && r.bytes.buffer.byteLength <= 1000)).toBe(true);
    const back = await loadSearchIndex(db);
    expect(back?.seq).toBe(7);
    expect(back?.index.lists).toEqual(toStored(index).lists);
    expect(back?.index.units).toEqual(toStored(index).units);
  });
  it('a list found damaged when a ticket first decodes it: the index is built again from the entries, and the ticket answered', async () => {
    const db = await sampleWithDamagedLists('every');

    const holder = new KnowledgeHolder(dexieKnowledgeSource(db));
    await holder.get();
    expect(holder.origin).toBe('cache');
    const made = makeDeps({ holder }, db.name);
    const state = await onTicket(made.deps, 1, tickets()[0]!, read());
    expect(holder.origin).toBe('built');
    expect(state.result.suggestions.map((s) => s.entry.id)).toEqual(suggest(tickets()[0]!, await fresh(db, holder), { day: DAY }).suggestions.map((s) => s.entry.id));
    // the rebuilt index was saved over the damaged one: the next cold start decodes every list
    const next = new KnowledgeHolder(dexieKnowledgeSource(db));
    const reloaded = await next.get();
    expect(next.origin).toBe('cache');
    for (let t = 0; t < reloaded.inverted.terms.length; t++) expect(() => reloaded.inverted.list(t)).not.toThrow();
  });

  it('a list found damaged when a cold start applies a logged change: the index is built again from the entries', async () => {
    const db = await sampleWithDamagedLists('first');
    const [first] = await db.entries.toArray();
    await saveEntry(db, { ...first!, title: 'Zebra crossing delivery' }, 'lead');

    const holder = new KnowledgeHolder(dexieKnowledgeSource(db));
    const opened = await holder.get();
    expect(holder.origin).toBe('built');
    expect(opened.ref(first!.id)?.title).toBe('Zebra crossing delivery');
    expect(await refIds(holder)).toEqual(ids(await fresh(db, holder)));
  });
});
