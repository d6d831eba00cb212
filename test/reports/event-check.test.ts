import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fastCheckReady, isPlainExportedEvent } from '../../knowledge/reports/event-check.ts';
import { ExportedEvent, parseEventsJsonl } from '../../knowledge/reports/jsonl.ts';
import { ev, shown } from './events.ts';

/** One event of each type, with every optional field, and some with none. */
const GOOD: Record<string, unknown>[] = [
  { ...shown(1, ['refund', 'returns']), installId: 'install-0001', agent: 'Ana' },
  ev('inserted', 2, { entryId: 'refund', rank: 2, editRatio: 0.25, msFromRead: 4000, edits: [{ before: 'Dear ', removed: 'Sir', added: 'Ana', after: ', thanks' }] }),
  ev('inserted', 2, { entryId: 'refund', rank: 1, editRatio: 0 }),
  ev('copied', 3, { entryId: 'refund', rank: 1, msFromRead: 0 }),
  ev('rejected', 4, { entryId: 'refund', rank: 3, reason: 'outdated', note: 'Price changed', keyTerms: ['price', 'plan'], at: '2026-11-23T10:00:00+02:00' }),
  ev('rejected', 4, { entryId: 'refund', reason: 'other' }),
  ev('flagged_outdated', 5, { entryId: 'refund', note: '' }),
  ev('no_confident_answer', 6, { bestConfidence: 0.4, threshold: 0.7, keyTerms: [] }),
  ev('no_confident_answer', 6, {}),
  ev('manual_search', 7, { queryLength: 0, resultCount: 1000, chosenEntryId: 'refund' }),
  ev('manual_search', 7, { queryLength: 10_000, resultCount: 0 }),
] as unknown as Record<string, unknown>[];

/** Values each field is set to in turn: wrong types, bounds, blanks to trim, dates zod refuses. */
const ODD: unknown[] = [
  undefined, null, true, 0, -1, 0.5, 1, 1.5, 2, 100, 101, 1000, 1001, 10_000, 10_001, 604_800_000, 604_800_001, 1e300,
  '', ' ', 'x', ' Ana ', 'a'.repeat(40), 'a'.repeat(41), 'a'.repeat(128), 'a'.repeat(129), 'a'.repeat(281), ' '.repeat(300),
  'abcdefgh', 'abc defgh', 'a'.repeat(80), 'a'.repeat(81), 'f'.repeat(64), 'F'.repeat(64), 'f'.repeat(63),
  '2026-11-23', '2026-11-23T10:00:00Z', '2026-02-29T10:00:00Z', '2028-02-29T10:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T10:00:00.123456+05:30', '2026-11-23T10:00:00+0200',
  'outdated', 'shown', [], ['x'], [''], Array(13).fill('t'), {}, { entryId: 'x', rank: 1, confidence: 1 },
  [{ entryId: 'x', rank: 1, confidence: 1 }], [{ entryId: 'x', rank: 1, confidence: 1, extra: 1 }], [{ before: '', removed: '', added: '', after: '' }],
  [{ before: 'a'.repeat(41), removed: '', added: '', after: '' }], Array(13).fill({ before: '', removed: '', added: '', after: '' }),
];

/** Each good event with one field (top level, or in a suggestion or hunk) set to each odd value, and with a field added. */
function* variants(): Generator<unknown> {
  for (const good of GOOD) {
    for (const key of new Set([...Object.keys(good), 'eventId', 'installId', 'agent', 'note', 'rank', 'msFromRead', 'extra'])) {
      for (const value of ODD) yield { ...good, [key]: value };
    }
    for (const nested of ['suggestions', 'edits'] as const) {
      const list = good[nested] as Record<string, unknown>[] | undefined;
      if (!list) continue;
      for (const key of [...Object.keys(list[0]!), 'extra']) for (const value of ODD) yield { ...good, [nested]: [{ ...list[0], [key]: value }, ...list.slice(1)] };
    }
  }
  yield* [null, 1, 'x', [], {}, Object.create(null), { ...GOOD[0], __proto__: { type: 'shown' } }];
}

describe('the fast check of an events line', () => {
  it('passes exactly what zod accepts and returns unchanged', () => {
    expect(fastCheckReady).toBe(true);
    const disagree: unknown[] = [];
    let passed = 0;
    for (const value of variants()) {
      const zod = ExportedEvent.safeParse(value);
      const plain = isPlainExportedEvent(value);
      if (plain) passed++;
      if (plain !== (zod.success && isDeepStrictEqual(zod.data, value))) disagree.push(value);
    }
    expect(disagree).toEqual([]);
    expect(passed).toBeGreaterThan(500);
  });

  it('passes every good event as it is', () => {
    for (const good of GOOD) expect(isPlainExportedEvent(JSON.parse(JSON.stringify(good)))).toBe(true);
  });
});

describe('parseEventsJsonl with the fast check', () => {
  it('keeps a plain line as it is, and what zod cleans as zod returns it; the errors are zod’s', () => {
    const plain = JSON.stringify(GOOD[1]);
    const untrimmed = { ...GOOD[4], note: '  Price changed ', unknown: 1 };
    const text = [plain, JSON.stringify(untrimmed), JSON.stringify({ ...GOOD[3], rank: 0 }), JSON.stringify({ ...GOOD[0], ticketHash: 'F'.repeat(64) }), ''].join('\n');
    const bad = parseEventsJsonl({ name: 'a.ndjson', text });
    expect(bad.errors).toEqual(['a.ndjson, line 3, rank: Too small: expected number to be >=1', 'a.ndjson, line 4, ticketHash: Invalid string: must match pattern /^[0-9a-f]{64}$/']);
    const good = parseEventsJsonl({ name: 'a.ndjson', text: `${plain}\n${JSON.stringify(untrimmed)}\n` });
    expect(good.texts).toEqual([plain, JSON.stringify(ExportedEvent.parse(untrimmed))]);
    expect(good.events).toEqual([GOOD[1], { ...GOOD[4], note: 'Price changed' }]);
  });
});
