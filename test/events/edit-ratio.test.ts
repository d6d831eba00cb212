import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editRatio } from '../../knowledge/events.ts';

describe('editRatio', () => {
  it('is 0 for an answer inserted as suggested', () => {
    expect(editRatio('Your refund is on its way.', 'Your refund is on its way.')).toBe(0);
    expect(editRatio('', '')).toBe(0);
  });

  it('counts added or removed characters (whichever is more) over the longer text', () => {
    // 10 characters added to 20: 10 / 30.
    expect(editRatio('Thanks for waiting.!', 'Thanks for waiting.! Best, Ann')).toBeCloseTo(10 / 30);
    // One word swapped: "5" -> "7" is one removed and one added character out of 28.
    expect(editRatio('Refunds take 5 working days.', 'Refunds take 7 working days.')).toBeCloseTo(1 / 28);
    // Half deleted.
    expect(editRatio('abcdefghij', 'abcde')).toBeCloseTo(0.5);
    expect(editRatio('abc', 'xyz')).toBe(1);
  });

  it('gives up cheaply on texts too different to diff, counting them as rewritten', () => {
    expect(editRatio('a'.repeat(300), 'b'.repeat(300), 50)).toBe(1);
  });

  it('is always within 0..1, and 0 only for identical texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const r = editRatio(a, b);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(r === 0).toBe(a === b);
      }),
    );
  });
});
