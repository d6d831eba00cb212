import Fuse, { type IFuseOptions } from 'fuse.js';
import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import type { Entry } from '../../../knowledge/entry.ts';
import { DEFAULT_TOKENISE_OPTIONS, droppingStopWords, tokenise } from '../../../knowledge/search/tokenise.ts';
import { packageVersion, type Ranker } from '../baselines.ts';

/**
 * The plain libraries of the relevance bench, each twice: at its documented defaults (what a team
 * gets by dropping it in) and at its best honest configuration (what a careful team would set up;
 * nothing chosen on a test split). And a plain BM25 as the "stackfaq-kb" README defines it.
 */

type Doc = Pick<Entry, 'id' | 'title' | 'questions' | 'body' | 'tags' | 'locale'>;
const doc = (e: Entry): Doc => ({ id: e.id, title: e.title, questions: e.questions, body: e.body, tags: e.tags, locale: e.locale });
const FIELDS = ['title', 'questions', 'body', 'tags'];

function fuseRanker(name: string, options: IFuseOptions<Doc>): Ranker {
  let fuse: Fuse<Doc> | undefined;
  return {
    name,
    version: packageVersion('fuse.js'),
    build(entries) {
      fuse = new Fuse(entries.map(doc), { includeScore: true, ...options });
    },
    rank: (query, k) => fuse!.search(query, { limit: k }).map((r) => r.item.id),
  };
}

/** Fuse.js's documented defaults: the keys and nothing else (threshold 0.6, location 0, distance 100). */
export const fuseDefaults = (): Ranker => fuseRanker('Fuse.js, defaults', { keys: FIELDS });

/**
 * Fuse.js as the product's own manual search sets it up: weighted keys and ignoreLocation (a match
 * anywhere in a field counts; with the default location 0 / distance 100 a word past the first
 * ~60 characters of a field can hardly match). Fuse scores a whole query as one fuzzy pattern.
 */
export const fuseBest = (): Ranker =>
  fuseRanker('Fuse.js, weighted keys + ignoreLocation', {
    keys: [
      { name: 'title', weight: 2 },
      { name: 'questions', weight: 2 },
      { name: 'body', weight: 1 },
      { name: 'tags', weight: 1 },
    ],
    ignoreLocation: true,
  });

const joined = (doc: unknown, field: string) => {
  const v = (doc as Record<string, unknown>)[field];
  return Array.isArray(v) ? v.join(' ') : (v as string);
};

function miniSearchRanker(name: string, options: MiniSearchOptions<Doc>, search: Parameters<MiniSearch['search']>[1] = {}): Ranker {
  let ms: MiniSearch<Doc> | undefined;
  return {
    name,
    version: packageVersion('minisearch'),
    build(entries) {
      ms = new MiniSearch<Doc>(options);
      ms.addAll(entries.map(doc));
    },
    rank: (query, k) =>
      ms!
        .search(query, search)
        .slice(0, k)
        .map((r) => String(r.id)),
  };
}

/** MiniSearch's documented defaults: `new MiniSearch({ fields })`, `search(text)` with no options. */
export const miniSearchDefaults = (): Ranker => miniSearchRanker('MiniSearch, defaults', { fields: FIELDS, extractField: joined });

/**
 * MiniSearch with our tokeniser (stop words dropped, as MiniSearch has no way to weigh them down;
 * Snowball stemmers, kept negations and question words)
 * through `tokenize`/`processTerm`, each entry in its own language, title and questions boosted as
 * its README shows, and no prefix or fuzzy matching (its notes say they lower precision).
 * The entry's locale travels inside the extracted text, since MiniSearch's tokenize sees no
 * document; queries are tokenised in the default language (the query's language is not given).
 */
export const miniSearchOurTokeniser = (): Ranker => {
  const MARK = '\u0001';
  return miniSearchRanker(
    'MiniSearch, our tokeniser, no prefix/fuzzy',
    {
      fields: FIELDS,
      extractField: (d, field) => (field === 'id' ? (d as Doc).id : `${MARK}${(d as Doc).locale}${MARK}${joined(d, field) ?? ''}`),
      tokenize: (text) => {
        const m = text.startsWith(MARK) ? text.indexOf(MARK, 1) : -1;
        const locale = m > 0 ? text.slice(1, m) : undefined;
        return tokenise(m > 0 ? text.slice(m + 1) : text, locale, droppingStopWords(DEFAULT_TOKENISE_OPTIONS));
      },
      processTerm: (t) => t,
    },
    { boost: { title: 2, questions: 2 } },
  );
};

/**
 * A plain BM25 as ../shared/data/stackfaq/README.md defines it: k1 1.2, b 0.75, Lucene idf
 * ln(1 + (N − df + 0.5)/(df + 0.5)), lower-case [\p{L}\p{N}]+ tokens, no stemming or stop words,
 * all fields as one, each distinct query token once. Ties: by id.
 */
export function plainBm25(): Ranker {
  const k1 = 1.2;
  const b = 0.75;
  const tok = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let ids: string[] = [];
  let lens: number[] = [];
  let avg = 1;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  return {
    name: 'plain BM25 (k1 1.2, b 0.75, no stemming)',
    version: '60 lines, here',
    build(entries) {
      ids = entries.map((e) => e.id);
      postings.clear();
      lens = entries.map((e, d) => {
        const words = tok([e.title, ...e.questions, e.body, ...e.tags].join(' '));
        const tf = new Map<string, number>();
        for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
        for (const [w, n] of tf) {
          const list = postings.get(w) ?? [];
          list.push({ doc: d, tf: n });
          postings.set(w, list);
        }
        return words.length;
      });
      avg = lens.reduce((a, n) => a + n, 0) / Math.max(1, lens.length) || 1;
    },
    rank(query, k) {
      const score = new Map<number, number>();
      const n = ids.length;
      for (const w of new Set(tok(query))) {
        const list = postings.get(w);
        if (!list) continue;
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) score.set(doc, (score.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lens[doc]!) / avg)));
      }
      return [...score]
        .sort((x, y) => y[1] - x[1] || (ids[x[0]]! < ids[y[0]]! ? -1 : 1))
        .slice(0, k)
        .map(([d]) => ids[d]!);
    },
  };
}
