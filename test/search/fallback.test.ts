import { describe, expect, it } from 'vitest';
import { localeQuery, mainLocale, partsFor } from '../../knowledge/search/fallback';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { suggest } from '../../knowledge/suggest';
import { DAY, entry, ticket } from './fixtures';

const ENTRIES = [
  entry('delivered-not-received', {
    title: 'Tracking says delivered but the parcel is not there',
    questions: ['Tracking says delivered but I did not get anything', 'DHL claims they delivered my parcel'],
    body: 'Please check with your neighbours first, then reply and we open a claim with the carrier.',
    tags: ['shipping', 'delivered'],
  }),
  entry('cancel-order', {
    title: 'Cancelling an order',
    questions: ['Please cancel my order', 'How do I cancel an order I just placed?'],
    body: 'Orders can be cancelled until they are packed.',
  }),
  entry('trail-points', {
    title: 'Trail Points loyalty programme',
    questions: ['How do Trail Points work?', 'How many Trail Points do I have?'],
    body: 'You collect one Trail Point per euro.',
  }),
  entry('erstattung', {
    title: 'Wie lange dauert die Erstattung?',
    questions: ['Wann bekomme ich mein Geld zurück?', 'Wie lange dauert die Rückerstattung?'],
    body: 'Die Erstattung erfolgt innerhalb von 5 Werktagen nach Eingang der Rücksendung.',
    locale: 'de',
  }),
];

describe('language fallback', () => {
  const index = KnowledgeIndex.build(ENTRIES);
  const german = ticket(
    'Paket nicht angekommen',
    'Hallo, laut Tracking wurde mein Paket gestern delivered, aber es ist nicht da. Bestellung NW100200.',
    { locale: 'de' },
  );

  it('falls back to the main language when the ticket language has no confident entry', () => {
    const r = suggest(german, index, { day: DAY });
    const top = r.suggestions[0]!;
    expect(top.entry.id).toBe('delivered-not-received');
    expect(top.fallback).toEqual({ from: 'de', to: 'en' });
    // matched through English stems: "Tracking" -> "track", "delivered" -> "deliv"
    expect(Object.values(top.matched).flat()).toEqual(expect.arrayContaining(['tracking', 'delivered']));
  });

  it('tells the language from the text when the helpdesk does not state it, and says the answer is a fallback at lower confidence', () => {
    const { locale: _, ...unstated } = german;
    const r = suggest(unstated, index, { day: DAY });
    expect(r.query.locale).toBe('de');
    expect(r.suggestions[0]).toMatchObject({ entry: { id: 'delivered-not-received' }, fallback: { from: 'de', to: 'en' } });
    const english = suggest(ticket('Parcel not arrived', 'Hello, tracking says my parcel was delivered yesterday, but it is not here. Order NW100200.'), index, { day: DAY });
    expect(english.suggestions[0]).toMatchObject({ entry: { id: 'delivered-not-received' } });
    expect(english.suggestions[0]!.fallback).toBeUndefined();
    expect(r.suggestions[0]!.confidence).toBeLessThan(english.suggestions[0]!.confidence);
  });

  it('keeps a confident same-language entry first', () => {
    const r = suggest(ticket('Erstattung', 'Wie lange dauert die Erstattung? Ich habe mein Geld noch nicht zurück.', { locale: 'de' }), index, { day: DAY });
    expect(r.abstained).toBe(false);
    expect(r.suggestions[0]?.entry.id).toBe('erstattung');
    expect(r.suggestions[0]?.fallback).toBeUndefined();
  });

  it('finds main-language entries for a language the knowledge base has no entry in', () => {
    const r = suggest(ticket('Tracking', 'Il tracking dice delivered ma il pacco non è arrivato.', { locale: 'it' }), index, { day: DAY });
    expect(r.suggestions[0]?.entry.id).toBe('delivered-not-received');
    expect(r.suggestions[0]?.fallback).toEqual({ from: 'it', to: 'en' });
  });

  it('does not fall back for tickets in the main language', () => {
    const r = suggest(ticket('Paket', 'Wann bekomme ich mein Geld zurück?'), index, { day: DAY });
    expect(r.suggestions.every((s) => s.fallback === undefined)).toBe(true);
  });

  it('is not confident when the other language reads only a word or two of the ticket', () => {
    const spanish = ticket('Cambio de talla', 'Hola, las zapatillas de trail que compré me quedan pequeñas. ¿Puedo cambiarlas por una talla más?', { locale: 'es' });
    const r = suggest(spanish, index, { day: DAY });
    expect(r.suggestions[0]?.entry.id).toBe('trail-points');
    expect(r.abstained).toBe(true);
    // English entries read "trail" and little else of the ticket
    const en = localeQuery(index, [{ text: spanish.latestMessage, weight: 1 }], 'es', 'en', { limit: 3, filter: () => true });
    expect(en.result.hits[0]?.id).toBe('trail-points');
    expect(en.readShare).toBeGreaterThan(0);
    expect(en.readShare).toBeLessThan(0.3);
  });

  it("re-tokenises the ticket's words the way the target language's entries are", () => {
    const [part] = partsFor([{ text: 'Die Stornierung meiner Bestellungen, tracking', weight: 1 }], 'de', 'en', index);
    // German stop words ("die", "meiner") are gone; the rest is stemmed like English
    expect(part!.terms).toEqual(['stornierung', 'bestellungen', 'track']);
  });

  it('falls back to the language most entries are written in', () => {
    expect(mainLocale(index)).toBe('en');
    const germanPack = KnowledgeIndex.build([
      ...ENTRIES.filter((e) => e.locale === 'de'),
      entry('versand', { title: 'Versandkosten', locale: 'de' }),
      entry('shipping', { title: 'Shipping costs' }),
    ]);
    expect(mainLocale(germanPack)).toBe('de');
  });
});

describe('language fallback on the wire to the panel', () => {
  it('keeps the fallback marker in what the worker sends the panel, and the message schema accepts it', async () => {
    const { suggestionsFor } = await import('../../entrypoints/background/suggestions');
    const { SuggestResultView } = await import('../../knowledge/messages');
    const index = KnowledgeIndex.build(ENTRIES);
    const view = await suggestionsFor(
      ticket('Paket nicht angekommen', 'Hallo, laut Tracking wurde mein Paket gestern delivered, aber es ist nicht da.', { locale: 'de' }),
      index,
      async (ids) => ids.map((id) => index.get(id)!),
      DAY,
    );
    expect(view.suggestions[0]?.fallback).toEqual({ from: 'de', to: 'en' });
    expect(SuggestResultView.parse(view).suggestions[0]?.fallback).toEqual({ from: 'de', to: 'en' });
  });
});
