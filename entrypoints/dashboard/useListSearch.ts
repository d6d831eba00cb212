import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListRow } from '@/knowledge/list';
import { ListSearch } from '@/knowledge/list-search';
import type { SearchReply, SearchRequest } from './search.worker';

/** Without workers (jsdom), the index is built in the page in steps of this many ms between frames. */
const INDEX_STEP_MS = 12;

export interface ListSearchState {
  /** Matching ids with their score, best first; undefined for blank text. A new function whenever better results came in. */
  search: (text: string) => ReadonlyMap<string, number> | undefined;
  ready: boolean;
  indexed: number;
}

/**
 * The list's search box: each keystroke is answered at once from titles and ids (in the page),
 * and the agents' engine, running in a worker over every entry, answers a moment later; the list
 * then shows the engine's results for that text. Where there is no Worker (tests in jsdom), the
 * engine runs in the page, its index built in small steps.
 */
export function useListSearch(rows: ListRow[] | undefined, onReady?: (ms: number) => void, onAnswer?: (text: string) => void): ListSearchState {
  const titles = useRef(new ListSearch());
  const worker = useRef<Worker | null>(null);
  const inPage = useRef<ListSearch | null>(null);
  const latest = useRef<{ text: string; hits: Map<string, number> } | null>(null);
  /** The text last sent to the worker: only its answer is kept. */
  const asked = useRef<string | null>(null);
  const [state, setState] = useState({ rev: 0, ready: false, indexed: 0 });
  const bump = useCallback((patch: Partial<typeof state> = {}) => setState((s) => ({ ...s, ...patch, rev: s.rev + 1 })), []);
  const readyCallback = useRef(onReady);
  readyCallback.current = onReady;
  const answerCallback = useRef(onAnswer);
  answerCallback.current = onAnswer;

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<SearchReply>) => {
      const m = e.data;
      if (m.type === 'ready') {
        readyCallback.current?.(m.ms);
        bump({ ready: true, indexed: m.indexed });
      } else if (m.text === asked.current) {
        latest.current = { text: m.text, hits: new Map(m.hits) };
        bump();
        answerCallback.current?.(m.text);
      }
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [bump]);

  useEffect(() => {
    if (!rows) return;
    const entries = rows.map((r) => r.entry);
    titles.current.setEntries(entries);
    latest.current = null;
    if (worker.current) {
      const w = worker.current;
      setState((s) => ({ ...s, ready: false }));
      // After the list's first frame: copying 10k entries to the worker takes the page tens of ms.
      const timer = setTimeout(() => {
        w.postMessage({ type: 'entries', entries } satisfies SearchRequest);
        // Ask again for the text on screen: the answer now comes from the new entries.
        if (asked.current !== null) w.postMessage({ type: 'search', text: asked.current } satisfies SearchRequest);
      }, 0);
      return () => clearTimeout(timer);
    }
    const search = (inPage.current ??= new ListSearch());
    search.setEntries(entries);
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const until = performance.now() + INDEX_STEP_MS;
      const done = search.sync(() => performance.now() > until);
      if (done) readyCallback.current?.(performance.now() - started);
      // Ask the list to search again when done, and now and then on the way (each time costs a render).
      setState((s) => (done || search.size - s.indexed >= 2_000 ? { rev: s.rev + 1, indexed: search.size, ready: done } : s));
      if (!done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [rows]);

  const search = useCallback(
    (text: string): ReadonlyMap<string, number> | undefined => {
      if (!text.trim()) {
        asked.current = null;
        return undefined;
      }
      if (!worker.current) return (inPage.current ?? titles.current).search(text);
      if (latest.current?.text === text) return latest.current.hits;
      if (asked.current !== text) {
        asked.current = text;
        worker.current.postMessage({ type: 'search', text } satisfies SearchRequest);
      }
      return titles.current.search(text);
    },
    // A new function whenever the index grew or an answer came in, so the list asks again.
    [state.rev],
  );
  return { search, ready: state.ready, indexed: state.indexed };
}
