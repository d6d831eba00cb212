import { ImportCancelled, importFilesStepped, type ImportOptions, type ImportResult } from '@/knowledge/standardise';
import { DETECT_BYTES, detectFile, type DetectOptions, type DetectedFile } from '@/knowledge/formats/detect';

export { ImportCancelled };

/**
 * Where an import check stands. `read`: bytes of all files read so far (`loaded` of `total`).
 * `check`: the file `file` is being parsed (`loaded` 0 of `total` 0) or its records standardised
 * (`loaded` of `total` records).
 */
export interface ReadProgress {
  stage: 'read' | 'check';
  file: string;
  index: number;
  count: number;
  loaded: number;
  total: number;
}

async function readOne(file: File, signal: AbortSignal, progress: (loaded: number) => void): Promise<Uint8Array> {
  if (typeof file.stream !== 'function') return new Uint8Array(await file.arrayBuffer());
  const reader = file.stream().getReader();
  const out = new Uint8Array(file.size);
  let at = 0;
  for (;;) {
    if (signal.aborted) {
      await reader.cancel();
      throw new ImportCancelled();
    }
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    progress(at);
  }
  return at === out.length ? out : out.slice(0, at);
}

/**
 * Reads the chosen files, then checks them (importFilesStepped): progress all the way, and
 * cancellable between file chunks and every few hundred records. A dry run: nothing is stored
 * until the agent applies the whole result (all or nothing); a cancelled check has no result.
 */
export async function checkFiles(
  files: readonly File[],
  signal: AbortSignal,
  onProgress: (p: ReadProgress) => void,
  /** How the check gives the event loop a turn between steps (importFilesStepped's default when absent). */
  pause?: () => Promise<void>,
  /** Column mappings for CSV files, by the file's path (see detectDropped). */
  csvMappings?: ImportOptions['csvMappings'],
): Promise<ImportResult> {
  const total = files.reduce((s, f) => s + f.size, 0);
  const read: { name: string; bytes: Uint8Array }[] = [];
  let before = 0;
  for (const [index, file] of files.entries()) {
    const bytes = await readOne(file, signal, (loaded) => onProgress({ stage: 'read', file: file.name, index, count: files.length, loaded: before + loaded, total }));
    read.push({ name: pathOf(file), bytes });
    before += file.size;
  }
  return importFilesStepped(read, {
    signal,
    ...(csvMappings ? { csvMappings } : {}),
    ...(pause ? { pause } : {}),
    onProgress: (p) => onProgress({ stage: 'check', file: p.file, index: p.index, count: p.count, loaded: p.done, total: p.total }),
  });
}

/** A file's path inside a dropped or chosen folder (`kb/returns/faq.csv`), else its name: every problem names it. */
export function pathOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

/**
 * What the dropped files (or a whole folder) hold, from the first 256 KB of each: format, encoding,
 * the files left out and why, a CSV's header and proposed mapping (detectFile). Reads nothing else.
 */
export async function detectDropped(files: readonly File[], options: DetectOptions = {}): Promise<DetectedFile[]> {
  const out: DetectedFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.slice(0, DETECT_BYTES).arrayBuffer());
    out.push(detectFile({ name: pathOf(file), bytes, size: file.size }, options));
  }
  return out;
}
