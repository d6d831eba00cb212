import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Entry } from '../entry.ts';

/**
 * Two versions of an entry side by side, as the history view shows them. Each version becomes
 * labelled lines (one per field, one per question, the answer line by line); the `diff` package
 * aligns the lines, and changed lines that face each other are compared word by word.
 */
export interface DiffLine {
  /** The field this line belongs to ("Title", "Question", "Answer"). */
  field: string;
  text: string;
}

export interface DiffPart {
  text: string;
  changed: boolean;
}

export interface DiffSide {
  field: string;
  parts: DiffPart[];
}

/** One row of the side-by-side view; a side is absent where the other version has a line this one lacks. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added';
  left?: DiffSide;
  right?: DiffSide;
}

export function entryLines(e: Entry): DiffLine[] {
  const lines: DiffLine[] = [
    { field: 'Title', text: e.title },
    { field: 'Status', text: e.status.replace('_', ' ') },
    { field: 'Owner', text: e.owner || '(nobody)' },
    { field: 'Language', text: e.locale },
    { field: 'Tags', text: e.tags.join(', ') },
    { field: 'Review by', text: e.reviewBy ?? '(none)' },
    ...e.questions.map((q) => ({ field: 'Question', text: q })),
    ...Object.keys(e.custom)
      .sort()
      .map((k) => ({ field: `Custom: ${k}`, text: e.custom[k]! })),
  ];
  for (const line of e.body.split('\n')) lines.push({ field: 'Answer', text: line });
  return lines;
}

const key = (l: DiffLine) => `${l.field}\u0000${l.text}`;

export function sideBySide(before: Entry, after: Entry): DiffRow[] {
  const changes = diffArrays(entryLines(before).map(key), entryLines(after).map(key));
  const rows: DiffRow[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      for (const k of c.value) rows.push({ kind: 'same', left: whole(k, false), right: whole(k, false) });
      continue;
    }
    const next = changes[i + 1];
    const removed = c.removed ? c.value : [];
    const added = c.added ? c.value : c.removed && next?.added ? next.value : [];
    if (c.removed && next?.added) i++;
    for (let j = 0; j < Math.max(removed.length, added.length); j++) {
      const l = removed[j];
      const r = added[j];
      if (l !== undefined && r !== undefined) rows.push({ kind: 'changed', ...words(l, r) });
      else if (l !== undefined) rows.push({ kind: 'removed', left: whole(l, true) });
      else rows.push({ kind: 'added', right: whole(r!, true) });
    }
  }
  return rows;
}

function split(k: string): DiffLine {
  const at = k.indexOf('\u0000');
  return { field: k.slice(0, at), text: k.slice(at + 1) };
}

function whole(k: string, changed: boolean): DiffSide {
  const { field, text } = split(k);
  return { field, parts: [{ text, changed }] };
}

/** Facing lines, word by word: what the left lost and what the right gained. */
function words(l: string, r: string): { left: DiffSide; right: DiffSide } {
  const a = split(l);
  const b = split(r);
  if (a.field !== b.field) return { left: whole(l, true), right: whole(r, true) };
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  for (const c of diffWordsWithSpace(a.text, b.text)) {
    if (!c.added) left.push({ text: c.value, changed: !!c.removed });
    if (!c.removed) right.push({ text: c.value, changed: !!c.added });
  }
  return { left: { field: a.field, parts: left }, right: { field: b.field, parts: right } };
}

/** What a change did, in words, for the history list: "title, answer", or "status: draft → approved". */
export function describeChange(before: Entry | undefined, after: Entry): string {
  if (!before) return 'created';
  const changed: string[] = [];
  if (before.status !== after.status) changed.push(`status: ${before.status.replace('_', ' ')} → ${after.status.replace('_', ' ')}`);
  const fields: [string, (e: Entry) => unknown][] = [
    ['title', (e) => e.title],
    ['answer', (e) => e.body],
    ['questions', (e) => e.questions],
    ['tags', (e) => e.tags],
    ['language', (e) => e.locale],
    ['owner', (e) => e.owner],
    ['review date', (e) => e.reviewBy ?? null],
    ['custom fields', (e) => Object.entries(e.custom).sort()],
  ];
  for (const [name, get] of fields) if (JSON.stringify(get(before)) !== JSON.stringify(get(after))) changed.push(name);
  return changed.length ? changed.join(', ') : 'no change in content';
}
