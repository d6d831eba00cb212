import { useCallback, useEffect, useRef, useState } from 'react';
import { KnowledgeList } from '@/components/knowledge/KnowledgeList';
import type { BulkOutcome, UndoOutcome } from '@/components/knowledge/BulkActions';
import type { Entry } from '@/knowledge/entry';
import type { ListRow } from '@/knowledge/list';
import { ListSearch } from '@/knowledge/list-search';
import { duplicateIds, findDuplicates } from '@/knowledge/quality';
import { applyBulk, undoBulk, type BulkAction, type BulkUndo } from '@/knowledge/store/bulk';
import { loadKnowledgeList } from '@/knowledge/store/dashboard';
import { StoreError } from '@/knowledge/store/errors';
import type { DashboardApi } from './api';
import { routeHash } from './route';

/** Time the search index may take from the page per step: a frame stays smooth while 10k entries are indexed. */
const INDEX_STEP_MS = 12;

const entryHref = (id: string) => routeHash({ section: 'entry', id });

/**
 * The knowledge list's wiring: reads the rows from the store (again whenever the knowledge
 * changes), builds the list's search index and runs the duplicate scan after the rows are on
 * screen, and writes bulk actions (knowledge/store/bulk.ts) before telling the worker.
 */
export function KnowledgeListSection({ api, version }: { api: DashboardApi; version: number }) {
  const [rows, setRows] = useState<ListRow[] | { error: string } | undefined>();
  const [dups, setDups] = useState<{ words: Map<string, string>; ids: Set<string> } | undefined>();
  const searchRef = useRef<ListSearch | null>(null);
  const [searchState, setSearchState] = useState({ rev: 0, indexed: 0, ready: false });

  useEffect(() => {
    let live = true;
    loadKnowledgeList(api.db).then(
      (r) => live && setRows(r),
      (err: unknown) => live && setRows({ error: `Could not read the knowledge: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  const list = Array.isArray(rows) ? rows : undefined;

  // The search index, brought up to date in steps after the rows are drawn.
  useEffect(() => {
    if (!list) return;
    const search = (searchRef.current ??= new ListSearch());
    search.setEntries(list.map((r) => r.entry));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const until = performance.now() + INDEX_STEP_MS;
      const done = search.sync(() => performance.now() > until);
      // Ask the list to search again when done, and now and then on the way (each time costs a render).
      setSearchState((s) => (done || search.size - s.indexed >= 2_000 ? { rev: s.rev + 1, indexed: search.size, ready: done } : s));
      if (!done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [list]);

  // The duplicate scan (knowledge/quality.ts), after the rows are drawn, and again only when some entry's words changed.
  useEffect(() => {
    if (!list) return;
    const timer = setTimeout(() => {
      setDups((prev) => {
        const words = new Map(list.map((r) => [r.entry.id, wordsOf(r.entry)]));
        if (prev && prev.words.size === words.size && [...words].every(([id, w]) => prev.words.get(id) === w)) return prev;
        return { words, ids: duplicateIds(findDuplicates(list.map((r) => r.entry))) };
      });
    }, 0);
    return () => clearTimeout(timer);
  }, [list]);

  const search = useCallback(
    (text: string) => searchRef.current?.search(text),
    // A new function whenever the index grew, so the list asks again.
    [searchState.rev],
  );

  const run = useCallback(
    async (ids: string[], action: BulkAction): Promise<BulkOutcome> => {
      try {
        const [who, settings] = await Promise.all([api.who(), api.getSettings()]);
        // The team setting "approval needs a second person", once Settings has it.
        const secondPerson = (settings as { secondPerson?: unknown }).secondPerson === true;
        const result = await applyBulk(api.db, ids, action, who, { secondPerson });
        if (result.changed.length) await api.knowledgeWritten();
        return { ok: true, result };
      } catch (err) {
        if (err instanceof StoreError) return { ok: false, error: err.message };
        throw err;
      }
    },
    [api],
  );
  const undo = useCallback(
    async (u: BulkUndo): Promise<UndoOutcome> => {
      try {
        const { restored } = await undoBulk(api.db, u, await api.who());
        await api.knowledgeWritten();
        return { ok: true, restored: restored.length };
      } catch (err) {
        if (err instanceof StoreError) return { ok: false, error: err.message };
        throw err;
      }
    },
    [api],
  );

  if (!rows) return <p className="muted">Reading the entries{'\u2026'}</p>;
  if (!list) return <p className="notice notice-error">{(rows as { error: string }).error}</p>;
  const shownRows = dups ? withDuplicates(list, dups.ids) : list;
  return (
    <KnowledgeList
      rows={shownRows}
      duplicatesChecked={dups !== undefined}
      search={search}
      searchNote={searchState.ready || list.length === 0 ? undefined : `Still reading entries into the search (${searchState.indexed.toLocaleString('en')} of ${list.length.toLocaleString('en')}): until then it finds titles and ids.`}
      entryHref={entryHref}
      run={run}
      undo={undo}
    />
  );
}

function wordsOf(e: Entry): string {
  return [e.locale, e.title, e.body, ...e.questions].join('\u0000');
}

const flagged = new WeakMap<ListRow[], { ids: Set<string>; rows: ListRow[] }>();

/** The rows with the scan's flags (one new array per rows and scan, so the list's memos hold). */
function withDuplicates(rows: ListRow[], ids: Set<string>): ListRow[] {
  const seen = flagged.get(rows);
  if (seen?.ids === ids) return seen.rows;
  const out = rows.map((r) => (r.possibleDuplicate === ids.has(r.entry.id) ? r : { ...r, possibleDuplicate: ids.has(r.entry.id) }));
  flagged.set(rows, { ids, rows: out });
  return out;
}
