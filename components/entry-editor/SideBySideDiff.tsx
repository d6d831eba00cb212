import type { DiffRow, DiffSide } from '@/knowledge/editor/version-diff';

/**
 * Two versions side by side: one table row per line, the field named in the first column; what
 * the left version lost is struck through (del), what the right one gained is marked (ins), so the
 * difference reads without colour too.
 * Why not a diff-view library: the maintained React 19 one (react-diff-viewer-continued 4.4)
 * brings Emotion, refractor (Prism grammars) and js-yaml for what is here a two-column table of
 * field lines; the `diff` package (already used for edit ratios) does the alignment.
 */
export function SideBySideDiff({ rows, left, right }: { rows: DiffRow[]; left: string; right: string }) {
  const changed = rows.filter((r) => r.kind !== 'same').length;
  // rows may be the changed ones only: a field's name shows again wherever its lines are not adjacent
  return (
    <div className="diff-scroll">
      <table className="side-by-side" data-testid="version-diff">
        <caption>
          {left} and {right}: {changed === 0 ? 'no difference' : `${changed} ${changed === 1 ? 'line differs' : 'lines differ'}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{left}</th>
            <th scope="col">{right}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={`diff-${r.kind}`}>
              <th scope="row">
                {/* a field's later lines (the answer's) name it for screen readers only */}
                <span className={i > 0 && field(rows[i - 1]!) === field(r) ? 'visually-hidden' : undefined}>{field(r)}</span>
              </th>
              <td>{r.left && <Side side={r.left} mark="del" />}</td>
              <td>{r.right && <Side side={r.right} mark="ins" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const field = (r: DiffRow) => (r.left ?? r.right)!.field;

function Side({ side, mark }: { side: DiffSide; mark: 'del' | 'ins' }) {
  const Mark = mark;
  return (
    <>
      {side.parts.map((p, i) => (p.changed ? <Mark key={i}>{p.text}</Mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
