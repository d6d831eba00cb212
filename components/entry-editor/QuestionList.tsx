import { useRef } from 'react';
import type { FormErrors } from '@/knowledge/editor/entry-form';
import { LIMITS } from '@/knowledge/entry';

/** The example questions, one input each: add, remove, and an inline error on the row that fails. */
export function QuestionList({ idPrefix, questions, errors, onChange }: { idPrefix: string; questions: string[]; errors: FormErrors; onChange: (q: string[]) => void }) {
  const list = useRef<HTMLOListElement>(null);
  const focusRow = (i: number) => requestAnimationFrame(() => list.current?.querySelectorAll('input')[i]?.focus());
  return (
    <fieldset className="question-list">
      <legend>Example questions</legend>
      <p className="muted field-hint" id={`${idPrefix}-hint`}>
        The ways customers ask it: search finds the entry by them.
      </p>
      <ol ref={list}>
        {questions.map((q, i) => {
          const id = `${idPrefix}-${i}`;
          const error = errors[`questions.${i}`];
          return (
            <li key={i}>
              <label className="visually-hidden" htmlFor={id}>
                Question {i + 1}
              </label>
              <input
                id={id}
                data-testid="question"
                value={q}
                maxLength={LIMITS.question + 100}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${idPrefix}-hint`}
                onChange={(e) => onChange(questions.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button
                type="button"
                aria-label={`Remove question ${i + 1}`}
                onClick={() => {
                  onChange(questions.length > 1 ? questions.filter((_, j) => j !== i) : ['']);
                  focusRow(Math.max(0, i - 1));
                }}
              >
                Remove
              </button>
              {error && (
                <p id={`${id}-error`} className="field-error">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        data-testid="add-question"
        disabled={questions.length >= LIMITS.questions}
        onClick={() => {
          onChange([...questions, '']);
          focusRow(questions.length);
        }}
      >
        Add a question
      </button>
    </fieldset>
  );
}
