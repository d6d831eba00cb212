import type { Entry } from '@/knowledge/entry';
import { duplicateIds, findDuplicates } from '@/knowledge/quality';

/** The near-duplicate scan (knowledge/quality.ts) off the page's main thread: over 10k entries it takes seconds of CPU. */
export type DuplicatesRequest = { entries: Pick<Entry, 'id' | 'title' | 'body' | 'questions' | 'locale'>[] };
export type DuplicatesReply = { ids: string[]; ms: number };

onmessage = (e: MessageEvent<DuplicatesRequest>) => {
  const started = performance.now();
  const ids = [...duplicateIds(findDuplicates(e.data.entries))];
  postMessage({ ids, ms: performance.now() - started } satisfies DuplicatesReply);
};
