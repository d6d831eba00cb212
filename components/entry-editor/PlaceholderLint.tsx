import type { PlaceholderProblem } from '@/knowledge/editor/placeholder-lint';

const HEADINGS: Record<PlaceholderProblem['kind'], string> = {
  unknown: 'Unknown placeholder',
  'no-fallback': 'No fallback',
  dialect: 'Another helpdesk\u2019s syntax',
};

/** The placeholder linter's findings under the answer; a dialect leftover can be fixed in one click. */
export function PlaceholderLint({ id, problems, onReplace }: { id: string; problems: PlaceholderProblem[]; onReplace: (raw: string, replacement: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <div id={id} className="lint" data-testid="placeholder-lint">
      <p className="lint-head">Placeholders to check ({problems.length}):</p>
      <ul>
        {problems.map((p) => (
          <li key={p.kind + p.raw} data-kind={p.kind}>
            <strong>{HEADINGS[p.kind]}:</strong> {p.message}{' '}
            {p.kind === 'dialect' && p.replacement && (
              <button type="button" onClick={() => onReplace(p.raw, p.replacement!)}>
                Replace with {p.replacement}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
