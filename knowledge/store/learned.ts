import { applySpans, findPersonalData } from '../redact.ts';
import type { KnowledgeDb, LearnedRow } from './db.ts';
import { StoreError, checkWho, withStoreErrors } from './errors.ts';

export interface LearnedInput {
  entryId: string;
  /** The phrasing (usually a customer's question); redacted before it is stored. */
  text: string;
  /** Search terms the index derived from it; terms from redacted personal data are dropped. */
  terms: string[];
}

export interface LearnOptions {
  /** The requester's name(s), redacted from the text. */
  names?: string[];
  now?: Date;
}

/** Stores a learned phrasing for an entry, without the personal data in it. */
export async function addLearned(db: KnowledgeDb, input: LearnedInput, who: string, options: LearnOptions = {}): Promise<LearnedRow> {
  const by = checkWho(who);
  const spans = findPersonalData(input.text, { names: options.names });
  const text = applySpans(input.text, spans).trim().slice(0, 500);
  if (!text) throw new StoreError('invalid', 'A learned phrasing is empty.');
  // Search terms are often accent-folded and stemmed: compare folded, and prefixes both ways.
  const personal = spans.flatMap((s) => plain(input.text.slice(s.start, s.end)).split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  const terms = [...new Set(input.terms.map((t) => t.trim()).filter(Boolean))].filter((term) => {
    const t = plain(term);
    return !personal.some((p) => p.startsWith(t) || (p.length >= 3 && t.startsWith(p)));
  });
  const row: LearnedRow = { entryId: input.entryId, text, terms, at: (options.now ?? new Date()).toISOString(), who: by };
  return withStoreErrors('the learned phrasing', async () => ({ ...row, id: await db.learned.add(row) }));
}

/** Learned phrasings, oldest first; for one entry when entryId is given. */
export async function listLearned(db: KnowledgeDb, entryId?: string): Promise<LearnedRow[]> {
  const rows = entryId === undefined ? await db.learned.toArray() : await db.learned.where('entryId').equals(entryId).toArray();
  return rows.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

/**
 * Removes a learned phrasing and every other row of its entry with the same text (the index keeps
 * one phrasing per entry and text, so a copy left would go on matching); true if it was there.
 */
export async function removeLearnedPhrasing(db: KnowledgeDb, id: number): Promise<boolean> {
  return db.transaction('rw', db.learned, async () => {
    const row = await db.learned.get(id);
    if (!row) return false;
    await db.learned.where('entryId').equals(row.entryId).and((r) => r.text === row.text).delete();
    return true;
  });
}

/** Removes every learned phrasing of an entry; returns how many phrasings (different texts) it had. */
export async function removeLearnedOf(db: KnowledgeDb, entryId: string): Promise<number> {
  return db.transaction('rw', db.learned, async () => {
    const rows = db.learned.where('entryId').equals(entryId);
    const texts = new Set((await rows.toArray()).map((r) => r.text));
    await rows.delete();
    return texts.size;
  });
}

/** Folded as the tokeniser folds (accents off, ß as ss), so "Lindenstraße" catches the term "lindenstrass". */
function plain(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}
