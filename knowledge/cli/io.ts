import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Entry } from '../entry.ts';
import { isImportableName } from '../formats/index.ts';
import { CSV_COLUMNS, type CsvMapping } from '../formats/csv.ts';
import { csvHeaders, proposeCsvMapping } from '../formats/csv-mapping.ts';
import { decodeText } from '../formats/encoding.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../formats/record.ts';
import { formatProblem, hasErrors, type ImportProblem } from '../problems.ts';
import { importFiles, type ImportResult } from '../standardise.ts';

/** A mistake by the person running the command: its message is shown as it is, without a stack trace (exit 1). */
export class UserError extends Error {}

/** A mistake in how the command was called (unknown option, missing argument, bad value): shown with the usage, exit 2. */
export class UsageError extends UserError {}

/** Where a command writes; tests capture it. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * `kb … | head` closes stdout early: the next write fails with EPIPE, which Node reports as an
 * unhandled 'error' event (a crash with a stack trace). The reader has what it wanted: exit quietly.
 */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.EventEmitter, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    exit(0);
  });
}

/** Every command file exports its `usage` line (without "usage: ") and `run`, which returns the exit code (0 fine, 1 problems found). */
export interface Command {
  usage: string;
  /** A longer text for `kb <command> --help`, when the one-line description is not enough. */
  help?: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Files and folders (read recursively for .json, .csv, .tsv, .md) -> named bytes, in a stable order. */
export async function readInputs(paths: string[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  if (!paths.length) throw new UsageError('no files or folders given');
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new UserError(`${given}: no such file or folder`);
    if (info.isDirectory()) {
      const found = await listFolder(given);
      if (!found.length) throw new UserError(`${given}: the folder has no .json, .csv or .md files`);
      for (const file of found) out.push({ name: displayName(file), bytes: await readFile(file) });
    } else {
      out.push({ name: displayName(given), bytes: await readFile(given) });
    }
  }
  return out;
}

async function listFolder(dir: string): Promise<string[]> {
  const items = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: string[] = [];
  for (const item of items) {
    if (item.name.startsWith('.') || item.name === 'node_modules') continue;
    const full = path.join(dir, item.name);
    if (item.isDirectory()) files.push(...(await listFolder(full)));
    else if (item.isFile() && isImportableName(item.name)) files.push(full);
  }
  return files;
}

function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

const MAP_TARGETS = [...CSV_COLUMNS, 'custom', 'ignore'];

/**
 * `--map` for CSV columns: a JSON object, given inline or as a file, from the header as the file
 * writes it to a column name, `custom` or `ignore`: --map '{"Question":"title","Reply":"body"}'.
 */
export async function mapArg(value: string | undefined): Promise<CsvMapping | undefined> {
  if (value === undefined) return undefined;
  const text = value.trim().startsWith('{') ? value : await readFile(value, 'utf8').catch(() => {
    throw new UsageError(`--map ${value}: neither a JSON object nor a file that can be read`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--map: not valid JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--map: expected a JSON object like {"Question": "title", "Reply": "body"}');
  for (const [header, target] of Object.entries(parsed)) {
    if (typeof target !== 'string' || !MAP_TARGETS.includes(target)) {
      throw new UsageError(`--map: ${JSON.stringify(header)} is mapped to ${JSON.stringify(target)}; use one of ${MAP_TARGETS.join(', ')}`);
    }
  }
  return parsed as CsvMapping;
}

/**
 * For each CSV without its title or body column: the mapping proposeCsvMapping suggests, as a
 * --map argument to try (printed by validate and import; nothing is guessed silently).
 */
export function mappingHints(result: ImportResult, inputs: readonly { name: string; bytes: Uint8Array }[]): string[] {
  const missing = new Set(result.problems.filter((p) => p.row === 1 && (p.field === 'title' || p.field === 'body') && /column is missing/.test(p.message)).map((p) => p.file));
  return inputs
    .filter((f) => missing.has(f.name))
    .flatMap((f) => {
      const decoded = decodeText(f.bytes);
      if (!decoded.ok) return [];
      const proposal = proposeCsvMapping(csvHeaders(decoded.text));
      if (proposal.missing.length) return [];
      const map = Object.fromEntries(Object.entries(proposal.mapping).filter(([, t]) => t !== 'custom'));
      return [`hint: ${f.name}: its columns look like ${Object.entries(map).map(([h, t]) => `${h} = ${t}`).join(', ')}; try --map '${JSON.stringify(map)}'`];
    });
}

/** The knowledge base behind `--kb`: any importable files or folders. Errors stop the command. */
export async function loadKnowledge(paths: string[]): Promise<{ entries: Entry[]; problems: ImportProblem[] }> {
  // Reading a knowledge base is not landing it: MAX_IMPORT_ENTRIES does not apply.
  const result = importFiles(await readInputs(paths), { maxEntries: Infinity });
  if (hasErrors(result.problems)) {
    throw new UserError(`${describeProblems(result.problems).join('\n')}\nThe knowledge base has errors; fix them and try again.`);
  }
  return { entries: result.entries, problems: result.problems };
}

/** One line per problem, warnings marked, as `file row N, field: message`. */
export function describeProblems(problems: readonly ImportProblem[]): string[] {
  return problems.map((p) => (p.severity === 'warning' ? `warning: ${formatProblem(p)}` : formatProblem(p)));
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes export files: one file to `out`, or several into the folder `out`. */
export async function writeOutput(out: string, files: { name: string; bytes: Uint8Array }[], asFolder: boolean): Promise<string> {
  const info = await stat(out).catch(() => undefined);
  if (!asFolder) {
    if (info?.isDirectory()) throw new UserError(`${out} is a folder; give a file name for --out`);
    await writeAtomic(out, files[0]?.bytes ?? new Uint8Array());
    return out;
  }
  if (info && !info.isDirectory()) throw new UserError(`${out} is a file; Markdown is written as one .md file per entry into a folder`);
  for (const f of files) await writeAtomic(path.join(out, f.name), f.bytes);
  return `${files.length} files in ${out}`;
}

/** --format, or a guess from --out: .json and .csv are files; anything else must say --format. */
export function outputFormat(format: string | undefined, out: string): ExportFormat {
  if (format !== undefined) {
    if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
    throw new UsageError(`--format ${format}: not a format; use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (/\.json$/i.test(out)) return 'json';
  if (/\.csv$/i.test(out)) return 'csv';
  throw new UsageError(`--out ${out}: say which format to write with --format ${EXPORT_FORMATS.join('|')}`);
}
