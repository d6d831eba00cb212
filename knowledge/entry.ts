import { z } from 'zod';

/**
 * The knowledge entry: the one standard every source (CSV, Markdown, Zendesk, ...) is brought to.
 * Bump SCHEMA_VERSION when the shape changes, and add the migration in knowledge/store/.
 */
export const SCHEMA_VERSION = 1 as const;

export const ENTRY_STATUSES = ['draft', 'in_review', 'approved', 'archived'] as const;
export const EntryStatus = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const SOURCE_FORMATS = [
  'json', 'csv', 'markdown', 'zendesk-macros', 'zendesk-guide', 'helpscout-saved-replies', 'freshdesk-canned-responses',
  'front-message-templates', 'intercom-saved-replies', 'manual',
] as const;
export const SourceFormat = z.enum(SOURCE_FORMATS);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** Limits a team lead can understand; a longer field is an error, never silently cut. */
export const LIMITS = {
  id: 128,
  title: 200,
  body: 20_000,
  question: 500,
  questions: 200,
  tag: 64,
  tags: 50,
  owner: 200,
  customValue: 5_000,
} as const;

/** Entries one import may land: the import check refuses more, and so does the apply message. */
export const MAX_IMPORT_ENTRIES = 50_000;

/** Stable ids: letters, digits and . _ : - (so they survive CSV, file names and URLs). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** A calendar date, as people write it in a review plan: 2026-12-31. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** BCP 47 language tag, the common subset: en, en-GB, pt-BR, zh-Hant, es-419. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

export function isRealDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const IsoDate = z.string().refine(isRealDate, { message: 'is not a date (expected YYYY-MM-DD)' });
const IsoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), {
  message: 'is not a date and time (expected ISO 8601, e.g. 2026-01-31T09:00:00Z)',
});

export const EntrySource = z.object({
  format: SourceFormat,
  /** File name the entry came from (base name or path relative to the imported folder). */
  file: z.string().max(1000),
  /** Spreadsheet row (header = row 1) for CSV, array index + 1 for JSON lists. */
  row: z.number().int().positive().optional(),
  /** Path inside a folder or JSON document, when there is no row. */
  path: z.string().max(1000).optional(),
});
export type EntrySource = z.infer<typeof EntrySource>;

export const Entry = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1).max(LIMITS.id).regex(ID_PATTERN, 'may only contain letters, digits and . _ : -'),
  title: z.string().trim().min(1, 'is empty').max(LIMITS.title),
  /** The answer, in the Markdown subset of knowledge/markdown.ts, with {{placeholders}}. */
  body: z.string().trim().min(1, 'is empty').max(LIMITS.body),
  /** The ways customers ask it; used by search. */
  questions: z.array(z.string().trim().min(1).max(LIMITS.question)).max(LIMITS.questions),
  tags: z.array(z.string().trim().min(1).max(LIMITS.tag)).max(LIMITS.tags),
  locale: z.string().regex(LOCALE_PATTERN, 'is not a language tag (e.g. en, en-GB, de)'),
  status: EntryStatus,
  /** Who answers for this entry: a name or an email. Empty means nobody (a quality problem). */
  owner: z.string().trim().max(LIMITS.owner),
  /** After this day the entry is stale: never suggested until reviewed again. */
  reviewBy: IsoDate.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Increases by one on every saved change. */
  version: z.number().int().positive(),
  source: EntrySource,
  /**
   * Entries with the same translationGroup are translations of one answer (one per locale), e.g.
   * `zendesk-article-115001` for every locale of that Zendesk Guide article. Optional: most entries
   * have no translations. Duplicate checks compare entries of different locales only inside a group.
   */
  translationGroup: z.string().min(1).max(LIMITS.id).regex(ID_PATTERN, 'may only contain letters, digits and . _ : -').optional(),
  /** Extra columns/fields from the source, kept as they were. */
  custom: z.record(z.string(), z.string().max(LIMITS.customValue)),
});
export type Entry = z.infer<typeof Entry>;

/** Today as YYYY-MM-DD in UTC; pass `now` in tests. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Only approved entries whose review date has not passed are ever suggested to an agent. */
export function isSuggestable(entry: Pick<Entry, 'status' | 'reviewBy'>, day: string = today()): boolean {
  return entry.status === 'approved' && (entry.reviewBy === undefined || entry.reviewBy >= day);
}

/** Why isSuggestable refuses an entry: one reason per rule it fails (empty exactly when it is suggestable). */
export type NotSuggestedReason = 'draft' | 'in_review' | 'archived' | 'overdue';

export function whyNotSuggested(entry: Pick<Entry, 'status' | 'reviewBy'>, day: string = today()): NotSuggestedReason[] {
  const reasons: NotSuggestedReason[] = [];
  if (entry.status !== 'approved') reasons.push(entry.status);
  if (entry.reviewBy !== undefined && entry.reviewBy < day) reasons.push('overdue');
  return reasons;
}

/** The same reasons in words, for the list and the editor: "draft", "overdue since 2026-10-02" (the day after its review date). */
export function describeWhyNotSuggested(entry: Pick<Entry, 'status' | 'reviewBy'>, day: string = today()): string[] {
  return whyNotSuggested(entry, day).map((r) => {
    if (r === 'in_review') return 'in review';
    if (r !== 'overdue') return r;
    const since = new Date(`${entry.reviewBy}T00:00:00Z`);
    since.setUTCDate(since.getUTCDate() + 1);
    return `overdue since ${today(since)}`;
  });
}

export type Freshness = 'fresh' | 'due-soon' | 'stale' | 'no-review-date';

/** How the panel labels an entry's review state; "due soon" is within 30 days. */
export function freshness(entry: Pick<Entry, 'reviewBy'>, day: string = today()): Freshness {
  if (!entry.reviewBy) return 'no-review-date';
  if (entry.reviewBy < day) return 'stale';
  const soon = new Date(`${day}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 30);
  return entry.reviewBy <= soon.toISOString().slice(0, 10) ? 'due-soon' : 'fresh';
}

/** What a team lead would call the same entry: everything but bookkeeping (version, dates, where it was read from). */
export function sameContent(a: Entry, b: Entry): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

function contentOf(e: Entry): unknown[] {
  const custom = Object.keys(e.custom)
    .sort()
    .map((k) => [k, e.custom[k]]);
  return [e.title, e.body, e.questions, e.tags, e.locale, e.status, e.owner, e.reviewBy ?? null, custom, e.translationGroup ?? null];
}
