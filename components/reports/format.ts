import type { Measure } from '@/knowledge/reports/metrics';

/** 0.6667 -> "67%"; nothing measured -> "–". */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? '\u2013' : `${Math.round(v * 100)}%`;
}

/** Milliseconds as people read a wait: "850 ms", "42 s", "3.5 min". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '\u2013';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

export const count = (n: number): string => n.toLocaleString('en');

/** A measure's sample note: what the page says instead of drawing a number that rests on too little. */
export function sampleNote(m: Measure, minSample: number, unit: string): string {
  if (m.status === 'empty') return `no ${unit}`;
  if (m.status === 'small') return `small sample: ${count(m.n)} ${unit}, fewer than ${minSample}`;
  return `${count(m.n)} ${unit}`;
}

/** A change between two ranges, in percentage points for shares: "+12 pts", "−3 pts"; nothing when either is missing. */
export function change(now: number | null, before: number | null, format: 'share' | 'ms' | 'count'): string {
  if (now === null || before === null) return '';
  const d = now - before;
  const sign = d > 0 ? '+' : d < 0 ? '\u2212' : '\u00b1';
  if (format === 'share') return `${sign}${Math.abs(Math.round(d * 100))} pts`;
  if (format === 'ms') return `${sign}${duration(Math.abs(d))}`;
  return `${sign}${count(Math.abs(d))}`;
}

/** The ISO week "2026-W49" as its Monday's short date ("Nov 30"), the label a chart's axis can hold. */
export function weekStart(isoWeek: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!m) return isoWeek;
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday1 = jan4 - (((new Date(jan4).getUTCDay() || 7) - 1) * 86_400_000);
  return new Date(monday1 + (Number(m[2]) - 1) * 7 * 86_400_000).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
