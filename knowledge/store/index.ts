// The import's checks and remembered CSV mappings are imported from their modules (store/import-check.ts,
// store/csv-mappings.ts), not from here: they bring the formats and DOMPurify, which the worker never needs.
export { openKnowledgeDb, ENTRY_CHANGES, type KnowledgeDb, type EntryVersionRow, type EntryChange, type LearnedRow } from './db.ts';
export { StoreError, type StoreErrorKind } from './errors.ts';
export { getEntry, listEntries, saveEntry, deleteEntry, sameContent, type EntryFilter, type SaveOptions } from './entries.ts';
export { entryHistory } from './versions.ts';
export { applyImport, applyImportBatched, ImportCancelledError, IMPORT_BATCH, type ImportToApply, type ImportReport, type BatchedOptions } from './import.ts';
export { getSettings, saveSettings, hashSalt, Settings, GenericSelectors, HelpdeskOrigin, PilotMode, TeamSalt, PILOT_MIN_TAGS, PILOT_MAX_TAGS, RETENTION_DEFAULT_DAYS, type SettingsPatch } from './settings.ts';
export { recordEvent, listEvents, addImportedEvents, type EventInput, type EventRange, type RecordOptions } from './events.ts';
export { addLearned, listLearned, removeLearnedOf, removeLearnedPhrasing, type LearnedInput, type LearnOptions } from './learned.ts';
export { applyBulk, undoBulk, type BulkAction, type BulkOptions, type BulkResult, type BulkUndo } from './bulk.ts';
export { loadHealth, loadKnowledgeList } from './dashboard.ts';
export { logChange, lastChange, changesSince } from './changes.ts';
export { saveSearchIndex, saveIndexCalibration, loadSearchIndex, storedIndexChange, knowledgeSnapshot, entriesByIds, changedSince, INDEX_CHUNK_BYTES, type SaveIndexOptions } from './search-index.ts';
export { loadReviewQueue, applyFix, mergeEntries, dismissFinding, restoreFinding, listDismissed, DISMISSED_KEY, type Dismissal, type FixResult } from './review.ts';
export { exportEventChunks, exportEvents, exportFileName, EXPORT_BATCH, type ExportOptions, type EventsImport, type FileImport } from './event-files.ts';
export { importEventFilesToStore, storeParsedFiles } from './event-import.ts';
export { deleteMyData, retentionCutoff, type DeletedData } from './retention.ts';
export { purgeExpiredEvents, purgeIfDue } from './purge.ts';
export { countEvents } from './event-blocks.ts';
export { loadEventColumns, reportFromStore, COLUMNS_BATCH } from './report-columns.ts';
