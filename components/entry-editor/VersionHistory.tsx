import { useId, useMemo, useState } from 'react';
import { describeChange, sideBySide } from '@/knowledge/editor/version-diff';
import type { Entry } from '@/knowledge/entry';
import { SideBySideDiff } from './SideBySideDiff';

export interface Version {
  version: number;
  who: string;
  at: string;
  change: string;
  entry: Entry;
}

/**
 * Every version with who, when and what; pick any two to see them side by side (the two newest
 * at first), and restore an older one as a new version.
 */
export function VersionHistory({ versions, busy, dirty, onRestore }: { versions: Version[]; busy: boolean; dirty: boolean; onRestore: (version: number) => void }) {
  const id = useId();
  const newest = versions.at(-1)?.version;
  const [picked, setPicked] = useState<number[]>(() => versions.slice(-2).map((v) => v.version));
  const [onlyChanges, setOnlyChanges] = useState(false);
  const shown = picked.filter((p) => versions.some((v) => v.version === p)).sort((a, b) => a - b);
  const [a, b] = shown;
  const pair = useMemo(() => {
    const va = versions.find((v) => v.version === a);
    const vb = versions.find((v) => v.version === b);
    return va && vb ? { rows: sideBySide(va.entry, vb.entry), left: `Version ${va.version}`, right: `Version ${vb.version}` } : undefined;
  }, [versions, a, b]);
  const toggle = (v: number, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== v), v].slice(-2) : p.filter((x) => x !== v)));
  return (
    <section className="history" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>History</h3>
      {versions.length > 1 && <p className="muted">Tick two versions to compare them side by side.</p>}
      <table className="data-table history-table" data-testid="history">
        <caption className="visually-hidden">Versions of this entry, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">Version</th>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">
              <span className="visually-hidden">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v, i) => ({ v, before: versions[i - 1] })).reverse().map(({ v, before }) => {
            return (
              <tr key={v.version} data-testid={`version-${v.version}`}>
                <td>
                  <input type="checkbox" aria-label={`Compare version ${v.version}`} checked={shown.includes(v.version)} onChange={(e) => toggle(v.version, e.target.checked)} />
                </td>
                <td className="num">{v.version}</td>
                <td>{v.at.slice(0, 16).replace('T', ' ')}</td>
                <td>{v.who}</td>
                <td className="wrap">{before ? describeChange(before.entry, v.entry) : v.change}</td>
                <td>
                  {v.version !== newest && (
                    <button type="button" data-testid={`restore-${v.version}`} disabled={busy || dirty} onClick={() => onRestore(v.version)}>
                      Restore version {v.version}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pair ? (
        <>
          <p className="plain">
            <label>
              <input type="checkbox" data-testid="only-changes" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} /> Only the lines that differ
            </label>
          </p>
          <SideBySideDiff rows={onlyChanges ? pair.rows.filter((r) => r.kind !== 'same') : pair.rows} left={pair.left} right={pair.right} />
        </>
      ) : (
        <p className="muted">{versions.length < 2 ? 'One version so far: the next save adds another.' : 'Tick two versions to compare them.'}</p>
      )}
    </section>
  );
}
