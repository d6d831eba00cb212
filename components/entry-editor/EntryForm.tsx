import { useId, useMemo } from 'react';
import { Markdown } from '@/components/entry/Markdown';
import { FIELD_LABELS, type EntryForm as Form, type FormErrors } from '@/knowledge/editor/entry-form';
import { lintPlaceholders } from '@/knowledge/editor/placeholder-lint';
import { LIMITS, type EntrySource } from '@/knowledge/entry';
import { CustomFields } from './CustomFields';
import { Field } from './Field';
import { PlaceholderLint } from './PlaceholderLint';
import { QuestionList } from './QuestionList';

/**
 * Every field of an entry, each with its inline error (the import's schema, knowledge/editor/
 * entry-form.ts); the answer with a live preview through the panel's own renderer and the
 * placeholder linter. Props in, callbacks out: the section loads and saves.
 */
export function EntryFormView({
  form,
  errors,
  isNew,
  saving,
  source,
  onChange,
  onSave,
}: {
  form: Form;
  errors: FormErrors;
  isNew: boolean;
  saving: boolean;
  /** Where the stored entry came from (kept as it was: it says which file to fix at the source). */
  source?: EntrySource;
  onChange: (f: Form) => void;
  onSave: () => void;
}) {
  const id = useId();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const problems = useMemo(() => lintPlaceholders(form.body), [form.body]);
  return (
    <form
      className="entry-form"
      aria-label={isNew ? 'New entry' : `Edit ${form.title || form.id}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {isNew ? (
        <Field id={`${id}-id`} label={FIELD_LABELS.id} error={errors.id} hint="Letters, digits and . _ : - (kept for good: links and imports use it).">
          {(p) => <input {...p} data-testid="field-id" value={form.id} maxLength={LIMITS.id + 50} onChange={(e) => set('id', e.target.value)} />}
        </Field>
      ) : (
        <p className="muted">
          Id: <code>{form.id}</code>
          {source && (
            <span data-testid="entry-source">
              {' \u00b7 '}
              {source.format === 'manual' ? 'written in the dashboard' : `from ${source.file}${source.row !== undefined ? `, row ${source.row}` : source.path ? `, ${source.path}` : ''} (${source.format})`}
            </span>
          )}
        </p>
      )}
      <Field id={`${id}-title`} label={FIELD_LABELS.title} error={errors.title}>
        {(p) => <input {...p} data-testid="field-title" value={form.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <div className="body-and-preview">
        <Field id={`${id}-body`} label={FIELD_LABELS.body} error={errors.body} hint="Markdown: **bold**, *italic*, lists, links; placeholders like {{customer.first_name|there}}.">
          {(p) => (
            <textarea
              {...p}
              aria-describedby={[p['aria-describedby'], problems.length ? `${id}-lint` : ''].filter(Boolean).join(' ')}
              data-testid="field-body"
              rows={14}
              value={form.body}
              onChange={(e) => set('body', e.target.value)}
            />
          )}
        </Field>
        <section className="preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>Preview (as agents see it)</h3>
          <div data-testid="body-preview">
            <Markdown source={form.body} />
          </div>
        </section>
      </div>
      <PlaceholderLint id={`${id}-lint`} problems={problems} onReplace={(raw, by) => set('body', form.body.split(raw).join(by))} />
      <QuestionList idPrefix={`${id}-q`} questions={form.questions} errors={errors} onChange={(q) => set('questions', q)} />
      <div className="field-row">
        <Field id={`${id}-tags`} label={FIELD_LABELS.tags} error={errors.tags} hint="Separated by commas.">
          {(p) => <input {...p} data-testid="field-tags" value={form.tags} onChange={(e) => set('tags', e.target.value)} />}
        </Field>
        <Field id={`${id}-locale`} label={FIELD_LABELS.locale} error={errors.locale} hint="en, de, pt-BR, …">
          {(p) => <input {...p} data-testid="field-locale" value={form.locale} onChange={(e) => set('locale', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field id={`${id}-owner`} label={FIELD_LABELS.owner} error={errors.owner} hint="Who answers for this entry: a name or an email.">
          {(p) => <input {...p} data-testid="field-owner" value={form.owner} onChange={(e) => set('owner', e.target.value)} />}
        </Field>
        <Field id={`${id}-review`} label={FIELD_LABELS.reviewBy} error={errors.reviewBy} hint="YYYY-MM-DD; after it the entry is not suggested until reviewed.">
          {(p) => <input {...p} data-testid="field-review" value={form.reviewBy} placeholder="2027-06-30" onChange={(e) => set('reviewBy', e.target.value)} />}
        </Field>
      </div>
      <CustomFields idPrefix={`${id}-c`} rows={form.custom} errors={errors} onChange={(c) => set('custom', c)} />
      <p className="form-actions">
        <button type="submit" className="primary" data-testid="save-entry" disabled={saving}>
          {saving ? 'Saving\u2026' : isNew ? 'Create entry' : 'Save as a new version'}
        </button>
      </p>
    </form>
  );
}
