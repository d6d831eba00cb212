import type { ImportPlan } from '@/knowledge/import-plan';
import { formatProblem } from '@/knowledge/problems';

/** Long lists stop here with "and N more": a 10k-entry import stays readable. */
const SHOWN = 500;

function More({ total }: { total: number }) {
  return total > SHOWN ? <li className="muted">and {(total - SHOWN).toLocaleString('en')} more</li> : null;
}

const n = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString('en')} ${k === 1 ? one : many}`;

/** Step 3, the dry run: per file its format and problems, every problem by file, row and field, what agents will not see and why, look-alikes. */
export function ImportPlanView({ plan }: { plan: ImportPlan }) {
  const { counts } = plan;
  const hidden = plan.items.filter((i) => i.whyNot.length);
  const dups = plan.items.flatMap((i) => i.duplicates.map((d) => ({ id: i.id, ...d })));
  return (
    <div data-testid="import-check">
      <p data-testid="plan-summary">
        {n(plan.items.length, 'entry', 'entries')} read: {counts.add.toLocaleString('en')} new, {counts.replace.toLocaleString('en')} replacing a stored entry, {counts.version.toLocaleString('en')} as a new
        version, {counts.keep.toLocaleString('en')} kept as stored, {counts.unchanged.toLocaleString('en')} unchanged; {n(counts.errors, 'error')}, {n(counts.warnings, 'warning')}.
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="plan-files">
          <caption>Files checked</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col">Entries</th>
              <th scope="col">Errors</th>
              <th scope="col">Warnings</th>
            </tr>
          </thead>
          <tbody>
            {plan.files.map((f) => (
              <tr key={f.name}>
                <td>{f.name}</td>
                <td>{f.label ?? '\u2014'}</td>
                <td className="num">{f.entries}</td>
                <td className="num">{f.problems.filter((p) => p.severity === 'error').length}</td>
                <td className="num">{f.problems.filter((p) => p.severity !== 'error').length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.problems.length ? (
        <ul className="problems" aria-label="Problems found" data-testid="plan-problems">
          {plan.problems.slice(0, SHOWN).map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'} data-severity={p.severity}>
              {p.severity === 'error' ? 'Error: ' : 'Warning: '}
              {formatProblem(p)}
            </li>
          ))}
          <More total={plan.problems.length} />
        </ul>
      ) : null}
      {hidden.length || dups.length || plan.translationClashes.length ? (
        <div data-testid="import-warnings">
          {hidden.length ? (
            <>
              <p>{n(hidden.length, 'entry', 'entries')} will not be suggested to agents:</p>
              <ul aria-label="Entries that will not be suggested" data-testid="plan-not-suggested">
                {hidden.slice(0, SHOWN).map((i) => (
                  <li key={i.id} data-id={i.id} data-reason={i.notSuggested.join(' ')}>
                    {i.id} ({i.title}): {i.whyNot.join(', ')}
                  </li>
                ))}
                <More total={hidden.length} />
              </ul>
            </>
          ) : null}
          {dups.length ? (
            <>
              <p>{n(dups.length, 'possible duplicate')}:</p>
              <ul aria-label="Possible duplicates" data-testid="plan-duplicates">
                {dups.slice(0, SHOWN).map((d) => (
                  <li key={`${d.id}\u0000${d.of}`} data-where={d.where}>
                    {d.id} {d.exact ? 'repeats' : 'resembles'} {d.where === 'stored' ? 'the stored entry' : 'the imported entry'} {d.of} ({Math.round(d.similarity * 100)}%)
                  </li>
                ))}
                <More total={dups.length} />
              </ul>
            </>
          ) : null}
          {plan.translationClashes.length ? (
            <ul aria-label="Translations in the same locale">
              {plan.translationClashes.map((c) => (
                <li key={`${c.group}\u0000${c.locale}`}>
                  {c.ids.join(', ')} are all translations of {c.group} in {c.locale}: keep one per locale
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
