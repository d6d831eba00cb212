import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKENISE_OPTIONS, droppingStopWords, optionsKey, stopTerms, tokenise } from '../../knowledge/search/tokenise';

/** Stop words dropped, as the language fallback and learned phrasings tokenise (the index keeps them). */
const DROPPING = droppingStopWords(DEFAULT_TOKENISE_OPTIONS);
const t = (text: string, locale?: string) => tokenise(text, locale, DROPPING);

describe('tokenise', () => {
  it('keeps stop words by default (the index ranks with them, weighed down in queries) and names their terms', () => {
    expect(tokenise('Set an alarm for me', 'en', DEFAULT_TOKENISE_OPTIONS)).toEqual(['set', 'an', 'alarm', 'for', 'me']);
    expect(droppingStopWords(DEFAULT_TOKENISE_OPTIONS)).toBe(DROPPING);
    const stop = stopTerms('en', DEFAULT_TOKENISE_OPTIONS);
    expect(['an', 'for', 'me', 'the'].every((w) => stop.has(w))).toBe(true);
    // negations and question words are ordinary terms, at full weight
    expect(stop.has('not') || stop.has('why') || stop.has('alarm')).toBe(false);
    expect(stopTerms('de', DEFAULT_TOKENISE_OPTIONS).has('die')).toBe(true);
  });

  it('drops English stop words and stems', () => {
    expect(t('Are my refunds there?')).toEqual(t('refund'));
    expect(t('The parcels arrived')).toEqual(t('parcel arrives'));
  });

  it('keeps negations, which change what a customer means', () => {
    expect(t('my card is not working')).toContain('not');
    expect(t("it didn't arrive")).toContain("didn't");
  });

  it('keeps question words: "why" and "how" ask different things', () => {
    expect(t('Why do I need to verify my identity?')).toEqual(['why', ...t('need verify identity')]);
    expect(t("What's the fee?")).toEqual(['what', ...t('fee')]);
    expect(t('Wo ist meine Rückerstattung', 'de')).toEqual(['wo', ...t('Rückerstattung', 'de')]);
    expect(t('¿Cuándo llega?', 'es')).toContain('cuand');
    expect(tokenise('Why?', undefined, { ...DROPPING, keepQuestionWords: false })).toEqual([]);
    expect(optionsKey({ ...DEFAULT_TOKENISE_OPTIONS, keepQuestionWords: false })).not.toBe(optionsKey(DEFAULT_TOKENISE_OPTIONS));
  });

  it('stems and drops stop words per locale (de, fr, es)', () => {
    expect(t('Ist meine Rückerstattung da', 'de')).toEqual(t('Rückerstattungen', 'de'));
    expect(t('les remboursements', 'fr')).toEqual(t('remboursement', 'fr'));
    expect(t('los reembolsos', 'es')).toEqual(t('reembolso', 'es'));
    expect(t('und der die', 'de')).toEqual([]);
  });

  it('falls back to the default locale for unknown or regional tags', () => {
    expect(t('refunds', 'en-GB')).toEqual(t('refund'));
    expect(t('refunds', 'xx')).toEqual(t('refund'));
  });

  it('keeps numbers and drops over-long tokens', () => {
    expect(t('order 12345')).toEqual(['order', '12345']);
    expect(t('a'.repeat(60))).toEqual([]);
  });

  it('has a stable key for the options object', () => {
    expect(optionsKey(DEFAULT_TOKENISE_OPTIONS)).toBe(optionsKey({ ...DEFAULT_TOKENISE_OPTIONS }));
    expect(optionsKey(DROPPING)).not.toBe(optionsKey(DEFAULT_TOKENISE_OPTIONS));
    expect(optionsKey({ ...DEFAULT_TOKENISE_OPTIONS, stemming: false })).not.toBe(optionsKey(DEFAULT_TOKENISE_OPTIONS));
  });
});

describe('tokenise: Chinese and Japanese', () => {
  it('segments Chinese into words, keeps one-character words and drops function words', () => {
    expect(t('我的订单还没有到', 'zh')).toEqual(['订单', '还', '没有', '到']);
    expect(t('今天会下雨吗？', 'zh')).toEqual(['今天', '会', '下雨']);
  });

  it('segments Japanese into words and drops its particles', () => {
    const terms = t('荷物が破損して届きました', 'ja');
    expect(terms).toEqual(expect.arrayContaining(['荷物', '破損']));
    expect(terms).not.toContain('が');
    expect(terms.join('')).not.toBe('荷物が破損して届きました');
  });

  it('segments whatever the locale says, so an entry and a query meet word by word', () => {
    expect(t('包裹已经损坏了', 'en')).toEqual(expect.arrayContaining(['包裹', '损坏']));
    expect(t('在 Deezer 上 播放', 'zh')).toEqual(['deezer', '上', '播放']);
  });
});
