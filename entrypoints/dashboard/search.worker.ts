import type { Entry } from '@/knowledge/entry';
import { ListSearch } from '@/knowledge/list-search';

/**
 * The knowledge list's search, off the page's main thread: building the index over 10k entries
 * (most of a second of CPU) and each search (tens of ms with typo correction) never hold up
 * typing, scrolling or a click. See useListSearch.ts.
 */
export type SearchRequest = { type: 'entries'; entries: Entry[] } | { type: 'search'; text: string };
export type SearchReply = { type: 'ready'; indexed: number; ms: number } | { type: 'hits'; text: string; hits: [string, number][] };

const search = new ListSearch();
const reply = (r: SearchReply) => postMessage(r);

onmessage = (e: MessageEvent<SearchRequest>) => {
  const m = e.data;
  if (m.type === 'entries') {
    const started = performance.now();
    search.setEntries(m.entries);
    search.sync();
    reply({ type: 'ready', indexed: search.size, ms: performance.now() - started });
  } else reply({ type: 'hits', text: m.text, hits: [...(search.search(m.text) ?? [])] });
};
