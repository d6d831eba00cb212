import { useId } from 'react';
import { PLACEHOLDERS, type PlaceholderName, type PlaceholderValues } from '@/knowledge/placeholders';

/** The placeholders nothing could fill: the agent types them; Insert waits until they are all filled. */
export function PlaceholderForm({ names, values, onChange }: { names: readonly PlaceholderName[]; values: PlaceholderValues; onChange: (name: PlaceholderName, value: string) => void }) {
  const id = useId();
  if (!names.length) return null;
  return (
    <fieldset className="placeholders" data-testid="placeholder-form">
      <legend>Fill in before inserting</legend>
      {names.map((name) => (
        <p key={name}>
          <label htmlFor={`${id}-${name}`}>{PLACEHOLDERS[name].label}</label>
          <input id={`${id}-${name}`} data-placeholder={name} value={values[name] ?? ''} onChange={(e) => onChange(name, e.target.value)} />
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
