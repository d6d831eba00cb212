import { describe, expect, it } from 'vitest';
import { isStopWord } from '../../knowledge/search/tokenise';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { searchManual, suggest } from '../../knowledge/suggest';
import { DAY, ENTRIES, ticket } from './fixtures';

/** Every word an answer's "why it matched" lists. */
const words = (matched: Partial<Record<string, string[]>>) => Object.values(matched).flat() as string[];

describe('why it matched: no stop words', () => {
  const index = KnowledgeIndex.build(ENTRIES);

  it('the stop-word lists are the search\u2019s own, including the negations and question words it keeps', () => {
    expect(isStopWord('why', 'en')).toBe(true);
    expect(isStopWord('not', 'en-GB')).toBe(true);
    expect(isStopWord('hasn\u2019t', 'en')).toBe(true);
    expect(isStopWord('wo', 'de')).toBe(true);
    expect(isStopWord('refund', 'en')).toBe(false);
    expect(isStopWord('why', 'xx')).toBe(false);
  });

  it('a suggestion lists the ticket\u2019s content words, not "how", "my" or "not"', () => {
    const r = suggest(ticket('Parcel', 'How can I track my parcel? My package has not arrived.'), index, { day: DAY });
    const top = r.suggestions[0]!;
    expect(top.entry.id).toBe('tracking');
    expect(words(top.matched)).toEqual(expect.arrayContaining(['track', 'parcel', 'package', 'arrived']));
    for (const w of ['how', 'can', 'my', 'has', 'not']) expect(words(top.matched)).not.toContain(w);
  });

  it('a German ticket\u2019s reasons leave out German stop words', () => {
    const r = suggest(ticket('Geld', 'Ich bekomme mein Geld nicht zurück. Wo bleibt die Rückerstattung?', { locale: 'de' }), index, { day: DAY });
    const top = r.suggestions.find((s) => s.entry.id === 'rueckerstattung')!;
    expect(words(top.matched)).toEqual(expect.arrayContaining(['geld', 'rückerstattung']));
    for (const w of ['wo', 'nicht', 'ich', 'mein']) expect(words(top.matched)).not.toContain(w);
  });

  it('the manual search box\u2019s results do too', () => {
    const hits = searchManual('how can I track a parcel that has not arrived', index, { day: DAY });
    expect(hits[0]!.entry.id).toBe('tracking');
    expect(words(hits[0]!.matched)).toContain('parcel');
    for (const w of ['how', 'not']) expect(words(hits[0]!.matched)).not.toContain(w);
  });
});
