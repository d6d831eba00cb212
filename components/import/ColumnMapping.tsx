import { useId, useMemo } from 'react';
import type { CsvMapping } from '@/knowledge/formats/csv';
import { previewCsv, type MappingProposal } from '@/knowledge/formats/csv-mapping';
import { formatProblem } from '@/knowledge/problems';

/** The entry fields a spreadsheet column can fill, in the order a lead thinks of them. */
export const MAPPED_FIELDS: readonly { field: string; label: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'body', label: 'Answer (body)' },
  { field: 'questions', label: 'Example questions' },
  { field: 'tags', label: 'Tags' },
  { field: 'id', label: 'Id' },
  { field: 'locale', label: 'Locale' },
  { field: 'status', label: 'Status' },
  { field: 'owner', label: 'Owner' },
  { field: 'review_by', label: 'Review date' },
  { field: 'translation_group', label: 'Translation group' },
];

const PREVIEW_ROWS = 5;

/** `field` now comes from `header` (or from no column): the column it came from before becomes a custom field. */
export function mapField(mapping: CsvMapping, field: string, header: string): CsvMapping {
  const next: Record<string, string> = {};
  for (const [h, target] of Object.entries(mapping)) next[h] = target === field ? 'custom' : target;
  if (header) next[header] = field;
  return next;
}

const cut = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}\u2026` : s);

/**
 * Step 2 for one CSV whose headers are not ours: a select per entry field naming the column that
 * fills it, and the first rows read with that mapping (entries, or their problems by row and field).
 */
export function ColumnMapping({ name, text, proposal, mapping, onChange, now }: { name: string; text: string; proposal: MappingProposal; mapping: CsvMapping; onChange: (m: CsvMapping) => void; now?: Date }) {
  const id = useId();
  const preview = useMemo(() => previewCsv({ name, text }, mapping, PREVIEW_ROWS, now), [name, text, mapping, now]);
  const headers = proposal.headers.filter(Boolean);
  const custom = headers.filter((h) => (mapping[h] ?? 'custom') === 'custom');
  const remembered = proposal.columns.some((c) => c.reason === 'remembered');
  return (
    <section className="import-mapping" aria-labelledby={`${id}-h`} data-testid="column-mapping" data-file={name}>
      <h4 id={`${id}-h`}>Columns of {name}</h4>
      <p className="muted">
        {remembered ? 'The mapping you chose last time for these columns.' : 'Its headers are not the ones Agent Assist reads: choose the column that holds each field.'} Columns
        not chosen are kept as custom fields.
      </p>
      <div className="mapping-fields">
        {MAPPED_FIELDS.map(({ field, label }) => {
          const current = headers.find((h) => mapping[h] === field) ?? '';
          return (
            <label key={field} className="mapping-field">
              <span>{label}</span>
              <select value={current} data-testid={`map-${field}`} onChange={(e) => onChange(mapField(mapping, field, e.target.value))}>
                <option value="">(no column)</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      {custom.length ? <p className="muted">Kept as custom fields: {custom.join(', ')}.</p> : null}
      {preview.header.length ? (
        <ul className="problems" aria-label={`Problems with the columns of ${name}`} data-testid="mapping-problems">
          {preview.header.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
              {formatProblem(p)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="mapping-preview">
          <caption>The first {PREVIEW_ROWS} rows with this mapping</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Title</th>
              <th scope="col">Answer</th>
              <th scope="col">Questions</th>
              <th scope="col">Tags</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row} data-row={r.row}>
                <td className="num">{r.row}</td>
                {r.entry && !r.problems.some((p) => p.severity === 'error') ? (
                  <>
                    <td>{cut(r.entry.title, 60)}</td>
                    <td className="wrap">{cut(r.entry.body)}</td>
                    <td>{r.entry.questions.length}</td>
                    <td>{r.entry.tags.join(', ')}</td>
                    <td>{r.entry.status}</td>
                  </>
                ) : (
                  <td colSpan={5} className="problem-error wrap">
                    {r.problems.map(formatProblem).join('; ')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
