import type { z } from 'zod';
import { Entry, SCHEMA_VERSION, type Entry as EntryT } from '../entry.ts';

/**
 * The entry editor's form: every field of an entry as the lead types it (tags as one
 * comma-separated line, questions and custom fields as lists), and the way back to an entry,
 * checked with the same zod schema the import uses, field by field.
 */
export interface EntryForm {
  id: string;
  title: string;
  body: string;
  questions: string[];
  /** Comma-separated. */
  tags: string;
  locale: string;
  owner: string;
  /** YYYY-MM-DD, or empty for none. */
  reviewBy: string;
  custom: { key: string; value: string }[];
}

/** The fields the form shows an error under; questions.N and custom.N point at one row. */
export type FormField = keyof EntryForm | `questions.${number}` | `custom.${number}`;
export type FormErrors = Partial<Record<FormField, string>>;

export const FIELD_LABELS: Record<keyof EntryForm, string> = {
  id: 'Id',
  title: 'Title',
  body: 'Answer',
  questions: 'Example questions',
  tags: 'Tags',
  locale: 'Language',
  owner: 'Owner',
  reviewBy: 'Review by',
  custom: 'Custom fields',
};

export function emptyForm(locale = 'en'): EntryForm {
  return { id: '', title: '', body: '', questions: [''], tags: '', locale, owner: '', reviewBy: '', custom: [] };
}

export function formOf(e: EntryT): EntryForm {
  return {
    id: e.id,
    title: e.title,
    body: e.body,
    questions: e.questions.length ? [...e.questions] : [''],
    tags: e.tags.join(', '),
    locale: e.locale,
    owner: e.owner,
    reviewBy: e.reviewBy ?? '',
    custom: Object.entries(e.custom).map(([key, value]) => ({ key, value })),
  };
}

export function splitTags(tags: string): string[] {
  return [...new Set(tags.split(',').map((t) => t.trim()).filter(Boolean))];
}

/**
 * The entry the form describes, on top of `base` (the stored entry; undefined for a new one: a
 * draft written by hand). Blank question and custom rows are left out: an added row not yet filled
 * is not an error. Not yet validated: see checkForm.
 */
export function candidateOf(form: EntryForm, base: EntryT | undefined, now: Date = new Date()): Record<string, unknown> {
  const at = now.toISOString();
  const custom: Record<string, string> = {};
  for (const row of form.custom) if (row.key.trim() || row.value.trim()) custom[row.key.trim()] = row.value;
  const candidate: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    id: form.id.trim(),
    title: form.title,
    body: form.body,
    questions: form.questions.filter((q) => q.trim()),
    tags: splitTags(form.tags),
    locale: form.locale.trim(),
    status: base?.status ?? 'draft',
    owner: form.owner,
    createdAt: base?.createdAt ?? at,
    updatedAt: base?.updatedAt ?? at,
    version: base?.version ?? 1,
    source: base?.source ?? { format: 'manual', file: 'dashboard' },
    custom,
  };
  if (form.reviewBy.trim()) candidate.reviewBy = form.reviewBy.trim();
  return candidate;
}

export type Checked = { ok: true; entry: EntryT } | { ok: false; errors: FormErrors };

/** The form checked by the import's schema (knowledge/entry.ts): the entry, or one message per field. */
export function checkForm(form: EntryForm, base: EntryT | undefined, now?: Date): Checked {
  const candidate = candidateOf(form, base, now);
  const parsed = Entry.safeParse(candidate);
  const errors: FormErrors = {};
  const customKeys = form.custom.filter((r) => r.key.trim() || r.value.trim());
  customKeys.forEach((row, i) => {
    if (!row.key.trim()) errors[`custom.${i}`] = 'Custom field name is empty.';
  });
  if (new Set(customKeys.map((r) => r.key.trim())).size < customKeys.length) errors.custom = 'Custom fields: two have the same name.';
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, entry: parsed.data };
  const filledQuestions = form.questions.flatMap((q, i) => (q.trim() ? [i] : []));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [head, sub] = issue.path;
    const field = String(head) as keyof EntryForm;
    let key: FormField = field in FIELD_LABELS ? field : 'title';
    if (field === 'questions' && typeof sub === 'number') key = `questions.${filledQuestions[sub] ?? sub}`;
    if (field === 'custom' && typeof sub === 'string') {
      const row = customKeys.findIndex((r) => r.key.trim() === sub);
      key = row >= 0 ? `custom.${row}` : 'custom';
    }
    const label = field === 'questions' && typeof sub === 'number' ? `Question ${(filledQuestions[sub] ?? sub) + 1}` : FIELD_LABELS[field] ?? String(head);
    errors[key] ??= `${label} ${inWords(issue)}.`;
  }
  return { ok: false, errors };
}

/** zod's own messages ("Too big: expected string to have <=200 characters") as a lead reads them. */
function inWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') return issue.origin === 'array' ? `has more than ${issue.maximum} items` : `is longer than ${issue.maximum} characters`;
  if (issue.code === 'too_small') return issue.origin === 'array' ? `needs at least ${issue.minimum}` : 'is empty';
  return issue.message;
}

/** Same form content (what "unsaved changes" compares): blank rows and tag spacing do not count. */
export function sameForm(a: EntryForm, b: EntryForm): boolean {
  return JSON.stringify(candidateOf(a, undefined, EPOCH)) === JSON.stringify(candidateOf(b, undefined, EPOCH));
}

const EPOCH = new Date(0);
