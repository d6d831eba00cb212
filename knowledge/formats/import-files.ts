import { MAX_IMPORT_ENTRIES, type Entry } from '../entry.ts';
import { ProblemList, formatProblem, type ImportProblem, type Location } from '../problems.ts';
import { standardiseRecord } from '../standardise.ts';
import { decodeText, type Encoding } from './encoding.ts';
import { FORMATS, IMPORTABLE_EXTENSIONS, detectFormat, readFile } from './index.ts';
import type { FormatId, RawRecord } from './record.ts';
import type { CsvMapping } from './csv.ts';

export interface ImportOptions {
  /** Fills createdAt/updatedAt when a source has none. */
  now?: Date;
  /** Read every file as this format instead of guessing from its name and content. */
  format?: FormatId;
  /** More entries than this is an error (default MAX_IMPORT_ENTRIES, what one import may land). */
  maxEntries?: number;
  /** Which CSV column holds what (csv-mapping.ts), for every CSV file of the import... */
  csvMapping?: CsvMapping;
  /** ...or per file, by its name (wins over csvMapping). */
  csvMappings?: Readonly<Record<string, CsvMapping>>;
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

/** Where a check stands: `parse` once per file (decoding and reading it), then `check` as records are standardised. */
export interface CheckProgress {
  file: string;
  /** The file's position (0-based) among `count` files. */
  index: number;
  count: number;
  stage: 'parse' | 'check';
  /** Records of this file standardised so far, of `total` (0 of 0 while parsing). */
  done: number;
  total: number;
}

export interface SteppedImportOptions extends ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: CheckProgress) => void;
  /** Records standardised between two yields to the event loop (default 250). */
  every?: number;
  /** How to give the event loop a turn (default: a 0 ms timeout, so the page can paint and take clicks). */
  pause?: () => Promise<void>;
}

/** The check was cancelled (its AbortSignal fired): there is no result, so nothing can land. */
export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

/** Never throws: anything wrong with the files comes back as problems. Runs to the end in one go. */
export function importFiles(files: { name: string; bytes: Uint8Array }[], options: ImportOptions = {}): ImportResult {
  const steps = importSteps(files, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * importFiles for big files in a page: the same result, but it reports progress and gives the
 * event loop a turn every `every` records, and stops with ImportCancelled as soon as `signal`
 * fires (checked at every step). Only problems in the files come back as problems.
 */
export async function importFilesStepped(files: { name: string; bytes: Uint8Array }[], options: SteppedImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress, every = 250 } = options;
  const pause = options.pause ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  const steps = importSteps(files, options);
  let sinceYield = 0;
  for (;;) {
    if (signal?.aborted) throw new ImportCancelled();
    const step = steps.next();
    if (step.done) return step.value;
    const p = step.value;
    // Before and after a file's parsing, and every `every` records, the event loop gets a turn.
    if (p.stage === 'parse' || p.done === 0 || ++sinceYield >= every || p.done === p.total) {
      sinceYield = 0;
      onProgress?.(p);
      await pause();
    }
  }
}

/** The check as steps: it yields before each file is parsed, after it is parsed, and after each record is standardised. */
function* importSteps(files: { name: string; bytes: Uint8Array }[], options: ImportOptions): Generator<CheckProgress, ImportResult> {
  const now = options.now ?? new Date();
  const entries: Entry[] = [];
  const problems: ImportProblem[] = [];
  const files_: FileSummary[] = [];
  const firstSeen = new Map<string, Location>();
  const maxEntries = options.maxEntries ?? MAX_IMPORT_ENTRIES;
  let passedLimitIn: FileSummary | undefined;
  for (const [index, file] of files.entries()) {
    const list = new ProblemList();
    const summary: FileSummary = { name: file.name, entries: 0, errors: 0, warnings: 0 };
    const progress = (stage: CheckProgress['stage'], done: number, total: number): CheckProgress => ({ file: file.name, index, count: files.length, stage, done, total });
    yield progress('parse', 0, 0);
    try {
      const records = parseOne(file, options, list, summary);
      yield progress('check', 0, records.length);
      for (const [i, record] of records.entries()) {
        const entry = standardiseRecord(record, now, list);
        if (entry) {
          const first = firstSeen.get(entry.id);
          if (first) {
            list.error(record.at, 'id', `${JSON.stringify(entry.id)} is used more than once: also by ${where(first)}; every entry needs its own id`);
          } else {
            firstSeen.set(entry.id, record.at);
            entries.push(entry);
            summary.entries++;
            if (entries.length === maxEntries + 1) passedLimitIn = summary;
          }
        }
        yield progress('check', i + 1, records.length);
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
  if (passedLimitIn) {
    const n = (x: number) => x.toLocaleString('en');
    problems.push({
      file: passedLimitIn.name,
      message: `this import holds ${n(entries.length)} entries; one import takes at most ${n(maxEntries)}: split the files and import them one after another`,
      severity: 'error',
    });
    passedLimitIn.errors++;
  }
  return { entries, problems, files: files_ };
}

/** Decodes and parses one file into records; what is wrong with it goes to `list`. */
function parseOne(file: { name: string; bytes: Uint8Array }, options: ImportOptions, list: ProblemList, summary: FileSummary): RawRecord[] {
  const forced = options.format;
  const at = { file: file.name };
  if (file.bytes.length > MAX_FILE_BYTES) {
    list.error(at, undefined, `is ${(file.bytes.length / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file`);
    return [];
  }
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) {
    list.error(at, undefined, decoded.message);
    return [];
  }
  summary.encoding = decoded.encoding;
  if (decoded.warning) list.warn(at, undefined, decoded.warning);
  const format = forced ?? detectFormat(file.name, decoded.text);
  if (!format) {
    list.error(at, undefined, `is not a file Agent Assist imports: use ${IMPORTABLE_EXTENSIONS.join(', ')} (${Object.values(FORMATS).map((f) => f.label).join('; ')})`);
    return [];
  }
  summary.format = format;
  const mapping = (options.csvMappings && Object.hasOwn(options.csvMappings, file.name) ? options.csvMappings[file.name] : undefined) ?? options.csvMapping;
  const parsed = readFile(format, { name: file.name, text: decoded.text }, mapping ? { csvMapping: mapping } : undefined);
  list.items.push(...parsed.problems);
  return parsed.records;
}

function where(at: Location): string {
  return formatProblem({ ...at, message: '' }).replace(/: $/, '');
}
