import { describe, expect, it } from 'vitest';
import { dexieKnowledgeSource } from '@/entrypoints/background/index-cache';
import { KnowledgeHolder } from '@/entrypoints/background/knowledge-holder';
import { loadSample } from '@/entrypoints/background/knowledge-handlers';
import type { Entry } from '@/knowledge/entry';
import { KnowledgeIndex } from '@/knowledge/search/index';
import { restoreCalibration, storedCalibration } from '@/knowledge/search/self-calibration';
import { knowledgeSnapshot, lastChange, loadSearchIndex, saveEntry, type KnowledgeDb } from '@/knowledge/store';
import { applyImportBatched } from '@/knowledge/store/import';
import { startIndexUpdate } from '@/knowledge/store/index-update';
import { suggestRefs, warmSuggestions } from '@/knowledge/suggest';
import { entry } from '../search/fixtures';
import { countedSource, DAY, makeDeps, sampleTickets } from './fixtures';

const incoming: Entry[] = Array.from({ length: 30 }, (_, i) =>
  entry(`imported-${i}`, { title: `Imported answer ${i} about zebra crossings`, questions: [`How do zebra crossings number ${i} work?`], body: `Zebra crossing ${i}.` }),
);

/** A sample knowledge base whose worker has caught up and saved (its calibration fit included). */
async function settled() {
  const { deps, db } = makeDeps();
  await loadSample(deps);
  await expect.poll(async () => (await loadSearchIndex(db))?.index.calibration).toBeDefined();
  await expect.poll(async () => (await loadSearchIndex(db))?.seq).toBe(await lastChange(db));
  return { deps, db };
}

/** Top answers with confidences for the sample tickets and a zebra question, from an index. */
function answers(index: KnowledgeIndex) {
  const tickets = [...sampleTickets().map((s) => s.ticket), { ...sampleTickets()[0]!.ticket, subject: 'Zebra crossing', latestMessage: 'How do zebra crossings number 7 work?' }];
  return tickets.map((t) => suggestRefs(t, index, { day: DAY }).suggestions.map((s) => [s.entry.id, s.confidence]));
}

async function rebuilt(db: KnowledgeDb, like: KnowledgeIndex) {
  const snap = await knowledgeSnapshot(db);
  const index = KnowledgeIndex.build(snap.entries, undefined, snap.learned);
  if (!like.wordingStale()) index.trainWording();
  restoreCalibration(index, storedCalibration(like));
  return index;
}

describe('the page that imports updates the stored search index; the worker loads it', () => {
  it('applies each batch as written, saves the index with the import in it, and the worker reads no imported entry', async () => {
    const { db } = await settled();
    const { source, reads } = countedSource(db);
    const worker = new KnowledgeHolder(source);
    await worker.get();

    const update = startIndexUpdate(db);
    const report = await applyImportBatched(db, { entries: incoming, problems: [] }, 'Lead', { batch: 7, onLanded: update.apply, alsoWrite: update.save });
    // saved in the import's own transaction: the worker never sees the import without it
    expect((await loadSearchIndex(db))?.seq).toBe(report.change);

    expect((await worker.changed()).sort()).toEqual(incoming.map((e) => e.id).sort());
    expect(reads).toEqual({ snapshots: 0, caughtUp: 0, shown: 0 });
    const index = await worker.get();
    // the common terms' bounds worked out after the refit (its leave-one-out queries drop them): the first ticket finds them
    expect(index.isWarm()).toBe(true);
    expect(index.size).toBe((await db.entries.count()));
    expect(answers(index)).toEqual(answers(await rebuilt(db, index)));
    expect(answers(index).at(-1)?.[0]?.[0]).toBe('imported-7');
  });

  it('after answering, runs the suggestion path once on the reloaded index, read-only, so the first ticket finds it built; settled() waits for it', async () => {
    const { db } = await settled();
    const warmed: KnowledgeIndex[] = [];
    const worker = new KnowledgeHolder(dexieKnowledgeSource(db), undefined, (ix) => {
      const before = answers(ix);
      warmSuggestions(ix);
      warmed.push(ix);
      // nothing changed by it: the same answers, and the bounds the reload worked out still hold
      expect(answers(ix)).toEqual(before);
      expect(ix.isWarm()).toBe(true);
    });
    await worker.get();
    const update = startIndexUpdate(db);
    await applyImportBatched(db, { entries: incoming, problems: [] }, 'Lead', { onLanded: update.apply, alsoWrite: update.save });
    await worker.changed();
    // after changed()'s answer; settled() waits for it (knowledgeStatus answers the page that imported then)
    expect(warmed).toEqual([]);
    await worker.settled();
    expect(warmed).toHaveLength(1);
    expect(warmed[0]).toBe(await worker.get());
  });

  it('stands aside when anything else was written meanwhile: the worker catches up from the change log', async () => {
    const { db } = await settled();
    const { source, reads } = countedSource(db);
    const worker = new KnowledgeHolder(source);
    await worker.get();

    const update = startIndexUpdate(db);
    const [first] = await db.entries.toArray();
    await saveEntry(db, { ...first!, title: 'Changed by someone else' }, 'Other lead');
    const report = await applyImportBatched(db, { entries: incoming, problems: [] }, 'Lead', { onLanded: update.apply, alsoWrite: update.save });
    expect((await loadSearchIndex(db))?.seq).toBeLessThan(report.change!);

    expect((await worker.changed()).length).toBe(incoming.length + 1);
    expect(reads.caughtUp).toBe(incoming.length + 1);
    const index = await worker.get();
    expect(index.ref(first!.id)?.title).toBe('Changed by someone else');
    expect(answers(index)).toEqual(answers(await rebuilt(db, index)));
  });

  it('stands aside when the stored index was behind the change log when the import began', async () => {
    const { db } = await settled();
    const [first] = await db.entries.toArray();
    await saveEntry(db, { ...first!, title: 'Not yet in the stored index' }, 'Other lead');
    const update = startIndexUpdate(db);
    const report = await applyImportBatched(db, { entries: incoming, problems: [] }, 'Lead', { onLanded: update.apply, alsoWrite: update.save });
    expect((await loadSearchIndex(db))?.seq).toBeLessThan(report.change!);
  });

  it('a worker behind the stored index never saves over it', async () => {
    const { db } = await settled();
    const worker = new KnowledgeHolder(dexieKnowledgeSource(db));
    await worker.get();
    const update = startIndexUpdate(db);
    const report = await applyImportBatched(db, { entries: incoming, problems: [] }, 'Lead', { onLanded: update.apply, alsoWrite: update.save });
    // e.g. the worker saving after learning a phrasing, before it heard of the import
    await worker.persist();
    expect((await loadSearchIndex(db))?.seq).toBe(report.change);
    expect((await loadSearchIndex(db))?.index.ids).toContain('imported-0');
  });
});
