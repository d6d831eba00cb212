import type { RowSelectionState, SortingState, Updater } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { filterList, listFacets, sortList, type ListRow, type SortKey } from '@/knowledge/list';
import type { BulkAction, BulkUndo } from '@/knowledge/store/bulk';
import { BulkActions, entries, type BulkOutcome, type UndoOutcome } from './BulkActions';
import { KnowledgeTable } from './KnowledgeTable';
import { ListFilters, type ListFilterState } from './ListFilters';

const DEFAULT_SORT: SortingState = [{ id: 'title', desc: false }];
const SORT_LABEL: Record<SortKey, string> = {
  title: 'title',
  status: 'status',
  owner: 'owner',
  tags: 'tags',
  locale: 'locale',
  reviewBy: 'review date',
  updatedAt: 'last change',
  shown: 'times shown',
  inserted: 'times inserted',
  rejected: 'times rejected',
};

/**
 * Every entry in one list: search (the agents' engine), filters, sort by any column, select and
 * act on many at once. While a search is typed the rows come in order of relevance, until the
 * lead sorts by a column. Selection survives filtering (the bulk bar says how many are hidden).
 */
export function KnowledgeList(props: {
  rows: ListRow[];
  duplicatesChecked: boolean;
  search: (text: string) => ReadonlyMap<string, number> | undefined;
  searchNote?: string;
  entryHref: (id: string) => string;
  run: (ids: string[], action: BulkAction) => Promise<BulkOutcome>;
  undo: (undo: BulkUndo) => Promise<UndoOutcome>;
}) {
  const { rows, search } = props;
  const [filter, setFilter] = useState<ListFilterState>({});
  const [text, setText] = useState('');
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORT);
  const [selection, setSelection] = useState<RowSelectionState>({});

  const sort = sorting[0];
  const sorted = useMemo(() => (sort ? sortedOnce(rows, sort.id as SortKey, sort.desc ? 'desc' : 'asc') : rows), [rows, sort]);
  const hits = useMemo(() => search(text), [search, text]);
  const shown = useMemo(() => {
    const kept = filterList(sorted, { ...filter, ...(hits ? { ids: new Set(hits.keys()) } : {}) });
    if (!hits || sort) return kept;
    // No column chosen while searching: best match first.
    return kept.sort((a, b) => hits.get(b.entry.id)! - hits.get(a.entry.id)! || (a.entry.id < b.entry.id ? -1 : 1));
  }, [sorted, filter, hits, sort]);
  const facets = useMemo(() => listFacets(rows), [rows]);
  const notSuggested = useMemo(() => rows.reduce((n, r) => n + (r.notSuggested.length > 0 ? 1 : 0), 0), [rows]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.entry.id, r])), [rows]);
  const archived = useMemo(() => rows.filter((r) => r.entry.status === 'archived').map((r) => r.entry.id), [rows]);

  // Selected ids still in the knowledge (a delete elsewhere drops them).
  const selected = useMemo(() => Object.keys(selection).filter((id) => selection[id] && byId.has(id)), [selection, byId]);
  const hidden = useMemo(() => {
    if (selected.length === 0) return 0; // the common case while typing: no pass over the rows
    const visible = new Set(shown.map((r) => r.entry.id));
    return selected.reduce((n, id) => n + (visible.has(id) ? 0 : 1), 0);
  }, [selected, shown]);

  const onSearch = (next: string) => {
    // Starting a search orders by relevance; clearing it goes back to a column.
    if (!text.trim() && next.trim()) setSorting([]);
    else if (text.trim() && !next.trim() && sorting.length === 0) setSorting(DEFAULT_SORT);
    setText(next);
  };
  const onSortingChange = useCallback((u: Updater<SortingState>) => setSorting((s) => (typeof u === 'function' ? u(s) : u)), []);
  const onSelectionChange = useCallback((u: Updater<RowSelectionState>) => setSelection((s) => (typeof u === 'function' ? u(s) : u)), []);

  const caption = `Knowledge entries: ${shown.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} shown, ${
    sort ? `sorted by ${SORT_LABEL[sort.id as SortKey]}, ${sort.desc ? 'descending' : 'ascending'}` : 'best match first'
  }.`;
  return (
    <section aria-labelledby="list-heading" className="knowledge-list">
      <h2 id="list-heading">Every entry</h2>
      <ListFilters
        facets={facets}
        filter={filter}
        onFilter={setFilter}
        search={text}
        onSearch={onSearch}
        searchNote={props.searchNote}
        notSuggestedCount={notSuggested}
        duplicatesChecked={props.duplicatesChecked}
      />
      <p className="list-count" role="status" data-testid="list-count">
        {shown.length === rows.length ? `${entries(rows.length)}` : `${shown.length.toLocaleString('en')} of ${entries(rows.length)}`}
        {sort ? '' : ', best match first'}.
      </p>
      <BulkActions
        selected={selected}
        hidden={hidden}
        allArchived={selected.length > 0 && selected.every((id) => byId.get(id)?.entry.status === 'archived')}
        archived={archived}
        owners={facets.owners.map(([o]) => o).filter(Boolean)}
        tags={facets.tags.map(([t]) => t)}
        run={props.run}
        undo={props.undo}
        onClear={() => setSelection({})}
      />
      {shown.length === 0 ? (
        <p className="muted" data-testid="list-empty">
          {rows.length === 0 ? 'No entries yet: import a knowledge file to start.' : 'No entry matches the search and filters.'}
        </p>
      ) : null}
      <KnowledgeTable rows={shown} order={sorted} caption={caption} sorting={sorting} onSortingChange={onSortingChange} rowSelection={selection} onRowSelectionChange={onSelectionChange} entryHref={props.entryHref} viewKey={JSON.stringify([filter, text, sorting])} />
    </section>
  );
}

const sortCache = new WeakMap<ListRow[], Map<string, ListRow[]>>();

/** sortList, once per rows and order: clearing a search goes back to the column's order without sorting 10k rows again. */
function sortedOnce(rows: ListRow[], key: SortKey, direction: 'asc' | 'desc'): ListRow[] {
  let byOrder = sortCache.get(rows);
  if (!byOrder) sortCache.set(rows, (byOrder = new Map()));
  let sorted = byOrder.get(`${key} ${direction}`);
  if (!sorted) byOrder.set(`${key} ${direction}`, (sorted = sortList(rows, key, direction)));
  return sorted;
}
