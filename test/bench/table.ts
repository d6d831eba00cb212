/** A printed benchmark table. Every bench module exports `run(): Promise<BenchTable[]>`. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Targets, environment, caveats: printed under the table. */
  notes?: string[];
}

function cell(v: string | number): string {
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function formatTable(t: BenchTable): string {
  const rows = t.rows.map((r) => r.map(cell));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  const out = [`### ${t.title}`, '', line(t.columns), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|'];
  for (const r of rows) out.push(line(r));
  for (const n of t.notes ?? []) out.push(`- ${n}`);
  return out.join('\n') + '\n';
}
