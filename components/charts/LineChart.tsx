import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId } from 'react';

export interface LineSeries {
  label: string;
  /** One value per x label; null leaves a gap (nothing measured there). */
  values: (number | null)[];
}

export interface LineChartProps {
  /** Says in words what the chart shows (screen readers read it; the table beside has the numbers). */
  title: string;
  xLabels: string[];
  series: LineSeries[];
  yMax: number;
  formatY: (v: number) => string;
  /** A dashed reference line (a target). */
  target?: { value: number; label: string };
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 34, left: 48 };
const COLOURS = ['var(--accent)', 'var(--ok)', 'var(--error)', 'var(--muted)'];

/**
 * A line over time, drawn with visx (SVG from d3-scale and d3-shape; React owns the DOM, so the
 * chart is plain SVG that themes with CSS variables). The chart is an image with a title: the
 * numbers are in the table beside it, which is what assistive technology reads.
 */
export function LineChart({ title, xLabels, series, yMax, formatY, target, width = 560, height = 220 }: LineChartProps) {
  const titleId = useId();
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const x = scalePoint<string>({ domain: xLabels, range: [0, innerW], padding: 0.3 });
  const y = scaleLinear<number>({ domain: [0, yMax || 1], range: [innerH, 0], nice: true });
  // Every other label on a crowded axis, so they never overlap.
  const step = Math.ceil(xLabels.length / Math.max(1, Math.floor(innerW / 70)));
  return (
    <svg className="chart" role="img" aria-labelledby={titleId} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title id={titleId}>{title}</title>
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft scale={y} numTicks={4} tickFormat={(v) => formatY(Number(v))} stroke="var(--line)" tickStroke="var(--line)" tickLabelProps={{ fill: 'var(--muted)', fontSize: 11 }} />
        <AxisBottom
          top={innerH}
          scale={x}
          tickValues={xLabels.filter((_, i) => i % step === 0)}
          stroke="var(--line)"
          tickStroke="var(--line)"
          tickLabelProps={{ fill: 'var(--muted)', fontSize: 11, textAnchor: 'middle' }}
        />
        {target ? (
          <g>
            <line x1={0} x2={innerW} y1={y(target.value)} y2={y(target.value)} stroke="var(--muted)" strokeDasharray="4 4" />
            <text x={innerW} y={y(target.value) - 4} textAnchor="end" fontSize={11} fill="var(--muted)">
              {target.label}
            </text>
          </g>
        ) : null}
        {series.map((s, i) => (
          <g key={s.label}>
            <LinePath<number | null>
              data={s.values}
              x={(_, j) => x(xLabels[j]!) ?? 0}
              y={(v) => y(v ?? 0)}
              defined={(v) => v !== null}
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={2}
            />
            {s.values.map((v, j) =>
              v === null ? null : <circle key={j} cx={x(xLabels[j]!) ?? 0} cy={y(v)} r={3} fill={COLOURS[i % COLOURS.length]} />,
            )}
          </g>
        ))}
      </Group>
    </svg>
  );
}
