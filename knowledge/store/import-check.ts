import type { Entry } from '../entry.ts';
import { importWarnings, type ImportWarnings } from '../quality.ts';
import type { KnowledgeDb } from './db.ts';

/**
 * The import's warnings against what is stored: near-duplicates of stored entries (and of each
 * other) and entries that will not be suggested. Call it for the dry run, and pass its result to
 * describeImport (knowledge/quality.ts) with the ImportReport after applyImport.
 */
export async function checkImport(db: KnowledgeDb, incoming: readonly Entry[], options: { now?: Date } = {}): Promise<ImportWarnings> {
  return importWarnings(incoming, await db.entries.toArray(), options);
}
