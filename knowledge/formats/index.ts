import type { Entry } from '../entry.ts';
import { readCsv, writeCsv } from './csv.ts';
import { readCanonical, writeCanonical } from './json.ts';
import { markdownFileNames, readMarkdown, writeMarkdown } from './markdown.ts';
import type { ExportFormat, FormatId, FormatReader, ParsedFile, ReadOptions, TextFile } from './record.ts';
import { readZendeskGuide } from './zendesk-guide.ts';
import { readZendeskMacros } from './zendesk-macros.ts';
import { readHelpScoutSavedReplies } from './helpscout-saved-replies.ts';
import { readFreshdeskCannedResponses } from './freshdesk-canned-responses.ts';
import { readFrontMessageTemplates } from './front-message-templates.ts';
import { readIntercomSavedReplies } from './intercom-saved-replies.ts';

export { IMPORT_FORMATS, EXPORT_FORMATS, type FormatId, type ExportFormat } from './record.ts';

/** Every importable format, with what a person calls it. */
export const FORMATS: Record<FormatId, FormatReader & { label: string }> = {
  json: { label: 'Agent Assist knowledge (JSON)', read: readCanonical },
  csv: { label: 'CSV spreadsheet', read: (file, options) => readCsv(file, options?.csvMapping ? { mapping: options.csvMapping } : {}) },
  markdown: { label: 'Markdown with front matter', read: readMarkdown },
  'zendesk-macros': { label: 'Zendesk macros (API JSON)', read: readZendeskMacros },
  'zendesk-guide': { label: 'Zendesk Guide articles and translations (API JSON)', read: readZendeskGuide },
  'helpscout-saved-replies': { label: 'Help Scout saved replies (API JSON)', read: readHelpScoutSavedReplies },
  'freshdesk-canned-responses': { label: 'Freshdesk canned responses (API JSON)', read: readFreshdeskCannedResponses },
  'front-message-templates': { label: 'Front message templates (API JSON)', read: readFrontMessageTemplates },
  'intercom-saved-replies': { label: 'Intercom saved replies (macros API JSON)', read: readIntercomSavedReplies },
};

/** File name endings that importing a folder picks up. */
export const IMPORTABLE_EXTENSIONS = ['.json', '.csv', '.tsv', '.md', '.markdown'];

export function isImportableName(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The format of a file from its name and, for JSON, what it holds; undefined when not importable. */
export function detectFormat(name: string, text: string): FormatId | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (!lower.endsWith('.json')) return undefined;
  return detectJson(text);
}

/**
 * Which API a JSON file came from, by the keys only that API writes (read from the start of the
 * file, so a 50 MB export is not parsed twice). Agent Assist's own file when nothing else fits:
 * its reader then says what it expected.
 */
function detectJson(text: string): FormatId {
  const head = text.slice(0, 64 * 1024);
  if (/"format"\s*:\s*"agent-assist\/knowledge"/.test(head)) return 'json';
  if (/"type"\s*:\s*"macro"/.test(head)) return 'intercom-saved-replies';
  if (/"macros?"\s*:\s*[[{]/.test(head)) return 'zendesk-macros';
  if (/"articles?"\s*:\s*[[{]/.test(head) || /"translations?"\s*:\s*[[{]/.test(head) || /"source_type"\s*:\s*"article"/i.test(head)) return 'zendesk-guide';
  if (/"_results"\s*:\s*\[/.test(head) || /"id"\s*:\s*"rsp_/.test(head)) return 'front-message-templates';
  if (/"content_html"\s*:/.test(head) || /"folder_id"\s*:/.test(head)) return 'freshdesk-canned-responses';
  if (/^\s*[[{]/.test(head) && /"name"\s*:/.test(head) && /"(text|chatText|preview|chatPreview)"\s*:/.test(head)) return 'helpscout-saved-replies';
  return 'json';
}

export function readFile(format: FormatId, file: TextFile, options?: ReadOptions): ParsedFile {
  return FORMATS[format].read(file, options);
}

/**
 * Entries -> files. json: one canonical `knowledge.json`; csv: one `knowledge.csv`;
 * markdown: one `<id>.md` per entry (markdownFileNames: unique ignoring case, safe on Windows).
 * Importing them gives back the same entries.
 */
export function exportEntries(entries: readonly Entry[], format: ExportFormat): { name: string; bytes: Uint8Array }[] {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  switch (format) {
    case 'json':
      return [{ name: 'knowledge.json', bytes: utf8(writeCanonical(sorted)) }];
    case 'csv':
      return [{ name: 'knowledge.csv', bytes: utf8(writeCsv(sorted)) }];
    case 'markdown': {
      const names = markdownFileNames(sorted.map((e) => e.id));
      return sorted.map((e, i) => ({ name: names[i]!, bytes: utf8(writeMarkdown(e)) }));
    }
  }
}
