import type { CsvMapping } from './csv.ts';
import { delimiterOf } from './csv.ts';
import { csvHeaders, proposeCsvMapping, type MappingProposal } from './csv-mapping.ts';
import { decodeText, type Encoding } from './encoding.ts';
import { FORMATS, IMPORTABLE_EXTENSIONS, detectFormat, isImportableName } from './index.ts';
import type { FormatId } from './record.ts';

/**
 * What an import wizard shows right after files or a whole folder are dropped, before any check:
 * each file by its path in the folder, its format and encoding as detected, the files that will be
 * left out and why, and for a CSV its header with a proposed column mapping. Pure and cheap: only
 * the first bytes decide the format.
 */
export interface DetectedFile {
  /** The path as dropped (`kb/returns/faq.csv` for a folder), the name every problem uses. */
  name: string;
  size: number;
  format?: FormatId;
  /** What a person calls the format. */
  label?: string;
  encoding?: Encoding;
  /** Why the file is left out of the import (hidden file, not a knowledge format); absent when it is read. */
  skipped?: string;
  /** A file that would be read but cannot be: not text, or an encoding we do not read. */
  error?: string;
  /** A file saved in another encoding than UTF-8 (read, with this warning). */
  warning?: string;
  csv?: { delimiter: string; headers: string[]; proposal: MappingProposal };
}

export interface DetectOptions {
  /** A mapping remembered for a CSV's headers (knowledge/store/csv-mappings.ts), used by its proposal. */
  remembered?: (headers: string[]) => CsvMapping | undefined;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' };

export function describeDelimiter(d: string): string {
  return DELIMITER_NAMES[d] ?? JSON.stringify(d);
}

export function detectFiles(files: readonly { name: string; bytes: Uint8Array; size?: number }[], options: DetectOptions = {}): DetectedFile[] {
  return files.map((file) => detectFile(file, options));
}

/**
 * `bytes` may be only the start of the file (a page reads the first 256 KB of each dropped file);
 * then `size` is the whole file's size.
 */
export function detectFile(file: { name: string; bytes: Uint8Array; size?: number }, options: DetectOptions = {}): DetectedFile {
  const out: DetectedFile = { name: file.name, size: file.size ?? file.bytes.length };
  const parts = file.name.split(/[\\/]/);
  // Folders carry system files: .DS_Store, Thumbs.db, __MACOSX/ copies, editor backups.
  if (parts.some((p) => p.startsWith('.') || p === '__MACOSX') || /^(thumbs\.db|desktop\.ini)$/i.test(parts.at(-1) ?? '')) {
    return { ...out, skipped: 'a hidden or system file' };
  }
  if (!isImportableName(file.name)) {
    return { ...out, skipped: `not a knowledge file (Agent Assist reads ${IMPORTABLE_EXTENSIONS.join(', ')})` };
  }
  // The first 256 KB decide the encoding and the format; the check reads the whole file.
  const decoded = decodeHead(file.bytes, out.size);
  if (!decoded.ok) return { ...out, error: decoded.message };
  const format = detectFormat(file.name, decoded.text);
  if (!format) return { ...out, skipped: `not a knowledge file (Agent Assist reads ${IMPORTABLE_EXTENSIONS.join(', ')})` };
  const detected: DetectedFile = { ...out, format, label: FORMATS[format].label, encoding: decoded.encoding, ...(decoded.warning ? { warning: decoded.warning } : {}) };
  if (format === 'csv') {
    const text = decoded.text.replace(/^\uFEFF/, '');
    const headers = csvHeaders(text);
    detected.csv = { delimiter: delimiterOf(text.replace(/\r\n?/g, '\n')), headers, proposal: proposeCsvMapping(headers, options.remembered?.(headers)) };
  }
  return detected;
}

const HEAD = 256 * 1024;

/**
 * The encoding from the first 256 KB. The cut may fall inside a character (a UTF-8 sequence, a
 * UTF-16 surrogate pair): up to three bytes are dropped before the prefix counts as not UTF-8.
 */
function decodeHead(bytes: Uint8Array, size: number): ReturnType<typeof decodeText> {
  const head = bytes.subarray(0, HEAD);
  if (head.length >= size) return decodeText(head);
  for (let cut = 0; cut < 4; cut++) {
    const d = decodeText(head.subarray(0, head.length - cut));
    if (d.ok && d.encoding !== 'windows-1252') return d;
  }
  return decodeText(head);
}

/** How much of a file detectFile needs. */
export const DETECT_BYTES = HEAD;
