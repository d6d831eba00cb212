import { useId } from 'react';
import type { ConflictChoice, ConflictPolicy } from '@/knowledge/import-conflicts';
import type { ImportPlan } from '@/knowledge/import-plan';

export const POLICY_WORDS: Record<ConflictPolicy, string> = {
  keep: 'Keep the stored entry',
  replace: 'Replace it with the file\u2019s entry',
  version: 'Add the file\u2019s text as a new version (keeps status, owner, review date)',
};

const ACTION_WORDS: Record<string, string> = { keep: 'kept as stored', replace: 'replaced', version: 'new version', unchanged: 'unchanged (same content)', add: 'added' };

/** Step 4: what happens to each id the knowledge base already holds, for all of them and per id. */
export function ConflictChoices({ plan, onChange, disabled }: { plan: ImportPlan; onChange: (c: ConflictChoice) => void; disabled?: boolean }) {
  const id = useId();
  const choice = plan.conflicts;
  const existing = plan.items.filter((i) => i.exists);
  const setOne = (entryId: string, value: string) => {
    const byId = { ...choice.byId };
    if (value === '') delete byId[entryId];
    else byId[entryId] = value as ConflictPolicy;
    onChange({ all: choice.all, byId });
  };
  return (
    <div data-testid="conflicts">
      <p>
        {existing.length} {existing.length === 1 ? 'entry of this import is' : 'entries of this import are'} already in the knowledge base. Every choice keeps the history.
      </p>
      <label htmlFor={`${id}-all`}>For all of them </label>
      <select id={`${id}-all`} data-testid="conflict-all" value={choice.all} disabled={disabled} onChange={(e) => onChange({ all: e.target.value as ConflictPolicy, byId: choice.byId ?? {} })}>
        {Object.entries(POLICY_WORDS).map(([p, words]) => (
          <option key={p} value={p}>
            {words}
          </option>
        ))}
      </select>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Entries already stored</caption>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Title</th>
              <th scope="col">Choice</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {existing.map((i) => (
              <tr key={i.id} data-id={i.id} data-action={i.action}>
                <td>{i.id}</td>
                <td>{i.title}</td>
                <td>
                  <select aria-label={`For ${i.id}`} data-testid={`conflict-${i.id}`} value={choice.byId?.[i.id] ?? ''} disabled={disabled} onChange={(e) => setOne(i.id, e.target.value)}>
                    <option value="">As for all</option>
                    <option value="keep">Keep</option>
                    <option value="replace">Replace</option>
                    <option value="version">New version</option>
                  </select>
                </td>
                <td>{ACTION_WORDS[i.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
