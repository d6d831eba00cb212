import { changedSince, changesSince, entriesByIds, knowledgeSnapshot, listLearned, loadSearchIndex, saveIndexCalibration, saveSearchIndex, storedIndexChange, type KnowledgeDb, type LearnedRow } from '@/knowledge/store';
import type { LearnedPhrasing } from '@/knowledge/search/index';
import type { KnowledgeSource } from './knowledge-holder';

const phrasing = ({ entryId, text, terms, at }: LearnedRow): LearnedPhrasing => ({ entryId, text, terms, at });

/** The worker's knowledge source: the Dexie store, its change log and its stored binary index. */
export function dexieKnowledgeSource(db: KnowledgeDb): KnowledgeSource {
  return {
    async snapshot() {
      const snap = await knowledgeSnapshot(db);
      return { ...snap, learned: snap.learned.map(phrasing) };
    },
    changedSince: (seq) => changedSince(db, seq),
    learned: async () => (await listLearned(db)).map(phrasing),
    loadIndex: () => loadSearchIndex(db),
    async saveIndex(seq, index) {
      // never over an index a page saved with a later change in it (the worker loads that one next)
      await saveSearchIndex(db, seq, index, { when: (stored) => stored === undefined || stored <= seq });
    },
    storedSeq: () => storedIndexChange(db),
    saveCalibration: (seq, calibration) => saveIndexCalibration(db, seq, calibration).then(() => undefined),
    changedIdsSince: async (seq) => (await changesSince(db, seq))?.ids,
    entries: (ids) => entriesByIds(db, ids),
  };
}
