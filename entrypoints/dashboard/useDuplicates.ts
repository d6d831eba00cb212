import { useEffect, useRef, useState } from 'react';
import type { Entry } from '@/knowledge/entry';
import type { ListRow } from '@/knowledge/list';
import { duplicateIds, findDuplicates } from '@/knowledge/quality';
import type { DuplicatesReply, DuplicatesRequest } from './duplicates.worker';

/**
 * The ids the near-duplicate scan finds, undefined until it has run. It runs in a worker (seconds
 * of CPU at 10k entries), after the rows are drawn, and again only when some entry's words
 * changed (an approval or a new owner changes none). Without a Worker (jsdom) it runs in the page.
 */
export function useDuplicates(rows: ListRow[] | undefined, onScanned?: (ms: number) => void): Set<string> | undefined {
  const [ids, setIds] = useState<Set<string>>();
  /** The entries the last scan saw, by id. */
  const scanned = useRef<Map<string, Entry> | null>(null);
  const report = useRef(onScanned);
  report.current = onScanned;

  useEffect(() => {
    if (!rows) return;
    let worker: Worker | undefined;
    // After the list's first frame: the copy to the worker takes the page tens of ms at 10k entries.
    const timer = setTimeout(() => (worker = scan(rows)), 0);
    return () => {
      clearTimeout(timer);
      worker?.terminate();
    };
  }, [rows]);

  /** Starts the scan unless no entry's words changed; returns the worker it started, if any. */
  function scan(rows: ListRow[]): Worker | undefined {
    const now = new Map(rows.map((r) => [r.entry.id, r.entry]));
    const prev = scanned.current;
    if (prev && prev.size === now.size && [...now].every(([id, e]) => sameWords(prev.get(id), e))) return undefined;
    const entries: DuplicatesRequest['entries'] = rows.map(({ entry: e }) => ({ id: e.id, title: e.title, body: e.body, questions: e.questions, locale: e.locale }));
    const done = (found: Set<string>, ms: number) => {
      scanned.current = now;
      report.current?.(ms);
      setIds(found);
    };
    if (typeof Worker === 'undefined') {
      const started = performance.now();
      done(duplicateIds(findDuplicates(entries)), performance.now() - started);
      return undefined;
    }
    const w = new Worker(new URL('./duplicates.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<DuplicatesReply>) => {
      done(new Set(e.data.ids), e.data.ms);
      w.terminate();
    };
    w.postMessage({ entries } satisfies DuplicatesRequest);
    return w;
  }
  return ids;
}

/** Whether the scan would see the same words: one version is the same entry; else compare the fields it reads. */
function sameWords(a: Entry | undefined, b: Entry): boolean {
  if (!a) return false;
  if (a.version === b.version && a.updatedAt === b.updatedAt) return true;
  return a.locale === b.locale && a.title === b.title && a.body === b.body && a.questions.length === b.questions.length && a.questions.every((q, i) => q === b.questions[i]);
}
