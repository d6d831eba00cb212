import type { ReportTable } from '@/knowledge/reports/tables';

/** A table of plain cells (the numbers behind a chart): every value is text, never markup. */
export function DataTable({ table, caption, testId }: { table: ReportTable; caption?: string; testId?: string }) {
  return (
    // A scrolling region is reachable by keyboard (tabIndex) and named, so it can be scrolled without a mouse.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption ?? table.name}>
      <table className="data-table" data-testid={testId}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                    {typeof cell === 'number' ? cell.toLocaleString('en') : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
