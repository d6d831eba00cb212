import { useId } from 'react';
import type { DateRange } from '@/knowledge/reports/report';

/** Days as UTC dates (the reports' and `kb report`'s unit): "2026-12-02". */
const DAY = 86_400_000;
export const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

export type RangeChoice = { preset: 7 | 30 | 90 } | { preset: 'custom'; from: string; to: string };

/** The range a choice means: presets end with today (included); a custom range includes both days picked. */
export function rangeOf(choice: RangeChoice, now: Date): DateRange {
  if (choice.preset === 'custom') return { from: choice.from, to: dayOf(Date.parse(`${choice.to}T00:00:00Z`) + DAY) };
  const end = Date.parse(`${dayOf(now.getTime())}T00:00:00Z`) + DAY;
  return { from: dayOf(end - choice.preset * DAY), to: dayOf(end) };
}

/** "Nov 3 to Dec 2" for a range whose end is exclusive. */
export function describeRange(range: DateRange): string {
  const f = (t: number) => new Date(t).toLocaleDateString('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return `${f(Date.parse(`${range.from.slice(0, 10)}T00:00:00Z`))} to ${f(Date.parse(`${range.to.slice(0, 10)}T00:00:00Z`) - DAY)}`;
}

const PRESETS = [7, 30, 90] as const;

/** Last 7, 30 or 90 days, or two days picked; the report compares with the range of the same length before. */
export function RangePicker({ choice, now, onChange }: { choice: RangeChoice; now: Date; onChange: (c: RangeChoice) => void }) {
  const id = useId();
  const range = rangeOf(choice, now);
  const custom = choice.preset === 'custom' ? choice : { from: range.from, to: dayOf(Date.parse(`${range.to}T00:00:00Z`) - DAY) };
  return (
    <fieldset className="range-picker" data-testid="range-picker">
      <legend>Date range</legend>
      {PRESETS.map((p) => (
        <label key={p}>
          <input type="radio" name={`${id}-range`} checked={choice.preset === p} onChange={() => onChange({ preset: p })} /> Last {p} days
        </label>
      ))}
      <label>
        <input type="radio" name={`${id}-range`} checked={choice.preset === 'custom'} onChange={() => onChange({ preset: 'custom', ...custom })} /> Custom
      </label>
      {choice.preset === 'custom' ? (
        <>
          {' '}
          <label>
            from <input type="date" data-testid="range-from" value={choice.from} max={choice.to} onChange={(e) => e.target.value && onChange({ ...choice, from: e.target.value })} />
          </label>{' '}
          <label>
            to <input type="date" data-testid="range-to" value={choice.to} min={choice.from} onChange={(e) => e.target.value && onChange({ ...choice, to: e.target.value })} />
          </label>
        </>
      ) : null}
    </fieldset>
  );
}
