// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryFacts } from '@/components/entry/EntryFacts';
import { LearnedPhrasings } from '@/components/settings/LearnedPhrasings';
import { entry, fakeLearned } from '../sidepanel/fake-api';
import { allByTestId, byTestId, cleanup, click, flush, render } from './render';
import { openSettings } from '../sidepanel/open-settings';

afterEach(cleanup);

const button = (scope: ParentNode, name: string) => {
  const found = [...scope.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
};

describe('settings: learned phrasings', () => {
  it('lists phrasings by entry with their text, terms, who and when', async () => {
    const fake = fakeLearned();
    const c = await render(<LearnedPhrasings list={fake.listLearned} remove={fake.removeLearned} />);
    await flush();
    const groups = allByTestId(c, 'learned-entry');
    expect(groups.map((g) => g.querySelector('h4')!.textContent)).toEqual(['Delivery times (delivery-times)', 'Deleted entry (gone)']);
    const first = groups[0]!;
    expect(allByTestId(first, 'learned-phrasing').map((p) => p.querySelector('q')!.textContent)).toEqual(['parcel late courier', 'package still not here']);
    expect(first.textContent).toContain('Search terms: parcel, late, courier.');
    expect(first.textContent).toContain('Learned from Ana Lima');
    expect(allByTestId(first, 'learned-phrasing')[1]!.textContent).toContain(', and 1 more time since.');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-20T09:30:00.000Z');
    // Each button says what it removes.
    expect(button(first, 'Remove \u201cparcel late courier\u201d (learned for Delivery times)')).toBeTruthy();
    expect(c.querySelector('[data-testid="learned-empty"]')).toBeNull();
  });

  it('removes one phrasing, then all of an entry, and ends on the empty state that explains learning', async () => {
    const fake = fakeLearned();
    const c = await render(<LearnedPhrasings list={fake.listLearned} remove={fake.removeLearned} />);
    await flush();
    await click(button(c, 'Remove \u201cparcel late courier\u201d (learned for Delivery times)'));
    await flush();
    expect(fake.removeLearned).toHaveBeenLastCalledWith({ kind: 'one', id: 1 });
    expect(allByTestId(c, 'learned-phrasing').map((p) => p.querySelector('q')!.textContent)).toEqual(['package still not here', 'voucher expired']);
    expect(byTestId(c, 'learned-status').textContent).toBe('Removed a learned phrasing of Delivery times: suggestions no longer use it.');

    await click(button(c, 'Remove all for this entry: 1 learned phrasing of gone (entry deleted)'));
    await flush();
    expect(fake.removeLearned).toHaveBeenLastCalledWith({ kind: 'entry', entryId: 'gone' });
    expect(allByTestId(c, 'learned-entry')).toHaveLength(1);
    expect(byTestId(c, 'learned-status').textContent).toBe('Removed 1 learned phrasing of gone (entry deleted): suggestions no longer use them.');

    await click(button(c, 'Remove all for this entry: 1 learned phrasing of Delivery times'));
    await flush();
    expect(allByTestId(c, 'learned-entry')).toHaveLength(0);
    const empty = byTestId(c, 'learned-empty').closest('section')!.textContent!;
    expect(empty).toContain('inserts a suggested answer nearly as suggested');
    expect(empty).toContain('Rejecting an answer teaches nothing');
  });

  it('says so when the background refuses, and keeps the list as it is', async () => {
    const fake = fakeLearned();
    const remove = vi.fn(async () => ({ ok: false as const, error: 'The store is busy.' }));
    const c = await render(<LearnedPhrasings list={fake.listLearned} remove={remove} />);
    await flush();
    await click(button(c, 'Remove \u201cvoucher expired\u201d (learned for gone (entry deleted))'));
    await flush();
    expect(byTestId(c, 'learned-status').textContent).toBe('The store is busy.');
    expect(allByTestId(c, 'learned-phrasing')).toHaveLength(3);
  });

  it('is part of the side panel\u2019s Settings, through the panel api', async () => {
    const { api, c } = await openSettings();
    expect(api.listLearned).toHaveBeenCalled();
    expect(allByTestId(byTestId(c, 'learned'), 'learned-phrasing')).toHaveLength(3);
    await click(button(c, 'Remove all for this entry: 2 learned phrasings of Delivery times'));
    await flush();
    expect(api.removeLearned).toHaveBeenCalledWith({ kind: 'entry', entryId: 'delivery-times' });
    expect(allByTestId(c, 'learned-phrasing')).toHaveLength(1);
  });
});

describe('a suggestion matched through a learned phrasing', () => {
  it('says so in its Matched facts', async () => {
    const e = entry('delivery-times', 'Delivery times', 'Parcels arrive in 3-5 days.');
    const c = await render(<EntryFacts entry={e} matched={{ title: ['delivery'], learned: ['courier', 'late'] }} freshness="fresh" />);
    expect(c.querySelector('.why')!.textContent).toBe('delivery (title); courier, late (learned phrasings)');
  });
});
