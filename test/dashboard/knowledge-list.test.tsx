// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { App } from '@/entrypoints/dashboard/App';
import type { SettingsView } from '@/knowledge/messages';
import type { Entry } from '@/knowledge/entry';
import { entryHistory } from '@/knowledge/store/versions';
import { applyImport } from '@/knowledge/store/import';
import { saveSettings } from '@/knowledge/store/settings';
import { byTestId, cleanup, click, key, render, type, until } from '../components/render';
import { entry } from '../store/helpers';
import { flagged, shown } from './events';
import { fakeDashboardApi } from './fake-dashboard-api';

// The virtualiser sizes its window from the scroll box's clientHeight, which jsdom leaves at 0:
// give the list's box 20 rows of height so it draws a window of rows as in a browser.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('list-scroll') ? 680 : 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});

afterEach(async () => {
  await cleanup();
  location.hash = '';
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function seeded(entries: Entry[], settings: Partial<SettingsView> & { secondPerson?: boolean } = {}, who = 'test') {
  const api = fakeDashboardApi();
  const base = await api.getSettings();
  api.getSettings = async () => ({ ...base, ...settings }) as SettingsView;
  // The team rule lives in the store's settings (the dashboard's Settings section writes it).
  if (settings.secondPerson) await saveSettings(api.db, { approvalNeedsSecondPerson: true });
  await applyImport(api.db, { entries, problems: [] }, who);
  const c = await render(<App api={api} />);
  await until(() => c.querySelector('[data-testid="list-count"]'));
  return { api, c };
}

const count = (c: HTMLElement) => byTestId(c, 'list-count').textContent;
const drawnIds = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('[data-testid="knowledge-table"] tbody tr')].map((tr) => tr.dataset.id);
const rowBox = (c: HTMLElement, id: string) => c.querySelector<HTMLInputElement>(`tbody tr[data-id="${id}"] input[type="checkbox"]`)!;
async function choose(el: HTMLSelectElement | HTMLInputElement, value?: string) {
  await act(async () => {
    if (el instanceof HTMLSelectElement) {
      el.value = value!;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else el.click();
  });
}
async function shiftClick(el: HTMLElement) {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: true }));
  });
}
const many = (n: number, overrides: Partial<Entry> = {}) => Array.from({ length: n }, (_, i) => entry(`e${String(i).padStart(4, '0')}`, { title: `Entry number ${i}`, ...overrides }));

describe('knowledge list', () => {
  it('draws only the rows in view of a long list, with every column, as plain text', async () => {
    const { c } = await seeded([...many(400), entry('html', { title: '<img src=x onerror="alert(1)"> Refunds' })]);
    expect(count(c)).toBe('401 entries.');
    const table = byTestId(c, 'knowledge-table');
    expect(table.getAttribute('aria-rowcount')).toBe('402');
    const drawn = drawnIds(c);
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(60);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      '',
      'Title\u25B2',
      'Status',
      'Owner',
      'Tags',
      'Locale',
      'Review by',
      'Last change',
      'Shown in the last 30 days',
      'Inserted in the last 30 days',
      'Rejected in the last 30 days',
    ]);
    // Sorted by title: "<img…" first, shown as text, never as markup.
    expect(drawn[0]).toBe('html');
    expect(table.querySelector('tbody img')).toBeNull();
    expect(table.querySelector('tbody tr[data-id="html"] a')!.textContent).toBe('<img src=x onerror="alert(1)"> Refunds');
    expect(table.querySelector('tbody tr[data-id="html"] a')!.getAttribute('href')).toBe('#entry/html');
  });

  it('filters by status, owner, tag, locale, review date, not suggested and why, flagged, never suggested and duplicates', async () => {
    const { api, c } = await seeded([
      entry('ok', { title: 'Refund policy', body: 'Refunds take five days to reach your card.', questions: ['How long do refunds take?'] }),
      entry('draft', { status: 'draft', owner: '', tags: ['shipping'], title: 'Parcel tracking', body: 'Track parcels from the order page.', questions: ['Where is my parcel?'] }),
      entry('late', { reviewBy: '2020-01-01', locale: 'de', title: 'Passwort zurücksetzen', body: 'Nutzen Sie den Link auf der Anmeldeseite.', questions: [] }),
      entry('soon', { reviewBy: day(3), title: 'Gift cards', body: 'Gift cards never expire and work in every store.', questions: ['Do gift cards expire?'] }),
      entry('old', { status: 'archived', title: 'Winter sale', body: 'The winter sale ended in March.', questions: ['When is the sale?'] }),
      entry('dup', { title: 'Refund policy', body: 'Refunds take five days to reach your card.', questions: ['How long does a refund take?'] }),
    ]);
    await api.db.events.bulkAdd([shown(ago(2), 'ok', 'late'), flagged(ago(1), 'late')]);
    await act(async () => api.changed());
    await until(() => c.querySelector('tbody tr[data-id="late"] .list-badge'));
    const only = async (testId: string, value?: string) => {
      await choose(byTestId(c, testId), value);
      const ids = drawnIds(c).sort();
      await choose(byTestId(c, testId), value === undefined ? undefined : '\u0000any');
      expect(count(c)).toBe('6 entries.');
      return ids;
    };
    expect(await only('filter-status-draft')).toEqual(['draft']);
    expect(await only('filter-owner', '')).toEqual(['draft']);
    expect(await only('filter-tag', 'shipping')).toEqual(['draft']);
    expect(await only('filter-locale', 'de')).toEqual(['late']);
    expect(await only('filter-review', 'overdue')).toEqual(['late']);
    expect(await only('filter-review', 'due-soon')).toEqual(['soon']);
    expect(await only('filter-not-suggested', '*')).toEqual(['draft', 'late', 'old']);
    expect(await only('filter-not-suggested', 'archived')).toEqual(['old']);
    expect(await only('filter-flagged')).toEqual(['late']);
    expect(await only('filter-never')).toEqual(['draft', 'dup', 'old', 'soon']);
    await until(() => !byTestId(c, 'filter-duplicate').parentElement!.textContent!.includes('checking'));
    expect(await only('filter-duplicate')).toEqual(['dup', 'ok']);
    // Filters add up; "Clear" drops them all.
    await choose(byTestId(c, 'filter-status-approved'));
    await choose(byTestId(c, 'filter-locale'), 'en');
    expect(count(c)).toBe('3 of 6 entries.');
    await click(byTestId(c, 'filter-clear'));
    expect(count(c)).toBe('6 entries.');
  });

  it('searches every entry, drafts and archived too, with the agents\u2019 engine and by title or id while typing', async () => {
    const { c } = await seeded([
      entry('refund', { title: 'Refund policy', body: 'Money back within 30 days.', status: 'draft' }),
      entry('ship', { title: 'Shipping times', body: 'Parcels arrive in a week; a refund is possible for lost parcels.', status: 'archived' }),
      entry('pw', { title: 'Reset your password', body: 'Use the link on the sign-in page.' }),
    ]);
    const box = byTestId<HTMLInputElement>(c, 'list-search');
    await until(() => !c.querySelector('.list-note'));
    await type(box, 'refunds');
    // Stemmed like the agents' search: "refunds" finds the title and the body, title first.
    expect(drawnIds(c)).toEqual(['refund', 'ship']);
    expect(count(c)).toBe('2 of 3 entries, best match first.');
    await type(box, 'pasword');
    expect(drawnIds(c)).toEqual(['pw']); // typo corrected, as for agents
    await type(box, 'shipp');
    expect(drawnIds(c)).toEqual(['ship']); // half a word: the title contains it
    await type(box, '');
    expect(count(c)).toBe('3 entries.');
    expect(byTestId(c, 'sort-title').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('sorts by a column from its header, saying so with aria-sort', async () => {
    const { api, c } = await seeded([entry('a', { title: 'Alpha' }), entry('b', { title: 'Bravo', reviewBy: '2027-01-01' }), entry('c', { title: 'Charlie', reviewBy: undefined })]);
    await api.db.events.bulkAdd([shown(ago(1), 'b'), shown(ago(2), 'b'), shown(ago(3), 'c')]);
    await act(async () => api.changed());
    await until(() => c.querySelector('tbody tr[data-id="b"] td.num')?.textContent === '2');
    expect(drawnIds(c)).toEqual(['a', 'b', 'c']);
    await click(byTestId(c, 'sort-title'));
    expect(drawnIds(c)).toEqual(['c', 'b', 'a']);
    expect(byTestId(c, 'sort-title').closest('th')!.getAttribute('aria-sort')).toBe('descending');
    await click(byTestId(c, 'sort-shown'));
    expect(drawnIds(c)).toEqual(['b', 'c', 'a']); // most shown first
    expect(byTestId(c, 'sort-shown').closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(byTestId(c, 'sort-title').closest('th')!.hasAttribute('aria-sort')).toBe(false);
    await click(byTestId(c, 'sort-reviewBy'));
    expect(drawnIds(c)).toEqual(['b', 'a', 'c']); // no review date last
  });

  it('selects one row, a shift-click range, and every row the filters show', async () => {
    const { c } = await seeded([...many(30), ...many(5, { status: 'draft' }).map((e, i) => ({ ...e, id: `d${i}`, title: `Draft ${i}` }))]);
    await click(rowBox(c, 'e0001'));
    await shiftClick(rowBox(c, 'e0005'));
    expect(byTestId(c, 'bulk-count').textContent).toBe('5 entries selected.');
    expect([...c.querySelectorAll('tbody tr.selected')].map((tr) => (tr as HTMLElement).dataset.id)).toEqual(['e0001', 'e0002', 'e0003', 'e0004', 'e0005']);
    await choose(byTestId(c, 'filter-status-draft'));
    expect(byTestId(c, 'bulk-count').textContent).toBe('5 entries selected (5 hidden by the filters).');
    const all = byTestId<HTMLInputElement>(c, 'select-all');
    expect(all.getAttribute('aria-label')).toBe('Select all 5 entries shown');
    await click(all);
    expect(byTestId(c, 'bulk-count').textContent).toBe('10 entries selected (5 hidden by the filters).');
    await click(byTestId(c, 'bulk-clear'));
    expect(byTestId(c, 'bulk-count').textContent).toBe('No entry selected.');
  });

  it('moves between rows with the arrow keys: one tab stop in the body, focus follows', async () => {
    const { c } = await seeded(many(100));
    const stops = () => [...c.querySelectorAll<HTMLElement>('tbody [tabindex="0"]')];
    expect(stops().map((el) => el.closest('tr')!.dataset.id)).toEqual(['e0000', 'e0000']); // checkbox and title link
    rowBox(c, 'e0000').focus();
    await key(rowBox(c, 'e0000'), 'ArrowDown');
    await until(() => document.activeElement === rowBox(c, 'e0001'));
    await key(document.activeElement!, 'ArrowDown');
    await until(() => document.activeElement === rowBox(c, 'e0002'));
    expect(stops().map((el) => el.closest('tr')!.dataset.id)).toEqual(['e0002', 'e0002']);
    await click(document.activeElement!); // Space on a checkbox is a click
    expect(byTestId(c, 'bulk-count').textContent).toBe('1 entry selected.');
    await key(document.activeElement!, 'ArrowUp');
    await until(() => document.activeElement === rowBox(c, 'e0001'));
    const link = c.querySelector<HTMLAnchorElement>('tbody tr[data-id="e0001"] a')!;
    link.focus();
    await key(link, 'ArrowDown');
    await until(() => document.activeElement === c.querySelector('tbody tr[data-id="e0002"] a'));
  });

  it('approves 150 drafts in one action, a version each, then undoes it', async () => {
    const { api, c } = await seeded(many(150, { status: 'draft' }));
    await click(byTestId(c, 'select-all'));
    expect(byTestId(c, 'bulk-count').textContent).toBe('150 entries selected.');
    await click(byTestId(c, 'bulk-approve'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Approved 150 entries.'));
    expect(api.knowledgeWritten).toHaveBeenCalledTimes(1);
    expect((await api.db.entries.toArray()).every((e) => e.status === 'approved')).toBe(true);
    expect((await entryHistory(api.db, 'e0007')).map((v) => [v.version, v.who, v.entry.status])).toEqual([
      [1, 'test', 'draft'],
      [2, 'Lee Lead (dashboard)', 'approved'],
    ]);
    await until(() => byTestId(c, 'filter-status-approved').parentElement!.textContent!.includes('(150)'));
    await click(byTestId(c, 'bulk-undo'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Undone: 150 entries back as they were.'));
    expect((await api.db.entries.toArray()).every((e) => e.status === 'draft')).toBe(true);
    expect(api.knowledgeWritten).toHaveBeenCalledTimes(2);
    await until(() => byTestId(c, 'filter-status-draft').parentElement!.textContent!.includes('(150)'));
  });

  it('lists what approval refused when it needs a second person (and approves the rest)', async () => {
    const api0 = { secondPerson: true };
    const { api, c } = await seeded(many(3, { status: 'draft' }), api0, 'Lee Lead (dashboard)');
    await applyImport(api.db, { entries: [entry('other', { status: 'draft' })], problems: [] }, 'Sam Writer');
    await act(async () => api.changed());
    await until(() => rowBox(c, 'other'));
    await click(byTestId(c, 'select-all'));
    await click(byTestId(c, 'bulk-approve'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Approved 1 entry.'));
    expect(byTestId(c, 'bulk-status').textContent).toContain('3 entries refused:');
    expect([...byTestId(c, 'bulk-refused').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'e0000: its last change was made by Lee Lead (dashboard); approval needs a second person',
      'e0001: its last change was made by Lee Lead (dashboard); approval needs a second person',
      'e0002: its last change was made by Lee Lead (dashboard); approval needs a second person',
    ]);
    expect((await api.db.entries.get('other'))!.status).toBe('approved');
    expect((await api.db.entries.get('e0000'))!.status).toBe('draft');
  });

  it('assigns an owner, sets and removes a review date, adds and removes a tag', async () => {
    const { api, c } = await seeded(many(4));
    await click(rowBox(c, 'e0001'));
    await shiftClick(rowBox(c, 'e0002'));
    const ids = ['e0001', 'e0002'];
    const stored = async () => (await api.db.entries.bulkGet(ids)).map((e) => e!);
    await type(byTestId(c, 'bulk-owner'), 'ana@example.com');
    await click(byTestId(c, 'bulk-owner-apply'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Assigned 2 entries to ana@example.com.'));
    expect((await stored()).map((e) => e.owner)).toEqual(['ana@example.com', 'ana@example.com']);
    await type(byTestId(c, 'bulk-date'), '2027-03-01');
    await click(byTestId(c, 'bulk-date-apply'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Set the review date of 2 entries to 2027-03-01.'));
    expect((await stored()).map((e) => e.reviewBy)).toEqual(['2027-03-01', '2027-03-01']);
    await type(byTestId(c, 'bulk-date'), '');
    await click(byTestId(c, 'bulk-date-apply'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Removed the review date of 2 entries.'));
    expect((await stored()).map((e) => e.reviewBy)).toEqual([undefined, undefined]);
    await type(byTestId(c, 'bulk-tag'), 'vip');
    await click(byTestId(c, 'bulk-tag-add'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Added the tag \u201Cvip\u201D to 2 entries.'));
    expect((await stored()).map((e) => e.tags)).toEqual([
      ['billing', 'vip'],
      ['billing', 'vip'],
    ]);
    await click(byTestId(c, 'bulk-tag-remove'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Removed the tag \u201Cvip\u201D from 2 entries.'));
    expect((await stored()).map((e) => e.tags)).toEqual([['billing'], ['billing']]);
    expect((await api.db.entries.get('e0000'))!.version).toBe(1);
  });

  it('deletes archived entries only, after asking; emptying the archive asks too, and Undo brings them back', async () => {
    const { api, c } = await seeded([entry('live'), entry('old1', { status: 'archived' }), entry('old2', { status: 'archived' }), entry('old3', { status: 'archived' })]);
    await click(rowBox(c, 'live'));
    await click(rowBox(c, 'old1'));
    await click(byTestId(c, 'bulk-delete'));
    expect(byTestId(c, 'bulk-status').textContent).toMatch(/Only archived entries can be deleted/);
    expect(c.querySelector('[data-testid="bulk-confirm"]')).toBeNull();
    await click(rowBox(c, 'live'));
    await click(byTestId(c, 'bulk-delete'));
    expect(byTestId(c, 'bulk-confirm').textContent).toContain('Delete 1 entry for good?');
    expect(document.activeElement).toBe(byTestId(c, 'bulk-confirm-cancel'));
    await click(byTestId(c, 'bulk-confirm-cancel'));
    expect(await api.db.entries.count()).toBe(4);
    await click(byTestId(c, 'bulk-delete'));
    await click(byTestId(c, 'bulk-confirm-delete'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Deleted 1 entry for good.'));
    expect(await api.db.entries.get('old1')).toBeUndefined();
    await until(() => byTestId(c, 'empty-archive').textContent === 'Empty the archive (2)\u2026');
    await click(byTestId(c, 'empty-archive'));
    expect(byTestId(c, 'bulk-confirm').textContent).toContain('Empty the archive: delete its 2 entries for good?');
    await click(byTestId(c, 'bulk-confirm-delete'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Deleted 2 entries for good.'));
    expect((await api.db.entries.toArray()).map((e) => e.id)).toEqual(['live']);
    await until(() => !c.querySelector('[data-testid="empty-archive"]'));
    await click(byTestId(c, 'bulk-undo'));
    await until(() => byTestId(c, 'bulk-status').textContent?.includes('Undone: 2 entries back as they were.'));
    expect((await api.db.entries.toArray()).map((e) => [e.id, e.status])).toEqual([
      ['live', 'approved'],
      ['old2', 'archived'],
      ['old3', 'archived'],
    ]);
  });
});
