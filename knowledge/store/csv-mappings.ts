import { z } from 'zod';
import { CSV_COLUMNS, type CsvMapping } from '../formats/csv.ts';
import { csvHeaderSignature } from '../formats/csv-mapping.ts';
import type { KnowledgeDb } from './db.ts';
import { StoreError, withStoreErrors } from './errors.ts';

/**
 * Column mappings a lead confirmed, remembered per header signature (a settings row
 * `csvMapping:<headers>`), so next month's export of the same spreadsheet maps itself.
 */
const Target = z.enum(['custom', 'ignore', ...CSV_COLUMNS]);
const Remembered = z.object({ mapping: z.record(z.string().min(1).max(500), Target), at: z.string() });

export async function rememberCsvMapping(db: KnowledgeDb, headers: readonly string[], mapping: CsvMapping, options: { now?: Date } = {}): Promise<void> {
  const parsed = Remembered.safeParse({ mapping, at: (options.now ?? new Date()).toISOString() });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoreError('invalid', `Column mapping, ${issue.path.slice(1).join('.') || 'mapping'}: ${issue.message}`);
  }
  await withStoreErrors('the column mapping', () => db.settings.put({ key: csvHeaderSignature(headers), value: parsed.data }));
}

/** The mapping remembered for these headers (in any order), or undefined; a stored row that no longer parses is ignored. */
export async function rememberedCsvMapping(db: KnowledgeDb, headers: readonly string[]): Promise<CsvMapping | undefined> {
  const row = await db.settings.get(csvHeaderSignature(headers));
  const parsed = Remembered.safeParse(row?.value);
  return parsed.success ? parsed.data.mapping : undefined;
}
