import type { Entry } from './entry.ts';
import { KnowledgeIndex } from './search/index.ts';
import { correctTypos } from './search/typos.ts';

/** Queries up to this many words get typo correction, as in the panel's search box (search/manual.ts). */
const SHORT_QUERY_WORDS = 6;

/**
 * The knowledge list's search box. It runs the agents' own engine (KnowledgeIndex: the same
 * tokenising, stemming, BM25F and typo correction as the panel's search) in the dashboard page,
 * over every entry whatever its status, because the worker's search (api.search) answers approved
 * entries only and at most 20 of them: a lead looking for a draft, an archived entry or "every
 * refund answer" among 10k would see nothing or a cut list. Beside the engine, an id or title
 * containing the typed text counts too, so a half-typed word ("refu") or an id finds its rows
 * while the lead types. The engine's learned phrasings stay in the worker (they are agents' words,
 * not the entry's).
 *
 * The index is brought up to date in steps (`sync`), so 10k entries never block the page for the
 * half second a whole build takes; until it is, search answers from what is indexed and the titles.
 */
export class ListSearch {
  private index = new KnowledgeIndex();
  /** The version each id was indexed at: a reload reads new objects, only a new version is a change. */
  private indexed = new Map<string, { version: number; updatedAt: string }>();
  private pending: (Entry | string)[] = [];
  /** Lower-cased "id\ntitle" of every current entry, for the contains-match. */
  private plain: { id: string; text: string }[] = [];

  /** Queues what changed since the last call: new and changed entries, and the ids gone. */
  setEntries(entries: readonly Entry[]): void {
    const current = new Set<string>();
    this.pending = [];
    for (const e of entries) {
      current.add(e.id);
      const was = this.indexed.get(e.id);
      if (was?.version !== e.version || was.updatedAt !== e.updatedAt) this.pending.push(e);
    }
    for (const id of this.indexed.keys()) if (!current.has(id)) this.pending.push(id);
    this.plain = entries.map((e) => ({ id: e.id, text: `${e.id}\n${e.title}`.toLowerCase() }));
  }

  /** Indexes queued entries until `timeUp()` says stop; true when nothing is left to index. */
  sync(timeUp: () => boolean = () => false): boolean {
    while (this.pending.length > 0) {
      const next = this.pending.pop()!;
      if (typeof next === 'string') {
        this.index.remove(next);
        this.indexed.delete(next);
      } else {
        this.index.add(next);
        this.indexed.set(next.id, { version: next.version, updatedAt: next.updatedAt });
      }
      if (timeUp()) break;
    }
    return this.pending.length === 0;
  }

  get ready(): boolean {
    return this.pending.length === 0;
  }

  /** How many entries are indexed (to say how far the index has come). */
  get size(): number {
    return this.indexed.size;
  }

  /**
   * The matching ids with a score, best first (a Map keeps that order); undefined for blank text.
   * An id or title containing the text comes first, then the engine's hits by its score.
   */
  search(text: string): Map<string, number> | undefined {
    const query = text.trim();
    if (!query) return undefined;
    const scores = new Map<string, number>();
    const needle = query.toLowerCase();
    // One letter is in nearly every title: it would list them all, for nothing.
    if (needle.length >= 2) for (const p of this.plain) if (p.text.includes(needle)) scores.set(p.id, 2);
    if (this.index.size > 0) {
      const short = query.split(/\s+/).length <= SHORT_QUERY_WORDS;
      const part = short ? { text: query, weight: 1, terms: correctTypos(query, this.index) } : { text: query, weight: 1 };
      const hits = this.index.query([part], { limit: this.index.size }).hits;
      const best = hits[0]?.score ?? 0;
      for (const h of hits) scores.set(h.id, (scores.get(h.id) ?? 0) + (best > 0 ? h.score / best : 0));
    }
    return new Map([...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
  }
}
