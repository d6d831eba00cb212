import { useCallback, useEffect, useState } from 'react';
import { KnowledgeList } from '@/components/knowledge/KnowledgeList';
import type { BulkOutcome, UndoOutcome } from '@/components/knowledge/BulkActions';
import type { ListRow } from '@/knowledge/list';
import { applyBulk, undoBulk, type BulkAction, type BulkUndo } from '@/knowledge/store/bulk';
import { loadKnowledgeList } from '@/knowledge/store/dashboard';
import { StoreError } from '@/knowledge/store/errors';
import { getSettings } from '@/knowledge/store/settings';
import type { DashboardApi } from './api';
import { routeHash } from './route';
import { useDuplicates } from './useDuplicates';
import { useListSearch } from './useListSearch';

const entryHref = (id: string) => routeHash({ section: 'entry', id });

/** User-timing marks (DevTools shows them; test/bench/dashboard-ui.ts reads them). */
export const LIST_MARKS = {
  rowsRead: 'knowledge-list:rows-read',
  searchReady: 'knowledge-list:search-ready',
  duplicateScan: 'knowledge-list:duplicate-scan',
  /** The engine's answer for a text came in (the mark's detail is the text); the list draws it next. */
  engineAnswer: 'knowledge-list:engine-answer',
} as const;

/**
 * The knowledge list's wiring: reads the rows from the store (again whenever the knowledge
 * changes), has the search index built and the duplicate scan run (in workers) after the rows
 * are on screen, and writes bulk actions (knowledge/store/bulk.ts) before telling the worker.
 */
export function KnowledgeListSection({ api, version }: { api: DashboardApi; version: number }) {
  const [rows, setRows] = useState<ListRow[] | { error: string } | undefined>();

  useEffect(() => {
    let live = true;
    loadKnowledgeList(api.db).then(
      (r) => {
        if (!live) return;
        performance.mark(LIST_MARKS.rowsRead);
        setRows(r);
      },
      (err: unknown) => live && setRows({ error: `Could not read the knowledge: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  const list = Array.isArray(rows) ? rows : undefined;
  const { search, ready, indexed } = useListSearch(
    list,
    () => performance.mark(LIST_MARKS.searchReady),
    (text) => {
      // only the latest is kept: one per answer would pile up over a long session
      performance.clearMarks(LIST_MARKS.engineAnswer);
      performance.mark(LIST_MARKS.engineAnswer, { detail: text });
    },
  );
  const dups = useDuplicates(list, (ms) => {
    const end = performance.now();
    performance.measure(LIST_MARKS.duplicateScan, { start: end - ms, end });
  });

  const run = useCallback(
    async (ids: string[], action: BulkAction): Promise<BulkOutcome> => {
      try {
        const [who, settings] = await Promise.all([api.who(), getSettings(api.db)]);
        // The team setting "approval needs a second person" (Settings in the dashboard).
        const result = await applyBulk(api.db, ids, action, who, { secondPerson: settings.approvalNeedsSecondPerson });
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
  const shownRows = dups ? withDuplicates(list, dups) : list;
  return (
    <KnowledgeList
      rows={shownRows}
      duplicatesChecked={dups !== undefined}
      search={search}
      searchNote={ready || list.length === 0 ? undefined : `Still reading entries into the search (${indexed ? `${indexed.toLocaleString('en')} of ${list.length.toLocaleString('en')}` : `${list.length.toLocaleString('en')} entries`}): until then it finds titles and ids.`}
      entryHref={entryHref}
      run={run}
      undo={undo}
    />
  );
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
