import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { EntryStatus } from '@/knowledge/entry';
import type { ListRow, SortKey } from '@/knowledge/list';

/**
 * The knowledge list's columns for @tanstack/react-table, which holds the sort state; the rows
 * arrive already sorted by knowledge/list.ts (manualSorting), whose order rules (no review date
 * last, ties by id) the Node tests pin down.
 */
export const listFeatures = tableFeatures({ rowSortingFeature });

export const STATUS_LABEL: Record<EntryStatus, string> = { draft: 'draft', in_review: 'in review', approved: 'approved', archived: 'archived' };

const helper = createColumnHelper<typeof listFeatures, ListRow>();

/** Grid track per column (select first); the header row and every body row use the same template. */
export const COLUMN_TRACKS = '40px minmax(220px, 3fr) 92px minmax(110px, 1fr) minmax(100px, 1fr) 62px 168px 100px 66px 74px 76px';

/** The title links to the entry's editor; flags the filters offer show beside it. */
export function TitleCell({ row, href, tabIndex }: { row: ListRow; href: string; tabIndex: number }) {
  return (
    <>
      <a href={href} data-col="link" className="list-title" title={row.entry.title} tabIndex={tabIndex}>
        {row.entry.title}
      </a>
      {row.flagged ? <span className="list-badge">flagged</span> : null}
      {row.possibleDuplicate ? <span className="list-badge">possible duplicate</span> : null}
    </>
  );
}

export function listColumns(entryHref: (id: string) => string) {
  return helper.columns([
    helper.display({ id: 'select', header: 'Select' }),
    helper.accessor((r) => r.entry.title, {
      id: 'title' satisfies SortKey,
      header: 'Title',
      cell: ({ row }) => <TitleCell row={row.original} href={entryHref(row.original.entry.id)} tabIndex={-1} />,
    }),
    helper.accessor((r) => r.entry.status, {
      id: 'status' satisfies SortKey,
      header: 'Status',
      cell: ({ row }) => STATUS_LABEL[row.original.entry.status],
    }),
    helper.accessor((r) => r.entry.owner, {
      id: 'owner' satisfies SortKey,
      header: 'Owner',
      cell: ({ row }) => (row.original.entry.owner ? <span title={row.original.entry.owner}>{row.original.entry.owner}</span> : <span className="muted">no owner</span>),
    }),
    helper.accessor((r) => r.entry.tags.join(', '), {
      id: 'tags' satisfies SortKey,
      header: 'Tags',
      cell: ({ row }) => <span title={row.original.entry.tags.join(', ')}>{row.original.entry.tags.join(', ')}</span>,
    }),
    helper.accessor((r) => r.entry.locale, { id: 'locale' satisfies SortKey, header: 'Locale' }),
    helper.accessor((r) => r.entry.reviewBy ?? '', {
      id: 'reviewBy' satisfies SortKey,
      header: 'Review by',
      cell: ({ row }) => {
        const r = row.original;
        if (!r.entry.reviewBy) return <span className="muted">none</span>;
        return (
          <>
            {r.entry.reviewBy}
            {r.overdue ? <span className="list-badge list-badge-bad">overdue</span> : r.dueSoon ? <span className="list-badge">due soon</span> : null}
          </>
        );
      },
    }),
    helper.accessor((r) => r.entry.updatedAt, {
      id: 'updatedAt' satisfies SortKey,
      header: 'Last change',
      sortDescFirst: true,
      cell: ({ row }) => <span title={row.original.entry.updatedAt}>{row.original.entry.updatedAt.slice(0, 10)}</span>,
    }),
    ...(['shown', 'inserted', 'rejected'] as const).map((key) =>
      helper.accessor((r) => r.use[key], {
        id: key satisfies SortKey,
        header: key[0]!.toUpperCase() + key.slice(1),
        sortDescFirst: true,
      }),
    ),
  ]);
}
