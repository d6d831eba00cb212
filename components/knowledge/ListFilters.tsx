import { useId } from 'react';
import { ENTRY_STATUSES, type NotSuggestedReason } from '@/knowledge/entry';
import { DUE_SOON_DAYS, NEVER_SUGGESTED_DAYS, type ListFacets, type ListFilter } from '@/knowledge/list';
import { STATUS_LABEL } from './list-columns';

/** Every filter but the search's ids (the list adds those). */
export type ListFilterState = Omit<ListFilter, 'ids'>;

const REASON_LABEL: Record<NotSuggestedReason, string> = { draft: 'draft', in_review: 'in review', archived: 'archived', overdue: 'overdue' };

const count = (n: number) => n.toLocaleString('en');

/**
 * The list's filters as plain form controls (each with its label, counts from listFacets): the
 * search box, status, owner, tag, locale, review date, not suggested and why, flagged, never
 * suggested, possible duplicate.
 */
export function ListFilters(props: {
  facets: ListFacets;
  filter: ListFilterState;
  onFilter: (f: ListFilterState) => void;
  search: string;
  onSearch: (text: string) => void;
  /** Said under the search box while its index is still being built. */
  searchNote?: string;
  /** Entries agents are not shown, for any reason (an entry can have two). */
  notSuggestedCount: number;
  /** False until the duplicate scan has run: the filter says so. */
  duplicatesChecked: boolean;
}) {
  const { facets, filter, onFilter } = props;
  const id = useId();
  const set = (patch: Partial<ListFilterState>) => {
    const next: ListFilterState = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof ListFilterState)[]) if (next[k] === undefined) delete next[k];
    onFilter(next);
  };
  const statusCount = new Map(facets.statuses);
  const toggleStatus = (s: (typeof ENTRY_STATUSES)[number], on: boolean) => {
    const now = new Set(filter.status ?? []);
    if (on) now.add(s);
    else now.delete(s);
    set({ status: now.size ? ENTRY_STATUSES.filter((x) => now.has(x)) : undefined });
  };
  const review = filter.overdue ? 'overdue' : filter.dueSoon ? 'due-soon' : '';
  const active = Object.keys(filter).length > 0 || props.search !== '';
  return (
    <div className="list-filters" role="search" aria-label="Search and filter the knowledge">
      <div className="list-search">
        <label htmlFor={`${id}-q`}>Search</label>
        <input id={`${id}-q`} type="search" value={props.search} onChange={(e) => props.onSearch(e.target.value)} data-testid="list-search" aria-describedby={props.searchNote ? `${id}-qn` : undefined} />
        {props.searchNote ? (
          <p id={`${id}-qn`} className="muted list-note">
            {props.searchNote}
          </p>
        ) : null}
      </div>
      <fieldset className="list-status">
        <legend>Status</legend>
        {ENTRY_STATUSES.map((s) => (
          <label key={s} className="radio">
            <input type="checkbox" checked={filter.status?.includes(s) ?? false} onChange={(e) => toggleStatus(s, e.target.checked)} data-testid={`filter-status-${s}`} /> {STATUS_LABEL[s]} ({count(statusCount.get(s) ?? 0)})
          </label>
        ))}
      </fieldset>
      <Choice label="Owner" testId="filter-owner" value={filter.owner} onChange={(owner) => set({ owner })} options={facets.owners.map(([o, n]) => [o, `${o || '(no owner)'} (${count(n)})`])} />
      <Choice label="Tag" testId="filter-tag" value={filter.tag} onChange={(tag) => set({ tag })} options={facets.tags.map(([t, n]) => [t, `${t} (${count(n)})`])} />
      <Choice label="Locale" testId="filter-locale" value={filter.locale} onChange={(locale) => set({ locale })} options={facets.locales.map(([l, n]) => [l, `${l} (${count(n)})`])} />
      <Choice
        label="Review date"
        testId="filter-review"
        value={review || undefined}
        onChange={(v) => set({ overdue: v === 'overdue' ? true : undefined, dueSoon: v === 'due-soon' ? true : undefined })}
        options={[
          ['overdue', 'overdue'],
          ['due-soon', `due within ${DUE_SOON_DAYS} days`],
        ]}
      />
      <Choice
        label="Not suggested, and why"
        testId="filter-not-suggested"
        value={filter.notSuggested === undefined ? undefined : filter.notSuggested === true ? '*' : filter.notSuggested}
        onChange={(v) => set({ notSuggested: v === undefined ? undefined : v === '*' ? true : (v as NotSuggestedReason) })}
        options={[['*', `not suggested, any reason (${count(props.notSuggestedCount)})`], ...facets.notSuggested.map(([r, n]): [string, string] => [r, `${REASON_LABEL[r]} (${count(n)})`])]}
      />
      <fieldset className="list-flags">
        <legend>Only entries</legend>
        <Flag label="flagged as outdated" testId="filter-flagged" on={filter.flagged} onChange={(flagged) => set({ flagged })} />
        <Flag label={`never suggested (${NEVER_SUGGESTED_DAYS} days)`} testId="filter-never" on={filter.neverSuggested} onChange={(neverSuggested) => set({ neverSuggested })} />
        <Flag
          label={props.duplicatesChecked ? 'possible duplicate' : 'possible duplicate (checking\u2026)'}
          testId="filter-duplicate"
          on={filter.possibleDuplicate}
          onChange={(possibleDuplicate) => set({ possibleDuplicate })}
        />
      </fieldset>
      <button
        type="button"
        disabled={!active}
        onClick={() => {
          onFilter({});
          props.onSearch('');
        }}
        data-testid="filter-clear"
      >
        Clear search and filters
      </button>
    </div>
  );
}

function Choice(props: { label: string; testId: string; value: string | undefined; onChange: (v: string | undefined) => void; options: [string, string][] }) {
  const id = useId();
  return (
    <div className="list-choice">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value === undefined ? '\u0000any' : props.value} onChange={(e) => props.onChange(e.target.value === '\u0000any' ? undefined : e.target.value)} data-testid={props.testId}>
        <option value={'\u0000any'}>any</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Flag(props: { label: string; testId: string; on: boolean | undefined; onChange: (on: true | undefined) => void }) {
  return (
    <label className="radio">
      <input type="checkbox" checked={props.on === true} onChange={(e) => props.onChange(e.target.checked ? true : undefined)} data-testid={props.testId} /> {props.label}
    </label>
  );
}
