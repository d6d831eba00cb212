import { describe, expect, it } from 'vitest';
import { HUNKS_MAX, HUNK_TEXT_MAX, editHunks } from '../../knowledge/edits.ts';

describe('editHunks', () => {
  it('is empty for an answer inserted as suggested', () => {
    expect(editHunks('Returns are free.', 'Returns are free.')).toEqual([]);
  });

  it('gives each change with a few words of context on each side', () => {
    const suggested = 'Hi Anna,\n\nreturns are free within **30 days** of delivery. Print the label in your account and drop the parcel at any DHL point.';
    const inserted = 'Hi Anna,\n\nreturns are free within **60 days** of delivery. Print the label in your account and drop the parcel at any DHL or Hermes point.';
    expect(editHunks(suggested, inserted)).toEqual([
      { before: 'Hi Anna,\n\nreturns are free within **', removed: '30', added: '60', after: ' days** of delivery. Print the label in ' },
      { before: ' account and drop the parcel at any DHL ', removed: '', added: 'or Hermes ', after: 'point.' },
    ]);
  });

  it('leaves out changes of whitespace only', () => {
    expect(editHunks('One.  Two.', 'One. Two.\n')).toEqual([]);
  });

  it('says nothing about a rewrite (too many or too long changes): the edit ratio tells it', () => {
    const words = Array.from({ length: HUNKS_MAX + 2 }, (_, i) => `w${i}`);
    expect(editHunks(words.join(' a '), words.map((w) => `${w}x`).join(' a '))).toBeUndefined();
    expect(editHunks('Short.', `Short. ${'more words '.repeat(HUNK_TEXT_MAX / 5)}`)).toBeUndefined();
  });
});
