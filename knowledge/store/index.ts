export { openKnowledgeDb, ENTRY_CHANGES, type KnowledgeDb, type EntryVersionRow, type EntryChange, type LearnedRow } from './db.ts';
export { StoreError, type StoreErrorKind } from './errors.ts';
export { getEntry, listEntries, saveEntry, deleteEntry, sameContent, type EntryFilter, type SaveOptions } from './entries.ts';
export { entryHistory } from './versions.ts';
export { applyImport, type ImportToApply, type ImportReport } from './import.ts';
export { getSettings, saveSettings, Settings, GenericSelectors, HelpdeskOrigin, type SettingsPatch } from './settings.ts';
export { recordEvent, listEvents, type EventInput, type EventRange, type RecordOptions } from './events.ts';
export { addLearned, listLearned, removeLearnedOf, removeLearnedPhrasing, type LearnedInput, type LearnOptions } from './learned.ts';
export { applyBulk, undoBulk, type BulkAction, type BulkResult, type BulkUndo } from './bulk.ts';
