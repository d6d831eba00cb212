import type { Entry } from '../entry.ts';
import type { ConflictChoice } from '../import-conflicts.ts';
import { planImport, type ImportPlan, type PlanInput } from '../import-plan.ts';
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

/**
 * The import wizard's dry run against what is stored (planImport): what happens to each entry
 * under `conflicts`, every problem by file, row and field, and what agents will not be shown.
 * Pass the same `conflicts` to applyImportBatched: it enforces the same limits.
 */
export async function planStoredImport(db: KnowledgeDb, result: PlanInput, conflicts?: ConflictChoice, options: { now?: Date } = {}): Promise<ImportPlan> {
  return planImport(result, await db.entries.toArray(), conflicts, options);
}
