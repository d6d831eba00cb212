import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { useId } from 'react';

export interface IntervalRow {
  label: string;
  value: number;
  low: number;
  high: number;
}

const ROW = 26;
const LABEL_W = 170;
const VALUE_W = 70;

/** Estimates with their confidence intervals (a point and a whisker per row) on one shared axis, visx like the other charts. */
export function IntervalChart({ title, heading, rows, format, width = 420 }: { title: string; heading: string; rows: IntervalRow[]; format: (v: number) => string; width?: number }) {
  const titleId = useId();
  const height = rows.length * ROW + 26;
  const lo = Math.min(...rows.map((r) => r.low));
  const hi = Math.max(...rows.map((r) => r.high));
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
  const x = scaleLinear<number>({ domain: [Math.max(0, lo - pad), hi + pad], range: [LABEL_W, width - VALUE_W] });
  return (
    <svg className="chart" role="img" aria-labelledby={titleId} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title id={titleId}>{title}</title>
      <text x={0} y={14} fontSize={12} fontWeight={600} fill="var(--fg)">
        {heading}
      </text>
      <Group top={22}>
        {rows.map((r, i) => {
          const y = i * ROW + ROW / 2;
          return (
            <g key={r.label}>
              <text x={LABEL_W - 6} y={y} dy="0.35em" textAnchor="end" fontSize={11} fill="var(--fg)">
                {r.label}
              </text>
              <line x1={x(r.low)} x2={x(r.high)} y1={y} y2={y} stroke="var(--muted)" strokeWidth={2} />
              <line x1={x(r.low)} x2={x(r.low)} y1={y - 5} y2={y + 5} stroke="var(--muted)" />
              <line x1={x(r.high)} x2={x(r.high)} y1={y - 5} y2={y + 5} stroke="var(--muted)" />
              <circle cx={x(r.value)} cy={y} r={4} fill={i === 0 ? 'var(--muted)' : 'var(--accent)'} />
              <text x={width - VALUE_W + 6} y={y} dy="0.35em" fontSize={11} fill="var(--muted)">
                {format(r.value)}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
