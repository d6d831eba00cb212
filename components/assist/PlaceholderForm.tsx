import { useId } from 'react';
import { PLACEHOLDERS, type PlaceholderName, type PlaceholderValues } from '@/knowledge/placeholders';

/**
 * The placeholders nothing could fill: the agent types them; Insert waits until they are all filled.
 * A value found in the ticket is offered beside its field, marked as such: the agent takes it with
 * one click (or types another), it is never filled in unseen.
 */
export function PlaceholderForm({ names, values, offered = {}, onChange }: { names: readonly PlaceholderName[]; values: PlaceholderValues; offered?: PlaceholderValues; onChange: (name: PlaceholderName, value: string) => void }) {
  const id = useId();
  if (!names.length) return null;
  return (
    <fieldset className="placeholders" data-testid="placeholder-form">
      <legend>Fill in before inserting</legend>
      {names.map((name) => (
        <p key={name}>
          <label htmlFor={`${id}-${name}`}>{PLACEHOLDERS[name].label}</label>
          <input id={`${id}-${name}`} data-placeholder={name} value={values[name] ?? ''} onChange={(e) => onChange(name, e.target.value)} />
          {offered[name] && offered[name] !== values[name] ? (
            <button type="button" className="offer" data-offer={name} onClick={() => onChange(name, offered[name]!)}>
              Use &ldquo;{offered[name]}&rdquo; from the ticket
            </button>
          ) : null}
        </p>
      ))}
    </fieldset>
  );
}

export function missingLabel(names: readonly PlaceholderName[]): string {
  const labels = names.map((n) => PLACEHOLDERS[n].label.toLowerCase());
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
