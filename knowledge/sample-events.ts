import { parseEventsJsonl, type ExportedEvent } from './reports/jsonl.ts';

/**
 * The sample events (knowledge/sample/events.jsonl): four weeks of what agents did with the
 * sample knowledge, written for the review queue's demo (an answer agents edit the same way, one
 * they reject and flag, an overdue one they were shown until it expired). They are dated up to
 * SAMPLE_DAY, the day the sample pack's tests judge "overdue" on.
 */
export const SAMPLE_DAY = '2026-11-23';

/**
 * The sample events moved forward by whole days so that SAMPLE_DAY falls on `now`'s day (a demo
 * run later still shows them as recent); eventIds stay, so loading them twice adds nothing.
 */
export function sampleEventsAt(jsonl: string, now: Date = new Date()): ExportedEvent[] {
  const parsed = parseEventsJsonl({ name: 'events.jsonl', text: jsonl });
  if (parsed.errors.length) throw new Error(`The sample events do not parse: ${parsed.errors[0]}`);
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(`${SAMPLE_DAY}T00:00:00Z`)) / 86_400_000));
  const shift = days * 86_400_000;
  return parsed.events.map((e) => ({ ...e, at: new Date(Date.parse(e.at) + shift).toISOString() }));
}
