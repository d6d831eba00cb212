import { today, whyNotSuggested, type Entry, type NotSuggestedReason } from './entry.ts';
import { DEFAULT_TOKENISE_OPTIONS, tokenise } from './search/tokenise.ts';

/**
 * Possible duplicates: entries of one locale whose words (title, example questions and body,
 * stemmed, stop words out, placeholders and links left out) mostly overlap. Translations are
 * not duplicates: entries of different locales are never compared (there is no "translation of"
 * field yet to compare them by).
 *
 * similarity = the mean of Jaccard (shared / all words) and containment (shared / words of the
 * shorter entry): Jaccard alone misses a copy cut down to half, containment alone calls a short
 * entry a duplicate of every long one that happens to use its words.
 * DUPLICATE_THRESHOLD was chosen on the labelled pairs of test/fixtures/duplicates/pairs.ts
 * (`npx tsx test/dashboard/duplicates.measure.ts`): every threshold from 0.40 to 0.55 separates
 * them (closest look-alikes 0.39, lowest duplicate, a hand-written paraphrase, 0.59); 0.5 sits in
 * the middle of that gap.
 */
export const DUPLICATE_THRESHOLD = 0.5;

export interface DuplicatePair {
  /** a < b by id. */
  a: string;
  b: string;
  similarity: number;
  /** Same title and body once case, spacing and punctuation are set aside. */
  exact: boolean;
}

type Words = Pick<Entry, 'id' | 'title' | 'body' | 'questions' | 'locale'>;

interface Fingerprint {
  id: string;
  locale: string;
  /** Sorted, unique term numbers. */
  terms: Uint32Array;
  /** Title and body normalised (plainOf): made only for entries that take part in a pair or have no terms. */
  plain?: string;
  words: Words;
}

function plainOf(f: Fingerprint): string {
  return (f.plain ??= normalised(`${f.words.title}\n${f.words.body}`));
}

/** The similarity of two entries (0..1); entries of different locales are 0. */
export function entrySimilarity(a: Words, b: Words): number {
  if (a.locale !== b.locale) return 0;
  const dict = new Map<string, number>();
  return similarity(fingerprint(a, dict), fingerprint(b, dict));
}

/**
 * Every pair at or above the threshold, most similar first. Pairs are found through the words
 * few entries share (a duplicate shares those too), so 10k entries do not mean 50M comparisons.
 */
export function findDuplicates(entries: readonly Words[], threshold = DUPLICATE_THRESHOLD): DuplicatePair[] {
  const dict = new Map<string, number>();
  const prints = entries.map((e) => fingerprint(e, dict));
  return pairsAbove(prints, prints, threshold, true);
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
  const dict = new Map<string, number>();
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

function fingerprint(e: Words, dict: Map<string, number>): Fingerprint {
  const text = [e.title, ...e.questions, stripMarkup(e.body)].join('\n');
  const terms = new Set<number>();
  for (const t of tokenise(text, e.locale, DEFAULT_TOKENISE_OPTIONS)) {
    let n = dict.get(t);
    if (n === undefined) dict.set(t, (n = dict.size));
    terms.add(n);
  }
  return { id: e.id, locale: e.locale, terms: Uint32Array.from(terms).sort(), words: e };
}

/** Placeholders and link targets are the same in many unrelated entries; they say nothing about the topic. */
function stripMarkup(body: string): string {
  return body.replace(/\{\{[^}]*\}\}/g, ' ').replace(/\]\([^)]*\)/g, '] ');
}

function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.terms.length === 0 || b.terms.length === 0) return plainOf(a) === plainOf(b) ? 1 : 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const jaccard = shared / (a.terms.length + b.terms.length - shared);
  const containment = shared / Math.min(a.terms.length, b.terms.length);
  return (jaccard + containment) / 2;
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
        const s = similarity(x, y);
        if (s < threshold) continue;
        const exact = plainOf(x) === plainOf(y);
        const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
        out.push(same ? { a, b, similarity: s, exact } : { a: x.id, b: y.id, similarity: s, exact });
      }
    }
  });
  return out.sort((p, q) => q.similarity - p.similarity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
}
