import { describe, expect, it } from 'vitest';
import { editDistance } from '../../knowledge/search/typos';

describe('editDistance (rows reused between calls)', () => {
  it('counts edits, an adjacent swap as one, whatever was compared before', () => {
    // a long pair first: the reused rows grow, then shorter pairs must not read what it left
    expect(editDistance('a'.repeat(80), `${'a'.repeat(79)}b`)).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('pasword', 'password')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('softshel', 'softshell')).toBe(1);
  });

  it('gives up once every path exceeds the limit (returns more than it)', () => {
    expect(editDistance('ridgeline', 'xyzxyzxyz', 2)).toBeGreaterThan(2);
    expect(editDistance('resett', 'reset', 1)).toBe(1);
  });
});
