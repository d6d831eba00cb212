import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId } from 'react';

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  title: string;
  data: BarDatum[];
  max: number;
  formatValue: (v: number) => string;
  target?: { value: number; label: string };
  width?: number;
}

const ROW = 24;
const LABEL_W = 180;
const VALUE_W = 56;

/** Horizontal bars, one per row (labels can be long: owners, tags, entries); visx like LineChart. */
export function BarChart({ title, data, max, formatValue, target, width = 560 }: BarChartProps) {
  const titleId = useId();
  const height = Math.max(1, data.length) * ROW + 8;
  const innerW = width - LABEL_W - VALUE_W;
  const y = scaleBand<string>({ domain: data.map((_, i) => String(i)), range: [0, data.length * ROW], padding: 0.25 });
  const x = scaleLinear<number>({ domain: [0, max || 1], range: [0, innerW] });
  return (
    <svg className="chart" role="img" aria-labelledby={titleId} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title id={titleId}>{title}</title>
      <Group top={4}>
        {data.map((d, i) => {
          const top = y(String(i)) ?? 0;
          const label = d.label.length > 24 ? `${d.label.slice(0, 23)}\u2026` : d.label;
          return (
            <g key={i}>
              <text x={LABEL_W - 6} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" fontSize={12} fill="var(--fg)">
                <title>{d.label}</title>
                {label}
              </text>
              <Bar x={LABEL_W} y={top} width={Math.max(0, x(d.value))} height={y.bandwidth()} fill="var(--accent)" rx={2} />
              <text x={LABEL_W + x(d.value) + 4} y={top + y.bandwidth() / 2} dy="0.35em" fontSize={11} fill="var(--muted)">
                {formatValue(d.value)}
              </text>
            </g>
          );
        })}
        {target ? <line x1={LABEL_W + x(target.value)} x2={LABEL_W + x(target.value)} y1={0} y2={data.length * ROW} stroke="var(--muted)" strokeDasharray="4 4" /> : null}
      </Group>
    </svg>
  );
}
