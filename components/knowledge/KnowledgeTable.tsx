import { flexRender, useTable, type OnChangeFn, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ListRow } from '@/knowledge/list';
import { COLUMN_TRACKS, TitleCell, listColumns, listFeatures } from './list-columns';

const ROW_HEIGHT = 34;
/** Rows drawn beyond the visible ones, so Tab and the arrow keys land on a row that exists. */
const OVERSCAN = 8;
const NUMERIC = new Set(['shown', 'inserted', 'rejected']);
const rowId = (r: ListRow) => r.entry.id;

export interface KnowledgeTableProps {
  /** What to show, filtered and in order (knowledge/list.ts). */
  rows: ListRow[];
  /**
   * Every row in the column's order, the table's data: it changes with the sort or a reload, not
   * with each keystroke, so the table does not rebuild 10k row models while the lead types.
   */
  order: ListRow[];
  caption: string;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
  entryHref: (id: string) => string;
  /** Changes when the search, filters or sort change: the list goes back to its top (not when the same rows reload). */
  viewKey: string;
}

/**
 * The knowledge list's table: only the rows in view are in the DOM (@tanstack/react-virtual), so
 * 10k entries draw as fast as 30. @tanstack/react-table holds the columns and the sort state; the
 * selection is the list's (a shift-click range runs over the rows shown, filters applied).
 * Keyboard: one tab stop in the body (the current row's checkbox, then its title link); the arrow
 * keys, Page Up/Down, Home and End move between rows, scrolling them into view; Space selects,
 * Shift+Space (like Shift+click) selects the range from the last row toggled; Enter on a title
 * opens the entry.
 */
export function KnowledgeTable(props: KnowledgeTableProps) {
  const { rows, sorting, rowSelection, entryHref, onRowSelectionChange } = props;
  const columns = useMemo(() => listColumns(entryHref), [entryHref]);
  const table = useTable({
    features: listFeatures,
    columns,
    data: props.order,
    getRowId: rowId,
    state: { sorting },
    onSortingChange: props.onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Stable between renders of the same rows: a new getItemKey makes the virtualiser measure all 10k rows again.
  const getItemKey = useCallback((i: number) => rows[i]!.entry.id, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: OVERSCAN,
  });
  /** The last row toggled: Shift extends from it. */
  const anchor = useRef<string | null>(null);
  const toggle = (index: number, on: boolean, range: boolean) => {
    const id = rows[index]!.entry.id;
    const from = range && anchor.current !== null ? rows.findIndex((r) => r.entry.id === anchor.current) : -1;
    anchor.current = id;
    onRowSelectionChange((old) => {
      const next = { ...old };
      const [lo, hi] = from < 0 ? [index, index] : [Math.min(from, index), Math.max(from, index)];
      for (let i = lo; i <= hi; i++) {
        if (on) next[rows[i]!.entry.id] = true;
        else delete next[rows[i]!.entry.id];
      }
      return next;
    });
  };
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, rows.length - 1));
  const pendingFocus = useRef<{ index: number; col: string; tries: number } | null>(null);
  const items = virtualizer.getVirtualItems();
  // The tab stop: the current row when it is drawn, else the first row drawn.
  const tabStop = items.some((v) => v.index === current) ? current : (items[0]?.index ?? -1);

  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    let frame = 0;
    const attempt = () => {
      const el = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${want.index}"] [data-col="${want.col}"]`);
      if (el) {
        pendingFocus.current = null;
        el.focus();
      } else if (want.tries++ < 10) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setActive(0);
  }, [props.viewKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = e.target as HTMLElement;
    const col = target.dataset.col;
    const from = Number(target.closest('tr')?.dataset.index);
    if (!col || Number.isNaN(from) || e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const last = rows.length - 1;
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const index = Math.max(0, Math.min(last, to));
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    pendingFocus.current = { index, col, tries: 0 };
  };

  let selectedShown = 0;
  for (const r of rows) if (rowSelection[r.entry.id]) selectedShown++;
  const all = rows.length > 0 && selectedShown === rows.length;
  const some = selectedShown > 0;
  return (
    <div className="list-scroll" ref={scrollRef} data-testid="list-scroll">
      <table className="list-table" aria-rowcount={rows.length + 1} data-testid="knowledge-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1} style={{ gridTemplateColumns: COLUMN_TRACKS }}>
              {group.headers.map((header) => {
                const id = header.column.id;
                if (id === 'select') {
                  return (
                    <th key={header.id} scope="col">
                      <input
                        type="checkbox"
                        data-testid="select-all"
                        aria-label={all ? `Clear the selection of all ${rows.length.toLocaleString('en')} entries shown` : `Select all ${rows.length.toLocaleString('en')} entries shown`}
                        checked={all}
                        ref={(el) => {
                          if (el) el.indeterminate = !all && some;
                        }}
                        disabled={rows.length === 0}
                        onChange={() =>
                          onRowSelectionChange((old) => {
                            const next = { ...old };
                            for (const r of rows) {
                              if (all) delete next[r.entry.id];
                              else next[r.entry.id] = true;
                            }
                            return next;
                          })
                        }
                      />
                    </th>
                  );
                }
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} className={NUMERIC.has(id) ? 'num' : undefined}>
                    <button type="button" className="list-sort" onClick={header.column.getToggleSortingHandler()} data-testid={`sort-${id}`}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {NUMERIC.has(id) ? <span className="visually-hidden"> in the last 30 days</span> : null}
                      <span aria-hidden="true" className="list-sort-mark">
                        {sorted === 'asc' ? '\u25B2' : sorted === 'desc' ? '\u25BC' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef} style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((v) => {
            const row = table.getRow(rows[v.index]!.entry.id);
            const selected = rowSelection[row.id] === true;
            const stop = v.index === tabStop ? 0 : -1;
            return (
              <tr
                key={row.id}
                data-index={v.index}
                data-id={row.id}
                aria-rowindex={v.index + 2}
                className={selected ? 'selected' : undefined}
                style={{ transform: `translateY(${v.start}px)`, gridTemplateColumns: COLUMN_TRACKS }}
                onFocus={() => setActive(v.index)}
              >
                {row.getAllCells().map((cell) =>
                  cell.column.id === 'select' ? (
                    <td key={cell.id}>
                      <input
                        type="checkbox"
                        data-col="select"
                        aria-label={`Select ${row.original.entry.title}`}
                        checked={selected}
                        tabIndex={stop}
                        onChange={(e) => toggle(v.index, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey === true)}
                      />
                    </td>
                  ) : (
                    <td key={cell.id} className={NUMERIC.has(cell.column.id) ? 'num' : undefined}>
                      {cell.column.id === 'title' ? <TitleCell row={row.original} href={entryHref(row.id)} tabIndex={stop} /> : flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
