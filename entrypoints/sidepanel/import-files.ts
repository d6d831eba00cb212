import { importFiles, type ImportResult } from '@/knowledge/standardise';

export interface ReadProgress {
  file: string;
  index: number;
  count: number;
  loaded: number;
  total: number;
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
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
 * Reads the chosen files (with progress, cancellable between chunks), then checks them with
 * importFiles: a dry run, nothing is stored until the agent applies it.
 */
export async function checkFiles(files: readonly File[], signal: AbortSignal, onProgress: (p: ReadProgress) => void): Promise<ImportResult> {
  const total = files.reduce((s, f) => s + f.size, 0);
  const read: { name: string; bytes: Uint8Array }[] = [];
  let before = 0;
  for (const [index, file] of files.entries()) {
    const bytes = await readOne(file, signal, (loaded) => onProgress({ file: file.name, index, count: files.length, loaded: before + loaded, total }));
    read.push({ name: file.name, bytes });
    before += file.size;
  }
  // Let the progress bar paint "checking" before the synchronous check runs.
  await new Promise((r) => setTimeout(r, 0));
  if (signal.aborted) throw new ImportCancelled();
  return importFiles(read);
}
