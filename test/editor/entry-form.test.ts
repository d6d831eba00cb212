import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formOf, sameForm } from '../../knowledge/editor/entry-form.ts';
import { entry } from '../store/helpers.ts';

describe('entry form', () => {
  it('gives back the entry it was made from', () => {
    const e = entry('refund', { custom: { team: 'billing' } });
    const checked = checkForm(formOf(e), e);
    expect(checked).toEqual({ ok: true, entry: e });
  });

  it('checks with the import schema and names each field in words', () => {
    const form = { ...formOf(entry('refund')), id: 'a b', title: 'x'.repeat(201), body: '  ', locale: 'english', reviewBy: '2026-02-30' };
    const checked = checkForm(form, undefined);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      id: 'Id may only contain letters, digits and . _ : -.',
      title: 'Title is longer than 200 characters.',
      body: 'Answer is empty.',
      locale: 'Language is not a language tag (e.g. en, en-GB, de).',
      reviewBy: 'Review by is not a date (expected YYYY-MM-DD).',
    });
  });

  it('points at the question row and custom field that fail, leaving blank rows out', () => {
    const form = { ...formOf(entry('refund')), questions: ['', 'fine', 'q'.repeat(501)], custom: [{ key: '', value: 'x' }, { key: 'long', value: 'v'.repeat(5001) }] };
    const checked = checkForm(form, undefined);
    if (checked.ok) throw new Error('expected errors');
    expect(checked.errors['questions.2']).toBe('Question 3 is longer than 500 characters.');
    expect(checked.errors['custom.0']).toBe('Custom field name is empty.');
    expect(checked.errors['custom.1']).toBe('Custom fields is longer than 5000 characters.');
  });

  it('makes a new entry a hand-written draft; tags are split on commas', () => {
    const form = { ...emptyForm(), id: 'new-one', title: 'New', body: 'Body', tags: ' a, b ,a,, ', questions: ['How?', ''] };
    const checked = checkForm(form, undefined, new Date('2026-12-01T10:00:00Z'));
    expect(checked.ok && checked.entry).toMatchObject({ status: 'draft', tags: ['a', 'b'], questions: ['How?'], version: 1, source: { format: 'manual' }, createdAt: '2026-12-01T10:00:00.000Z' });
  });

  it('counts blank rows and tag spacing as no change', () => {
    const a = formOf(entry('refund'));
    expect(sameForm(a, { ...a, questions: [...a.questions, ''], tags: ` ${a.tags} ` })).toBe(true);
    expect(sameForm(a, { ...a, title: 'Other' })).toBe(false);
  });
});
