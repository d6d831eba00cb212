import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Entry } from '../entry';
import type { EntryRef } from './index';

/**
 * Fuse.js where it helps: typos and partial words in SHORT texts (titles, questions) over a
 * SHORT list of entries. Never over the whole knowledge base for a ticket: a ticket-length
 * query takes Fuse ~1 s at 10k entries (DESIGN.md).
 */
const FUSE_OPTIONS: IFuseOptions<Entry> = {
  keys: [
    { name: 'title', weight: 2 },
    { name: 'questions', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.45,
  minMatchCharLength: 2,
};

/** Fuse's closeness (1 = exact, 0 = unrelated) of `text` to each candidate, by id. */
export function fuseCloseness(text: string, candidates: readonly Entry[]): Map<string, number> {
  const fuse = new Fuse(candidates as Entry[], FUSE_OPTIONS);
  const out = new Map<string, number>();
  for (const r of fuse.search(text)) out.set(r.item.id, 1 - (r.score ?? 1));
  return out;
}

/** A Fuse index over titles only, for a typo-tolerant first pass when the query is short. */
export function titleFuse(entries: readonly EntryRef[]): Fuse<EntryRef> {
  return new Fuse(entries as EntryRef[], { keys: ['title'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
}
