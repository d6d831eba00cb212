import { CONTEXT_CHARS, HUNK_TEXT_MAX, HUNKS_MAX } from '../edits.ts';
import { InsertedEvent, KEY_TERMS_MAX, NOTE_MAX, REJECT_REASONS, type StoredEvent } from '../events.ts';

/**
 * A hand-written check of one events-file line against the event schema (knowledge/events.ts),
 * about thirty times faster than zod's jitless parse (the extension's pages forbid eval, and an
 * import reads a million lines). The schema stays the source of truth: this check only says "this
 * value is an event exactly as zod would return it" (every key known, nothing to trim); anything
 * else, bad or merely unusual, goes to zod, which gives the error message or the cleaned event.
 * test/reports/event-check.test.ts checks that whatever passes here zod returns unchanged.
 */

// The datetime pattern zod itself uses for `at`; when it cannot be found every line goes to zod (slower, never wrong).
const AT_PATTERN: RegExp =
  ((InsertedEvent.shape.at as unknown as { _zod?: { def?: { checks?: { _zod?: { def?: { pattern?: unknown } } }[] } } })._zod?.def?.checks?.[0]?._zod?.def?.pattern as RegExp | undefined) ?? /(?!)/;
const ID = /^[A-Za-z0-9:_-]{8,80}$/;
const HASH = /^[0-9a-f]{64}$/;
const MAX_MS = 7 * 24 * 3600 * 1000;
const REASONS = new Set<string>(REJECT_REASONS);

/** Whether the `at` pattern was found (a test checks it, so the fast path cannot silently turn off). */
export const fastCheckReady = AT_PATTERN.source !== '(?!)';

const str = (v: unknown, min: number, max: number): boolean => typeof v === 'string' && v.length >= min && v.length <= max;
/** A string zod's `.trim()` leaves as it is. */
const trimmed = (v: unknown, min: number, max: number): boolean => str(v, min, max) && (v as string).trim() === v;
const num = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && v >= min && v <= max;
const int = (v: unknown, min: number, max: number): boolean => num(v, min, max) && Number.isInteger(v);
const opt = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const entryId = (v: unknown) => str(v, 1, 128);
const rank = (v: unknown) => int(v, 1, 100);
const unit = (v: unknown) => num(v, 0, 1);
const ms = (v: unknown) => int(v, 0, MAX_MS);
const note = (v: unknown) => trimmed(v, 0, NOTE_MAX);
const keyTerms = (v: unknown) => Array.isArray(v) && v.length <= KEY_TERMS_MAX && v.every((t) => str(t, 1, 40));
/** Only the keys listed (zod would drop any other: the line would not be the event as stored). */
const only = (o: Record<string, unknown>, keys: ReadonlySet<string>): boolean => {
  for (const k in o) if (!keys.has(k)) return false;
  return Object.getPrototypeOf(o) === Object.prototype;
};

const BASE = ['eventId', 'installId', 'at', 'ticketHash', 'helpdesk', 'agent', 'type'];
const keys = (...more: string[]) => new Set([...BASE, ...more]);
const SUGGESTION = new Set(['entryId', 'rank', 'confidence']);
const HUNK = new Set(['before', 'removed', 'added', 'after']);

const TYPES: Record<string, { keys: ReadonlySet<string>; check: (e: Record<string, unknown>) => boolean }> = {
  shown: {
    keys: keys('suggestions'),
    check: (e) =>
      Array.isArray(e.suggestions) &&
      e.suggestions.length >= 1 &&
      e.suggestions.length <= 20 &&
      e.suggestions.every((s) => isObject(s) && only(s, SUGGESTION) && entryId(s.entryId) && rank(s.rank) && unit(s.confidence)),
  },
  inserted: {
    keys: keys('entryId', 'rank', 'editRatio', 'msFromRead', 'edits'),
    check: (e) =>
      entryId(e.entryId) &&
      rank(e.rank) &&
      unit(e.editRatio) &&
      opt(e.msFromRead, ms) &&
      opt(
        e.edits,
        (v) =>
          Array.isArray(v) &&
          v.length <= HUNKS_MAX &&
          v.every((h) => isObject(h) && only(h, HUNK) && str(h.before, 0, CONTEXT_CHARS) && str(h.after, 0, CONTEXT_CHARS) && str(h.removed, 0, HUNK_TEXT_MAX) && str(h.added, 0, HUNK_TEXT_MAX)),
      ),
  },
  copied: { keys: keys('entryId', 'rank', 'msFromRead'), check: (e) => entryId(e.entryId) && rank(e.rank) && opt(e.msFromRead, ms) },
  rejected: {
    keys: keys('entryId', 'rank', 'reason', 'note', 'keyTerms'),
    check: (e) => entryId(e.entryId) && opt(e.rank, rank) && REASONS.has(e.reason as string) && opt(e.note, note) && opt(e.keyTerms, keyTerms),
  },
  flagged_outdated: { keys: keys('entryId', 'note'), check: (e) => entryId(e.entryId) && opt(e.note, note) },
  no_confident_answer: { keys: keys('bestConfidence', 'threshold', 'keyTerms'), check: (e) => opt(e.bestConfidence, unit) && opt(e.threshold, unit) && opt(e.keyTerms, keyTerms) },
  manual_search: {
    keys: keys('queryLength', 'resultCount', 'chosenEntryId'),
    check: (e) => int(e.queryLength, 0, 10_000) && int(e.resultCount, 0, 1000) && opt(e.chosenEntryId, entryId),
  },
};

/**
 * True when `value` is an exported event (with its eventId) that zod's ExportedEvent would accept
 * and return unchanged. False says only "ask zod": the value may still be valid.
 */
export function isPlainExportedEvent(value: unknown): value is StoredEvent & { eventId: string } {
  if (!isObject(value)) return false;
  const kind = typeof value.type === 'string' && Object.hasOwn(TYPES, value.type) ? TYPES[value.type]! : undefined;
  if (!kind || !only(value, kind.keys)) return false;
  const v = value;
  return (
    typeof v.eventId === 'string' &&
    ID.test(v.eventId) &&
    (v.installId === undefined || (typeof v.installId === 'string' && ID.test(v.installId))) &&
    typeof v.at === 'string' &&
    AT_PATTERN.test(v.at) &&
    typeof v.ticketHash === 'string' &&
    HASH.test(v.ticketHash) &&
    str(v.helpdesk, 1, 40) &&
    opt(v.agent, (a) => trimmed(a, 1, 100)) &&
    kind.check(v)
  );
}
