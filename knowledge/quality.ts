import { today, whyNotSuggested, type Entry, type NotSuggestedReason } from './entry.ts';
import { DEFAULT_TOKENISE_OPTIONS, droppingStopWords } from './search/tokenise.ts';
import { TermDictionary, termIds } from './search/term-ids.ts';

/** Duplicates are judged on content words: stop words (kept by the index for ranking) are dropped. */
const CONTENT = droppingStopWords(DEFAULT_TOKENISE_OPTIONS);

/**
 * Possible duplicates: entries of one locale whose words (title, example questions and body,
 * stemmed, stop words out, placeholders and links left out) mostly overlap, unless they are
 * about two different things said the same way. Entries of different locales are never
 * duplicates (a translation is not a copy); two entries of one locale marked as translations of
 * the same entry always are (two German versions of one answer), whatever their words.
 *
 * overlap = the mean of Jaccard (shared / all words) and containment (shared / words of the
 * shorter entry): Jaccard alone misses a copy cut down to half, containment alone calls a short
 * entry a duplicate of every long one that happens to use its words. Then two signs of siblings
 * (one template, two cases: shipping to Austria beside shipping within Germany):
 * - each entry has a key word (in its title or questions and in its body) the other never uses
 *   ("invoice" and "receipt"): the overlap is halved;
 * - numbers of the entry with fewer numbers missing from the other ("30 days" and "14 days"):
 *   the overlap shrinks by up to 70%. A paraphrase keeps its facts; a copy that says more keeps
 *   every number of the shorter one.
 * DUPLICATE_THRESHOLD and both factors were chosen on the hand-written pairs of
 * test/fixtures/duplicates/hand-pairs.ts (paraphrases, entries containing another, look-alikes
 * and template siblings; `npm run bench -- --only dashboard` prints precision and recall) and
 * checked on the generated copies of test/fixtures/duplicates/pairs.ts (all found, no false alarm).
 */
export const DUPLICATE_THRESHOLD = 0.4;
/** The overlap is multiplied by this when each entry has a key word the other lacks. */
export const SIBLING_FACTOR = 0.5;
/** The overlap shrinks by this share of the missing numbers. */
export const NUMBER_PENALTY = 0.7;

export interface DuplicatePair {
  /** a < b by id. */
  a: string;
  b: string;
  similarity: number;
  /** Same title and body once case, spacing and punctuation are set aside. */
  exact: boolean;
  /** Both are marked as translations of the same entry, in one locale. */
  translations?: true;
}

export type Words = Pick<Entry, 'id' | 'title' | 'body' | 'questions' | 'locale'> & {
  /** The id of the entry this one translates (an optional link between locales). */
  translationOf?: string;
};

interface Fingerprint {
  id: string;
  locale: string;
  /** Sorted, unique term numbers. */
  terms: Uint32Array;
  /** Term numbers of the title and questions also used in the body: what the entry is about. */
  key: Uint32Array;
  /** Sorted, unique numbers written in the title and body ("30", "4.90"; "two" = "2"). */
  numbers: string[];
  plain: string;
}

/** The similarity of two entries (0..1); entries of different locales are 0. */
export function entrySimilarity(a: Words, b: Words): number {
  if (a.locale !== b.locale) return 0;
  if (a.translationOf && a.translationOf === b.translationOf) return 1;
  const dict = new TermDictionary();
  return similarity(fingerprint(a, dict), fingerprint(b, dict));
}

/**
 * Every pair at or above the threshold, most similar first. Pairs are found through the words
 * few entries share (a duplicate shares those too), so 10k entries do not mean 50M comparisons.
 */
export function findDuplicates(entries: readonly Words[], threshold = DUPLICATE_THRESHOLD): DuplicatePair[] {
  const dict = new TermDictionary();
  const prints = entries.map((e) => fingerprint(e, dict));
  const found = pairsAbove(prints, prints, threshold, true);
  const seen = new Set(found.map((p) => `${p.a}\u0000${p.b}`));
  for (const p of translationPairs(entries)) if (!seen.has(`${p.a}\u0000${p.b}`)) found.push(p);
  return found.sort(bySimilarity);
}

/** Pairs of one locale marked as translations of the same entry (or one of the other). */
function translationPairs(entries: readonly Words[]): DuplicatePair[] {
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    if (!e.translationOf) continue;
    const key = `${e.locale}\u0000${e.translationOf}`;
    const list = groups.get(key) ?? [];
    groups.set(key, [...list, e.id]);
  }
  const ids = new Set(entries.map((e) => `${e.locale}\u0000${e.id}`));
  const out: DuplicatePair[] = [];
  for (const [key, list] of groups) {
    // The source itself in the translation's locale ("de" entry x, and a "de" entry marked as translating x).
    if (ids.has(key)) list.push(key.split('\u0000')[1]!);
    const sorted = [...new Set(list)].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.push({ a: sorted[i]!, b: sorted[j]!, similarity: 1, exact: false, translations: true });
  }
  return out;
}

/** Ids in at least one duplicate pair: what the list's "possible duplicate" filter needs. */
export function duplicateIds(pairs: readonly DuplicatePair[]): Set<string> {
  return new Set(pairs.flatMap((p) => [p.a, p.b]));
}

export interface SharedQuestion {
  /** The question as the first entry (by id) writes it. */
  question: string;
  locale: string;
  /** Two or more, sorted. */
  ids: string[];
}

/**
 * Example questions used by more than one entry of a locale (case, spacing and punctuation set
 * aside): search cannot tell those entries apart for that question.
 */
export function sharedQuestions(entries: readonly Pick<Entry, 'id' | 'questions' | 'locale'>[]): SharedQuestion[] {
  const byText = new Map<string, SharedQuestion>();
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const q of e.questions) {
      const key = `${e.locale}\u0000${normalised(q)}`;
      const found = byText.get(key);
      if (!found) byText.set(key, { question: q, locale: e.locale, ids: [e.id] });
      else if (found.ids.at(-1) !== e.id) found.ids.push(e.id);
    }
  }
  return [...byText.values()].filter((s) => s.ids.length > 1);
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

export interface ImportDuplicate {
  /** The entry being imported. */
  id: string;
  /** The stored entry (or another entry of the same import) it resembles. */
  of: string;
  similarity: number;
  exact: boolean;
  /** 'stored' = already in the knowledge base; 'import' = another entry of this import. */
  where: 'stored' | 'import';
}

export interface NotSuggestedEntry {
  id: string;
  reasons: NotSuggestedReason[];
}

export interface ImportWarnings {
  nearDuplicates: ImportDuplicate[];
  /** Imported entries agents will not be shown, and why (draft, in review, archived, overdue). */
  notSuggested: NotSuggestedEntry[];
}

/**
 * What a lead should hear before (or right after) an import lands: entries that nearly repeat
 * a stored one or each other (an incoming entry replacing the stored entry of the same id is not
 * a duplicate of it), and entries that will never be suggested as they are.
 */
export function importWarnings(incoming: readonly Entry[], stored: readonly Entry[], options: { now?: Date; threshold?: number } = {}): ImportWarnings {
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  const day = today(options.now ?? new Date());
  const dict = new TermDictionary();
  const ids = new Set(incoming.map((e) => e.id));
  const mine = incoming.map((e) => fingerprint(e, dict));
  const theirs = stored.filter((e) => !ids.has(e.id)).map((e) => fingerprint(e, dict));
  const nearDuplicates: ImportDuplicate[] = [
    ...pairsAbove(mine, theirs, threshold, false).map((p) => ({ id: p.a, of: p.b, similarity: p.similarity, exact: p.exact, where: 'stored' as const })),
    ...pairsAbove(mine, mine, threshold, true).map((p) => ({ id: p.b, of: p.a, similarity: p.similarity, exact: p.exact, where: 'import' as const })),
  ];
  const notSuggested = incoming.map((e) => ({ id: e.id, reasons: whyNotSuggested(e, day) })).filter((n) => n.reasons.length > 0);
  return { nearDuplicates, notSuggested };
}

/**
 * The import's result in words, never hiding what agents will not see:
 * "12 added, 3 updated, 1 unchanged. 4 of them will not be suggested: 3 drafts, 1 overdue. 2 look like duplicates: …".
 */
export function describeImport(report: { added: readonly string[]; updated: readonly string[]; unchanged: readonly string[] }, warnings: ImportWarnings): string {
  const lines = [`${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged.`];
  const landed = new Set([...report.added, ...report.updated, ...report.unchanged]);
  const hidden = warnings.notSuggested.filter((n) => landed.has(n.id));
  if (hidden.length > 0) {
    const counts = new Map<NotSuggestedReason, number>();
    for (const n of hidden) for (const r of n.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const words = [...counts].map(([r, k]) => `${k} ${REASON_WORDS[r](k)}`).join(', ');
    lines.push(`${hidden.length} of them will not be suggested to agents: ${words}.`);
  }
  const dups = warnings.nearDuplicates.filter((d) => landed.has(d.id));
  if (dups.length > 0) {
    const shown = dups.slice(0, 5).map((d) => `${d.id} ${d.exact ? 'repeats' : 'resembles'} ${d.of} (${Math.round(d.similarity * 100)}%)`);
    lines.push(`${dups.length} ${dups.length === 1 ? 'looks' : 'look'} like ${dups.length === 1 ? 'a duplicate' : 'duplicates'}: ${shown.join('; ')}${dups.length > 5 ? ` and ${dups.length - 5} more` : ''}.`);
  }
  return lines.join(' ');
}

const REASON_WORDS: Record<NotSuggestedReason, (n: number) => string> = {
  draft: (n) => (n === 1 ? 'draft' : 'drafts'),
  in_review: () => 'in review',
  archived: () => 'archived',
  overdue: () => 'overdue (review date passed)',
};

function fingerprint(e: Words, dict: TermDictionary): Fingerprint {
  const body = stripMarkup(e.body);
  const terms = new Set<number>();
  const heads = new Set<number>();
  const key: number[] = [];
  for (const n of termIds(dict, `${e.title}\n${e.questions.join('\n')}`, e.locale, CONTENT)) heads.add(n);
  for (const n of termIds(dict, body, e.locale, CONTENT)) {
    if (heads.has(n) && !terms.has(n)) key.push(n);
    terms.add(n);
  }
  for (const n of heads) terms.add(n);
  const plain = normalised(`${e.title}\n${e.body}`);
  return { id: e.id, locale: e.locale, terms: Uint32Array.from(terms).sort(), key: Uint32Array.from(key).sort(), numbers: numbersIn(`${e.title}\n${body}`), plain };
}

const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', twelve: '12', twenty: '20', thirty: '30' };
const NUMBER = new RegExp(`\\d+(?:[.,]\\d+)?|\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'g');

/** "4,90" and "4.90" are one number, "two" and "2" too (a paraphrase writes either). */
function numbersIn(text: string): string[] {
  const found = new Set<string>();
  for (const [m] of text.toLowerCase().matchAll(NUMBER)) found.add(NUMBER_WORDS[m] ?? m.replace(',', '.'));
  return [...found].sort();
}

/** Placeholders and link targets are the same in many unrelated entries; they say nothing about the topic. */
function stripMarkup(body: string): string {
  return body.replace(/\{\{[^}]*\}\}/g, ' ').replace(/\]\([^)]*\)/g, '] ');
}

/** The similarity; below `floor` it may be returned before the sibling checks (they only lower it). */
function similarity(a: Fingerprint, b: Fingerprint, floor = 0): number {
  if (a.terms.length === 0 || b.terms.length === 0) return a.plain === b.plain ? 1 : 0;
  const shared = sharedCount(a.terms, b.terms);
  const jaccard = shared / (a.terms.length + b.terms.length - shared);
  const containment = shared / Math.min(a.terms.length, b.terms.length);
  const overlap = (jaccard + containment) / 2;
  if (overlap < floor || a.plain === b.plain) return overlap;
  const siblings = lacksKey(a, b) && lacksKey(b, a);
  return overlap * (siblings ? SIBLING_FACTOR : 1) * (1 - NUMBER_PENALTY * missingNumbers(a.numbers, b.numbers));
}

/** Whether x has a key word y never uses. */
function lacksKey(x: Fingerprint, y: Fingerprint): boolean {
  return sharedCount(x.key, y.terms) < x.key.length;
}

/** Share of the numbers of the entry with fewer numbers that the other does not write; 0 when either has none. */
function missingNumbers(a: readonly string[], b: readonly string[]): number {
  const [few, many] = a.length <= b.length ? [a, b] : [b, a];
  if (few.length === 0) return 0;
  const has = new Set(many);
  return few.filter((n) => !has.has(n)).length / few.length;
}

/** Items two sorted arrays share. */
function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

function bySimilarity(p: DuplicatePair, q: DuplicatePair): number {
  return q.similarity - p.similarity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1);
}

/** The most entries a term may be in and still find candidates (see pairsAbove). */
const CANDIDATE_DF_MAX = 100;

/**
 * Pairs (x from `left`, y from `right`) at or above the threshold. Candidates come from an
 * inverted index over `right` that skips the most common terms; `same` = left and right are one
 * list (each pair once, never an entry with itself).
 */
function pairsAbove(left: readonly Fingerprint[], right: readonly Fingerprint[], threshold: number, same: boolean): DuplicatePair[] {
  const postings = new Map<number, number[]>();
  right.forEach((f, k) => {
    for (const t of f.terms) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(k);
    }
  });
  // A term in more than this many entries is skipped for finding candidates (not for scoring): 1%
  // of them, between 50 and 100. Above 10k entries the 1% grew the candidate lists with the
  // entries, and the check with their square (40 s for 40k entries, minutes for 100k).
  const common = Math.max(50, Math.min(CANDIDATE_DF_MAX, Math.ceil(right.length / 100)));
  const out: DuplicatePair[] = [];
  const seen = new Int32Array(right.length).fill(-1);
  left.forEach((x, i) => {
    for (const t of x.terms) {
      const list = postings.get(t);
      if (!list || list.length > common) continue;
      for (const k of list) {
        if (seen[k] === i || (same && k <= i)) continue;
        seen[k] = i;
        const y = right[k]!;
        if (y.locale !== x.locale) continue;
        const s = similarity(x, y, threshold);
        if (s < threshold) continue;
        const exact = x.plain === y.plain;
        const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
        out.push(same ? { a, b, similarity: s, exact } : { a: x.id, b: y.id, similarity: s, exact });
      }
    }
  });
  return out.sort(bySimilarity);
}
