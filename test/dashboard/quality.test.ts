import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, describeImport, duplicateIds, entrySimilarity, findDuplicates, importWarnings, sharedQuestions } from '../../knowledge/quality.ts';
import { labelledPairs } from '../fixtures/duplicates/pairs.ts';
import { handPairEntries } from '../fixtures/duplicates/hand-pairs.ts';
import { entry } from '../store/helpers.ts';
import type { Entry } from '../../knowledge/entry.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

const refund = entry('refund', {
  title: 'How long does a refund take?',
  body: 'Once your return arrives we check it and refund you within 5 working days. PayPal refunds arrive in a day, cards take 3 to 10 working days.',
  questions: ['When will I be refunded?', 'How long until I get my money back?'],
});
const refundCopy = entry('refund-copy', {
  title: 'How long does a refund take? (new)',
  body: 'Once your return arrives we check it and refund you within 5 working days. PayPal refunds arrive in a day, cards take 3 to 10 working days. Bank transfers take 2 days.',
  questions: ['When will I be refunded?'],
});
const exchange = entry('exchange', {
  title: 'Exchanging an item for another size',
  body: 'Register the exchange in the returns portal and send the item back; we ship the new size as soon as it arrives.',
  questions: ['Can I exchange my shoes for a bigger size?'],
});

describe('near duplicates', () => {
  it('separates the labelled pairs at the chosen threshold (precision and recall at least 0.9)', () => {
    const pairs = labelledPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    const found = pairs.map((p) => ({ ...p, hit: entrySimilarity(p.a, p.b) >= DUPLICATE_THRESHOLD }));
    const tp = found.filter((p) => p.duplicate && p.hit).length;
    const fp = found.filter((p) => !p.duplicate && p.hit).length;
    const fn = found.filter((p) => p.duplicate && !p.hit).length;
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });

  it('separates at least 150 hand-written pairs (paraphrases, look-alikes, template siblings, translations) with precision and recall at least 0.9', () => {
    const pairs = handPairEntries();
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    expect(pairs.filter((p) => !p.duplicate && (p.kind === 'look-alike' || p.kind === 'sibling')).length).toBeGreaterThanOrEqual(80);
    const hit = (p: (typeof pairs)[number]) => entrySimilarity(p.a, p.b) >= DUPLICATE_THRESHOLD;
    const tp = pairs.filter((p) => p.duplicate && hit(p)).length;
    const fp = pairs.filter((p) => !p.duplicate && hit(p)).length;
    const fn = pairs.filter((p) => p.duplicate && !hit(p)).length;
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
    // Translations: two locales never, one locale marked as translations of one entry always.
    for (const p of pairs.filter((q) => q.kind === 'translation')) expect(hit(p), `${p.a.id} ~ ${p.b.id}`).toBe(p.duplicate);
  });

  it('tells template siblings from copies: another key word on both sides, or other numbers', () => {
    const invoices = entry('invoices', { title: 'Download your invoices', body: 'Every invoice is under Billing → Invoices as a PDF. Click the download icon beside the month.', questions: ['Where are my invoices?'] });
    const receipts = entry('receipts', { title: 'Download your receipts', body: 'Every card receipt is under Billing → Receipts as a PDF, and emailed to whoever paid. Click the download icon beside the payment.', questions: ['Where are my receipts?'] });
    const thirty = entry('thirty', { title: 'Returns', body: 'Return unworn items within 30 days; the label costs 4.90 euros.', questions: ['How do I return?'] });
    const fourteen = entry('fourteen', { title: 'Returns', body: 'Return unworn items within 14 days; the label costs 6.90 euros.', questions: ['How do I return?'] });
    expect(findDuplicates([invoices, receipts, thirty, fourteen])).toEqual([]);
    expect(findDuplicates([invoices, { ...invoices, id: 'invoices-2', title: 'Your invoices as PDF' }]).map((p) => p.b)).toEqual(['invoices-2']);
  });

  it('pairs entries of one locale marked as translations of the same entry, however they are worded', () => {
    const de1 = entry('refund-de', { locale: 'de', title: 'Erstattung', body: 'Wir erstatten in 5 Tagen.', translationOf: 'refund' } as Partial<Entry>);
    const de2 = entry('refund-de-2', { locale: 'de', title: 'Geld zurück', body: 'Das Geld kommt bald.', translationOf: 'refund' } as Partial<Entry>);
    const fr = entry('refund-fr', { locale: 'fr', title: 'Remboursement', body: 'Sous 5 jours.', translationOf: 'refund' } as Partial<Entry>);
    expect(findDuplicates([refund, de1, de2, fr])).toEqual([{ a: 'refund-de', b: 'refund-de-2', similarity: 1, exact: false, translations: true }]);
  });

  it('finds every copy cut down to half (where shared / all words alone falls short)', () => {
    const short = labelledPairs().filter((p) => p.kind === 'short');
    expect(short.filter((p) => entrySimilarity(p.a, p.b) < DUPLICATE_THRESHOLD).map((p) => p.b.id)).toEqual([]);
  });

  it('finds an edited copy, not a different entry, and never across locales', () => {
    const german = { ...refundCopy, id: 'refund-de', locale: 'de' };
    const pairs = findDuplicates([exchange, refundCopy, german, refund]);
    expect(pairs.map((p) => [p.a, p.b, p.exact])).toEqual([['refund', 'refund-copy', false]]);
    expect(pairs[0]!.similarity).toBeGreaterThan(DUPLICATE_THRESHOLD);
    expect(duplicateIds(pairs)).toEqual(new Set(['refund', 'refund-copy']));
  });

  it('calls a copy that differs only in case, spacing and punctuation exact', () => {
    const same = entry('same', { title: refund.title.toUpperCase(), body: refund.body.replace(/\./g, ' !'), questions: refund.questions });
    expect(findDuplicates([refund, same])).toEqual([{ a: 'refund', b: 'same', similarity: 1, exact: true }]);
  });
});

describe('sharedQuestions', () => {
  it('finds an example question two entries of one locale share, however it is written', () => {
    const found = sharedQuestions([
      entry('b', { questions: ['When will I be refunded?', 'when will i be REFUNDED'] }),
      entry('a', { questions: ['When will I  be refunded'] }),
      entry('c', { questions: ['When will I be refunded?'], locale: 'de' }),
      entry('d', { questions: ['Where is my parcel?'] }),
    ]);
    expect(found).toEqual([{ question: 'When will I  be refunded', locale: 'en', ids: ['a', 'b'] }]);
  });
});

describe('importWarnings', () => {
  it('warns about an import that nearly repeats a stored entry or another imported one', () => {
    const twin = { ...refundCopy, id: 'refund-twin' };
    const w = importWarnings([refundCopy, twin, exchange], [refund, exchange], { now: NOW });
    expect(w.nearDuplicates.map((d) => [d.id, d.of, d.where])).toEqual([
      ['refund-copy', 'refund', 'stored'],
      ['refund-twin', 'refund', 'stored'],
      ['refund-twin', 'refund-copy', 'import'],
    ]);
  });

  it('lists the imported entries agents will not be shown, and the report says so', () => {
    const topics = ['parcel tracking', 'gift cards', 'password reset', 'invoice copy', 'newsletter'];
    const distinct = (i: number) => ({ title: `About ${topics[i]}`, body: `Everything on ${topics[i]}.`, questions: [`${topics[i]}?`] });
    const incoming = [
      entry('a', distinct(0)),
      entry('b', { ...distinct(1), status: 'draft' }),
      entry('c', { ...distinct(2), status: 'draft' }),
      entry('d', { ...distinct(3), reviewBy: '2026-11-01' }),
      entry('e', { ...distinct(4), status: 'in_review', reviewBy: '2026-01-01' }),
    ];
    const w = importWarnings(incoming, [], { now: NOW });
    expect(w.notSuggested).toEqual([
      { id: 'b', reasons: ['draft'] },
      { id: 'c', reasons: ['draft'] },
      { id: 'd', reasons: ['overdue'] },
      { id: 'e', reasons: ['in_review', 'overdue'] },
    ]);
    const text = describeImport({ added: ['a', 'b', 'c', 'd'], updated: ['e'], unchanged: [] }, w);
    expect(text).toBe('4 added, 1 updated, 0 unchanged. 4 of them will not be suggested to agents: 2 drafts, 2 overdue (review date passed), 1 in review.');
  });

  it('names the duplicates in the report', () => {
    const w = importWarnings([refundCopy], [refund], { now: NOW });
    expect(describeImport({ added: ['refund-copy'], updated: [], unchanged: [] }, w)).toMatch(/^1 added, 0 updated, 0 unchanged\. 1 looks like a duplicate: refund-copy resembles refund \(\d+%\)\.$/);
  });
});
