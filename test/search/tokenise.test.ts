import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKENISE_OPTIONS, optionsKey, tokenise } from '../../knowledge/search/tokenise';

const t = (text: string, locale?: string) => tokenise(text, locale, DEFAULT_TOKENISE_OPTIONS);

describe('tokenise', () => {
  it('drops English stop words and stems', () => {
    expect(t('Where are my refunds?')).toEqual(t('refund'));
    expect(t('The parcels arrived')).toEqual(t('parcel arrives'));
  });

  it('keeps negations, which change what a customer means', () => {
    expect(t('my card is not working')).toContain('not');
    expect(t("it didn't arrive")).toContain("didn't");
  });

  it('stems and drops stop words per locale (de, fr, es)', () => {
    expect(t('Wo ist meine Rückerstattung', 'de')).toEqual(t('Rückerstattungen', 'de'));
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
    expect(optionsKey({ ...DEFAULT_TOKENISE_OPTIONS, stemming: false })).not.toBe(optionsKey(DEFAULT_TOKENISE_OPTIONS));
  });
});
