import type { Entry } from '../entry.ts';
import { ProblemList, formatProblem, type ImportProblem, type Location } from '../problems.ts';
import { standardiseRecord } from '../standardise.ts';
import { decodeText, type Encoding } from './encoding.ts';
import { FORMATS, IMPORTABLE_EXTENSIONS, detectFormat, readFile } from './index.ts';
import type { FormatId } from './record.ts';

export interface ImportOptions {
  /** Fills createdAt/updatedAt when a source has none. */
  now?: Date;
  /** Read every file as this format instead of guessing from its name and content. */
  format?: FormatId;
}

export interface FileSummary {
  name: string;
  format?: FormatId;
  encoding?: Encoding;
  entries: number;
  errors: number;
  warnings: number;
}

/** A dry run: the entries that would land and every problem. Nothing is stored. */
export interface ImportResult {
  entries: Entry[];
  problems: ImportProblem[];
  files: FileSummary[];
}

/** Bigger files are refused before reading: a knowledge base is text, not a data dump. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Never throws: anything wrong with the files comes back as problems. */
export function importFiles(files: { name: string; bytes: Uint8Array }[], options: ImportOptions = {}): ImportResult {
  const now = options.now ?? new Date();
  const entries: Entry[] = [];
  const problems: ImportProblem[] = [];
  const files_: FileSummary[] = [];
  const firstSeen = new Map<string, Location>();
  for (const file of files) {
    const list = new ProblemList();
    const summary: FileSummary = { name: file.name, entries: 0, errors: 0, warnings: 0 };
    try {
      for (const { entry, at } of readOne(file, options.format, now, list, summary)) {
        const first = firstSeen.get(entry.id);
        if (first) {
          list.error(at, 'id', `${JSON.stringify(entry.id)} is used more than once: also by ${where(first)}; every entry needs its own id`);
          continue;
        }
        firstSeen.set(entry.id, at);
        entries.push(entry);
        summary.entries++;
      }
    } catch (e) {
      // A bug of ours, not the user's: still reported as a problem so nothing half-lands.
      list.error({ file: file.name }, undefined, `could not be read because of an internal error in Agent Assist (${(e as Error)?.message ?? e}); please report it`);
    }
    summary.errors = list.items.filter((p) => p.severity === 'error').length;
    summary.warnings = list.items.length - summary.errors;
    problems.push(...list.items);
    files_.push(summary);
  }
  return { entries, problems, files: files_ };
}

function* readOne(
  file: { name: string; bytes: Uint8Array },
  forced: FormatId | undefined,
  now: Date,
  list: ProblemList,
  summary: FileSummary,
): Generator<{ entry: Entry; at: Location }> {
  const at = { file: file.name };
  if (file.bytes.length > MAX_FILE_BYTES) {
    list.error(at, undefined, `is ${(file.bytes.length / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file`);
    return;
  }
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) {
    list.error(at, undefined, decoded.message);
    return;
  }
  summary.encoding = decoded.encoding;
  if (decoded.warning) list.warn(at, undefined, decoded.warning);
  const format = forced ?? detectFormat(file.name, decoded.text);
  if (!format) {
    list.error(at, undefined, `is not a file Agent Assist imports: use ${IMPORTABLE_EXTENSIONS.join(', ')} (${Object.values(FORMATS).map((f) => f.label).join('; ')})`);
    return;
  }
  summary.format = format;
  const parsed = readFile(format, { name: file.name, text: decoded.text });
  list.items.push(...parsed.problems);
  for (const record of parsed.records) {
    const entry = standardiseRecord(record, now, list);
    if (entry) yield { entry, at: record.at };
  }
}

function where(at: Location): string {
  return formatProblem({ ...at, message: '' }).replace(/: $/, '');
}
