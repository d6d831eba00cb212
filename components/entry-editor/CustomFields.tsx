import type { EntryForm, FormErrors } from '@/knowledge/editor/entry-form';

type Row = EntryForm['custom'][number];

/** Extra fields kept from the source (a CSV's other columns): name and value, editable. */
export function CustomFields({ idPrefix, rows, errors, onChange }: { idPrefix: string; rows: Row[]; errors: FormErrors; onChange: (rows: Row[]) => void }) {
  const set = (i: number, patch: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="custom-fields">
      <legend>Custom fields</legend>
      {rows.length === 0 && <p className="muted">None.</p>}
      {errors.custom && <p className="field-error">{errors.custom}</p>}
      {rows.map((r, i) => {
        const error = errors[`custom.${i}`];
        const errId = `${idPrefix}-${i}-error`;
        return (
          <div className="custom-row" key={i}>
            <label htmlFor={`${idPrefix}-${i}-key`}>Name</label>
            <input id={`${idPrefix}-${i}-key`} value={r.key} aria-invalid={error ? true : undefined} aria-describedby={error ? errId : undefined} onChange={(e) => set(i, { key: e.target.value })} />
            <label htmlFor={`${idPrefix}-${i}-value`}>Value</label>
            <input id={`${idPrefix}-${i}-value`} value={r.value} aria-invalid={error ? true : undefined} aria-describedby={error ? errId : undefined} onChange={(e) => set(i, { value: e.target.value })} />
            <button type="button" aria-label={`Remove custom field ${r.key || i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove
            </button>
            {error && (
              <p id={errId} className="field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add a custom field
      </button>
    </fieldset>
  );
}
