import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/entry';
import { learnFromAcceptance } from '../../knowledge/feedback';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { searchManual, suggest } from '../../knowledge/suggest';
import { WEAK_CAP } from '../../knowledge/search/why';
import { DAY, ENTRIES, entry, ticket } from './fixtures';

describe('suggest', () => {
  const index = KnowledgeIndex.build(ENTRIES);

  it('suggests the matching entry with confidence, why and freshness', () => {
    const r = suggest(ticket('Refund', 'Hi team,\nI returned my parcel two weeks ago, where is my refund?\n\nThanks,\nAnna'), index, { day: DAY });
    expect(r.abstained).toBe(false);
    const top = r.suggestions[0]!;
    expect(top.entry.id).toBe('refund');
    expect(top.confidence).toBeGreaterThan(0.65);
    expect(top.confidence).toBeLessThanOrEqual(1);
    expect(top.matched.questions).toContain('refund');
    expect(top.freshness).toBe('fresh');
    for (const s of r.suggestions.slice(1)) expect(s.confidence).toBeLessThan(top.confidence);
  });

  it('abstains on an unrelated ticket but still lists candidates', () => {
    const r = suggest(ticket('Question', 'Do you also sell to Norway, and what are the customs fees on an order there?'), index, { day: DAY });
    expect(r.abstained).toBe(true);
    expect(r.reason).toMatch(/no confident answer/i);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });

  it('abstains with no candidates when nothing matches', () => {
    const r = suggest(ticket('xyzzy', 'qwertz uiop'), index, { day: DAY });
    expect(r).toMatchObject({ abstained: true, suggestions: [] });
  });

  it('never suggests drafts or entries past their review date', () => {
    const gift = suggest(ticket('Gift card', 'Can I pay with a gift card? And can you gift wrap my order?'), index, { day: DAY });
    expect(gift.suggestions.map((s) => s.entry.id)).not.toContain('draft-gift-cards');
    expect(gift.suggestions.map((s) => s.entry.id)).not.toContain('stale-gift-wrap');
    // the same entry is suggestable on a day before its review date
    const before = suggest(ticket('Gift wrap', 'Can you gift wrap my order?'), index, { day: '2026-01-01' });
    expect(before.suggestions[0]?.entry.id).toBe('stale-gift-wrap');
    expect(before.suggestions[0]?.freshness).toBe('due-soon');
  });

  it('a higher threshold abstains where the default does not', () => {
    const t = ticket('Refund', 'where is my refund?');
    expect(suggest(t, index, { day: DAY }).abstained).toBe(false);
    expect(suggest(t, index, { day: DAY, threshold: 0.999 }).abstained).toBe(true);
  });

  it('uses the ticket locale to stem', () => {
    const r = suggest(ticket('Rückerstattungen', 'Wann bekomme ich mein Geld zurück?', { locale: 'de' }), index, { day: DAY });
    expect(r.suggestions[0]?.entry.id).toBe('rueckerstattung');
  });
});

describe('searchManual', () => {
  const index = KnowledgeIndex.build(ENTRIES);

  it('tolerates typos in short queries', () => {
    expect(searchManual('pasword resett', index, { day: DAY })[0]?.entry.id).toBe('password');
    expect(searchManual('invoise', index, { day: DAY })[0]?.entry.id).toBe('invoice');
  });

  it('shows approved, current entries only', () => {
    const ids = searchManual('gift', index, { day: DAY }).map((h) => h.entry.id);
    expect(ids).not.toContain('draft-gift-cards');
    expect(ids).not.toContain('stale-gift-wrap');
    expect(searchManual('   ', index, { day: DAY })).toEqual([]);
  });

  it('lists nothing rather than noise when nothing relevant matches', () => {
    // each of these shares a common word ("order", "my") with some entry, or nothing at all
    for (const q of ['xyzzy plonk', 'the weather in my town today', 'order a pizza for the team lunch']) expect(searchManual(q, index, { day: DAY }), q).toEqual([]);
    // what was asked is still found, typos included
    expect(searchManual('where is my order', index, { day: DAY })[0]?.entry.id).toBe('tracking');
    expect(searchManual('refnd', index, { day: DAY })[0]?.entry.id).toBe('refund');
  });

  it('above TITLE_PASS_MAX entries: no Fuse pass over every title; typos corrected and partial words completed from the vocabulary', () => {
    const local = KnowledgeIndex.build([...ENTRIES, entry('tank', { title: 'Water tank full', body: 'Empty the dehumidifier before it drains onto the floor.' })]);
    const large = { day: DAY, titlePassMax: 0 };
    // a word begun, found in a body only: the title pass never saw it, the completion does
    expect(searchManual('dehumid', local, large)[0]?.entry.id).toBe('tank');
    expect(searchManual('pasword resett', local, large)[0]?.entry.id).toBe('password');
    expect(searchManual('refnd', local, large)[0]?.entry.id).toBe('refund');
    expect(searchManual('xyzzy plonk', local, large)).toEqual([]);
  });

  it('sees entries added after the first search', () => {
    const local = KnowledgeIndex.build(ENTRIES);
    searchManual('warranty', local, { day: DAY });
    local.add(entry('warranty', { title: 'Warranty claims', questions: ['My boots broke after a month'] }));
    expect(searchManual('waranty', local, { day: DAY })[0]?.entry.id).toBe('warranty');
  });
});

describe('suggest on the sample knowledge', () => {
  it('abstains on a ticket that shares one word with an entry while its other words are in no entry', () => {
    // The sample knowledge, an agent's accepted ticket about a packing slip learned, the wording model trained:
    // "slipping" then matches that entry's body and learned phrasing, and nothing else in the ticket does.
    const pack = KnowledgeIndex.build((JSON.parse(readFileSync('knowledge/sample/pack.json', 'utf8')) as { entries: Entry[] }).entries);
    const accepted = ticket('Missing from my box', 'The rain trousers were missing from my box today; the packing slip lists them.');
    expect(learnFromAcceptance(pack, suggest(accepted, pack, { day: DAY }).query, 'orders-missing-item')?.text).toMatch(/slip/);
    pack.trainWording();
    const r = suggest(ticket('Tripod legs slipping on my telescope', 'My telescope tripod legs keep slipping, and the whole telescope wobbles when I focus.'), pack, { day: DAY });
    expect(r.abstained).toBe(true);
    expect(r.suggestions.every((s) => s.confidence <= WEAK_CAP)).toBe(true);
  });
});
