import { diffWordsWithSpace } from 'diff';

/**
 * What an agent changed in a suggested answer before inserting it, as small hunks with a few
 * words of context on each side: enough to show the edit to the entry's owner and to apply it
 * to the entry's body, little enough to keep (the inserted event stores them, redacted).
 */
export interface EditHunk {
  /** Unchanged text just before the change (up to CONTEXT_CHARS, from a word start). */
  before: string;
  removed: string;
  added: string;
  /** Unchanged text just after the change. */
  after: string;
}

export const CONTEXT_CHARS = 40;
export const HUNK_TEXT_MAX = 400;
export const HUNKS_MAX = 12;

/**
 * The hunks turning `suggested` into `inserted`; undefined when the texts are too different to
 * say (more than HUNKS_MAX changes, or a change longer than HUNK_TEXT_MAX: a rewrite, whose
 * edit ratio says enough). Placeholder values the panel filled are part of both texts, so they
 * only appear in context.
 */
export function editHunks(suggested: string, inserted: string): EditHunk[] | undefined {
  if (suggested === inserted) return [];
  const parts = diffWordsWithSpace(suggested, inserted);
  const hunks: EditHunk[] = [];
  // Context comes from the suggested text around the change (which is what the entry's body
  // holds), also when another change is close by.
  let at = 0;
  let i = 0;
  while (i < parts.length) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      at += parts[i]!.value.length;
      i++;
      continue;
    }
    let removed = '';
    let added = '';
    while (i < parts.length && (parts[i]!.added || parts[i]!.removed)) {
      if (parts[i]!.added) added += parts[i]!.value;
      else removed += parts[i]!.value;
      i++;
    }
    const start = at;
    at += removed.length;
    // A change made of whitespace only (a line break, a double space) is no edit of the answer.
    if (removed.trim() === '' && added.trim() === '') continue;
    if (removed.length > HUNK_TEXT_MAX || added.length > HUNK_TEXT_MAX || hunks.length === HUNKS_MAX) return undefined;
    hunks.push({ before: tail(suggested.slice(0, start)), removed, added, after: head(suggested.slice(at)) });
  }
  return hunks;
}

function tail(text: string): string {
  if (text.length <= CONTEXT_CHARS) return text;
  const cut = text.slice(-CONTEXT_CHARS);
  const space = cut.search(/\s/);
  return space === -1 ? cut : cut.slice(space);
}

function head(text: string): string {
  if (text.length <= CONTEXT_CHARS) return text;
  const cut = text.slice(0, CONTEXT_CHARS);
  const space = cut.search(/\s\S*$/);
  return space <= 0 ? cut : cut.slice(0, space + 1);
}
