import type { EntrySource, EntryStatus, SourceFormat } from '../entry.ts';
import type { ImportProblem, Location } from '../problems.ts';

/** Formats that can be imported (every source format but entries typed in by hand). */
export const IMPORT_FORMATS = [
  'json', 'csv', 'markdown', 'zendesk-macros', 'zendesk-guide', 'helpscout-saved-replies', 'freshdesk-canned-responses',
  'front-message-templates', 'intercom-saved-replies',
] as const;
export type FormatId = (typeof IMPORT_FORMATS)[number] & SourceFormat;
export const EXPORT_FORMATS = ['json', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The fields of an entry as a source holds them, before standardising. */
export interface RawFields {
  id?: unknown;
  title?: unknown;
  body?: unknown;
  questions?: unknown;
  tags?: unknown;
  locale?: unknown;
  status?: unknown;
  owner?: unknown;
  reviewBy?: unknown;
  createdAt?: unknown;
  updatedAt?: unknown;
  version?: unknown;
  source?: unknown;
  translationGroup?: unknown;
}
export type FieldKey = keyof RawFields;

/** One record read from a file; knowledge/standardise.ts turns it into an Entry or problems. */
export interface RawRecord {
  at: Location;
  fields: RawFields;
  /** HTML bodies (Zendesk) are sanitised and converted; Markdown bodies are kept if in the subset. */
  bodyKind: 'markdown' | 'html';
  custom: Record<string, unknown>;
  /** How this source names each field, for messages (`review_by` in CSV, `reviewBy` in JSON). */
  names?: Partial<Record<FieldKey, string>>;
  /** Used when the source lacks a field. */
  defaults: { id?: string; status: EntryStatus; source: EntrySource };
  /** Canonical JSON entries are already standard: their own schemaVersion must be checked. */
  schemaVersion?: unknown;
}

export interface TextFile {
  name: string;
  text: string;
}

export interface ParsedFile {
  records: RawRecord[];
  problems: ImportProblem[];
}

/** Choices a reader takes besides the file: for CSV, which column holds what. */
export interface ReadOptions {
  csvMapping?: Readonly<Record<string, string>>;
}

export interface FormatReader {
  read(file: TextFile, options?: ReadOptions): ParsedFile;
}

/** A file's base name, for `source.file` and messages. */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}
