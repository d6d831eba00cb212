// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { App } from '@/entrypoints/dashboard/App';
import { LEAVE_QUESTION } from '@/entrypoints/dashboard/useUnsavedGuard';
import { saveEntry } from '@/knowledge/store/entries';
import { getSettings, saveSettings } from '@/knowledge/store/settings';
import { entryHistory } from '@/knowledge/store/versions';
import { byTestId, cleanup, click, render, type, until as untilState } from '../components/render';
import { entry } from '../store/helpers';
import { fakeDashboardApi } from './fake-dashboard-api';

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
  location.hash = '';
});

async function go(hash: string) {
  await act(async () => {
    location.hash = hash;
    dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

const ME = 'Lee Lead (dashboard)';

async function openEditor(id: string, seed: Parameters<typeof saveEntry>[1][] = [entry(id)], who = 'Ann Author') {
  const api = fakeDashboardApi();
  for (const e of seed) await saveEntry(api.db, e, who);
  location.hash = `#entry/${id}`;
  const c = await render(<App api={api} />);
  await until(() => c.querySelector('[data-testid="field-title"]'));
  return { api, c };
}

const field = (c: HTMLElement, name: string) => byTestId<HTMLInputElement>(c, `field-${name}`);
const statusText = (c: HTMLElement) => byTestId(c, 'status').textContent ?? '';

const until = <T,>(read: () => T | undefined | null | false, tries = 2000) => untilState(read, tries);

describe('entry editor', () => {
  it('shows an inline error from the import schema, refuses to save, then saves a new version as the lead', async () => {
    const { api, c } = await openEditor('refund');
    expect(byTestId(c, 'entry-source').textContent).toContain('from answers.csv, row 2 (csv)');
    await type(field(c, 'title'), '   ');
    const title = field(c, 'title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(title.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(error?.textContent).toBe('Title is empty.');
    await type(field(c, 'review'), '2027-02-30');
    expect(c.textContent).toContain('Review by is not a date (expected YYYY-MM-DD).');
    await click(byTestId(c, 'save-entry'));
    expect(statusText(c)).toMatch(/Not saved: 2 fields need a fix/);
    expect((await api.db.entries.get('refund'))!.version).toBe(1);

    await type(field(c, 'title'), 'Refunds within 30 days');
    await type(field(c, 'review'), '2027-06-30');
    expect(c.querySelector('[aria-invalid="true"]')).toBeNull();
    await click(byTestId(c, 'save-entry'));
    await until(() => statusText(c).includes('Saved as version 2'));
    expect(statusText(c)).toContain(`by ${ME}`);
    const stored = (await api.db.entries.get('refund'))!;
    expect(stored).toMatchObject({ title: 'Refunds within 30 days', reviewBy: '2027-06-30', version: 2 });
    expect((await entryHistory(api.db, 'refund')).at(-1)).toMatchObject({ who: ME, version: 2 });
    expect(api.knowledgeWritten).toHaveBeenCalled();
    await until(() => c.querySelector('[data-testid="version-2"]'));
    expect(byTestId(c, 'version-2').textContent).toContain('title, review date');
  });

  it('edits example questions as a list and previews the answer through the panel\u2019s renderer', async () => {
    const { api, c } = await openEditor('refund');
    await type(field(c, 'body'), 'Hi {{customer.first_name}},\n\n**Refunds** take <b>5</b> days. {%customer.firstName%}');
    const preview = byTestId(c, 'body-preview');
    expect(preview.querySelector('strong')?.textContent).toBe('Refunds');
    expect(preview.querySelector('b')).toBeNull();
    const lint = byTestId(c, 'placeholder-lint');
    expect([...lint.querySelectorAll('li')].map((li) => li.dataset.kind)).toEqual(['dialect', 'no-fallback']);
    await click([...lint.querySelectorAll('button')].find((b) => b.textContent === 'Replace with {{customer.first_name}}')!);
    expect(field(c, 'body').value).toContain('days. {{customer.first_name}}');
    await click(byTestId(c, 'add-question'));
    const rows = () => c.querySelectorAll<HTMLInputElement>('[data-testid="question"]');
    expect(rows()).toHaveLength(2);
    await type(rows()[1]!, 'Where is my money?');
    await click(c.querySelector('button[aria-label="Remove question 1"]')!);
    await click(byTestId(c, 'save-entry'));
    await until(() => statusText(c).includes('Saved'));
    expect((await api.db.entries.get('refund'))!.questions).toEqual(['Where is my money?']);
  });

  it('asks before leaving with unsaved changes (route change and closing the tab)', async () => {
    const { c } = await openEditor('refund');
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await type(field(c, 'title'), 'Changed');
    expect(c.textContent).toContain('Unsaved changes.');
    expect(unload()).toBe(true);
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await go('#knowledge');
    expect(ask).toHaveBeenCalledWith(LEAVE_QUESTION);
    expect(location.hash).toBe('#entry/refund');
    expect(field(c, 'title').value).toBe('Changed');
    ask.mockReturnValue(true);
    await go('#import');
    await until(() => c.querySelector('input[type="file"]'));
    expect(c.querySelector('[data-testid="field-title"]')).toBeNull();
  });

  it('says in words why agents are not shown the entry', async () => {
    const { c } = await openEditor('late', [entry('late', { status: 'in_review', reviewBy: '2020-03-01' })]);
    expect(byTestId(c, 'why-not-suggested').textContent).toBe('Agents are not shown this entry: in review, overdue since 2020-03-02.');
  });

  it('refuses to approve the lead\u2019s own change when approval needs a second person', async () => {
    const api = fakeDashboardApi();
    await saveSettings(api.db, { approvalNeedsSecondPerson: true });
    await saveEntry(api.db, entry('refund', { status: 'in_review' }), ME);
    location.hash = '#entry/refund';
    const c = await render(<App api={api} />);
    await click(await until(() => c.querySelector('[data-testid="move-approved"]')));
    await until(() => statusText(c).includes('Not approved'));
    expect(statusText(c)).toContain(`last change was made by ${ME}, and approval needs a second person`);
    expect((await api.db.entries.get('refund'))!.status).toBe('in_review');
    expect(byTestId(c, 'entry-status').textContent).toBe('In review');

    // another lead approves
    (api.who as ReturnType<typeof vi.fn>).mockResolvedValue('Sam Second (dashboard)');
    await click(byTestId(c, 'move-approved'));
    await until(() => byTestId(c, 'entry-status').textContent === 'Approved');
    expect(statusText(c)).toContain('Approved: version 2 by Sam Second (dashboard)');
  });

  it('compares any two versions side by side and restores one as a new version', async () => {
    const v1 = entry('refund', { title: 'Refund policy', body: 'We refund within 14 days.' });
    const api = fakeDashboardApi();
    await saveEntry(api.db, v1, 'Ann Author');
    await saveEntry(api.db, { ...v1, title: 'Refund rules', body: 'We refund within 30 days.' }, 'Ben Editor');
    await saveEntry(api.db, { ...v1, title: 'Refund rules', body: 'We refund within 30 days.', owner: 'ben@example.com' }, 'Ben Editor');
    location.hash = '#entry/refund';
    const c = await render(<App api={api} />);
    const diff = await until(() => c.querySelector('[data-testid="version-diff"]'));
    expect(diff.querySelector('caption')!.textContent).toBe('Version 2 and Version 3: 1 line differs');
    // tick version 1: the two newest ticks (3 and 1) are compared
    await click(c.querySelector('input[aria-label="Compare version 2"]')!);
    await click(c.querySelector('input[aria-label="Compare version 1"]')!);
    const shown = byTestId(c, 'version-diff');
    expect(shown.querySelector('caption')!.textContent).toBe('Version 1 and Version 3: 3 lines differ');
    expect([...shown.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['policy', 'lead', '14']);
    expect([...shown.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['rules', 'ben', '30']);
    const rowCount = () => byTestId(c, 'version-diff').querySelectorAll('tbody tr').length;
    expect(rowCount()).toBeGreaterThan(3);
    await click(byTestId(c, 'only-changes'));
    expect(rowCount()).toBe(3);

    await click(byTestId(c, 'restore-1'));
    await until(() => statusText(c).includes('Version 1 restored as version 4'));
    expect((await api.db.entries.get('refund'))!).toMatchObject({ title: 'Refund policy', version: 4 });
    await until(() => c.querySelector('[data-testid="version-4"]'));
    expect(byTestId(c, 'version-4').textContent).toContain(ME);
    expect(field(c, 'title').value).toBe('Refund policy');
  });

  it('creates a new entry as a draft and opens it', async () => {
    const api = fakeDashboardApi();
    await saveEntry(api.db, entry('taken'), 'Ann');
    location.hash = '#entry/new';
    const c = await render(<App api={api} />);
    await until(() => c.querySelector('[data-testid="field-id"]'));
    await type(field(c, 'id'), 'taken');
    await type(field(c, 'title'), 'Gift cards');
    await type(field(c, 'body'), 'Gift cards never expire.');
    await click(byTestId(c, 'save-entry'));
    await until(() => c.textContent?.includes('Id is already used by another entry.'));
    await type(field(c, 'id'), 'gift-cards');
    await click(byTestId(c, 'save-entry'));
    await until(() => location.hash === '#entry/gift-cards');
    await until(() => c.querySelector('[data-testid="entry-status"]'));
    expect(byTestId(c, 'entry-status').textContent).toBe('Draft');
    expect((await api.db.entries.get('gift-cards'))).toMatchObject({ status: 'draft', source: { format: 'manual' }, version: 1 });
  });

  it('warns about a near-duplicate while typing, and ranks the draft for a pasted ticket', async () => {
    const { c } = await openEditor('new-one', [
      entry('refund', { title: 'Refund policy', body: 'We refund orders within 30 days of delivery.', questions: ['Can I get a refund for my order?'] }),
      entry('shipping', { title: 'Shipping times', body: 'Parcels arrive in 3 to 5 working days.', questions: ['When will my parcel arrive?'] }),
      entry('new-one', { title: 'Gift cards', body: 'Gift cards never expire.', questions: ['Do gift cards expire?'] }),
    ]);
    expect(c.querySelector('[data-testid="duplicate-warning"]')).toBeNull();
    await type(field(c, 'title'), 'Refund policy for orders');
    await type(field(c, 'body'), 'We refund orders within 30 days of delivery.');
    const warning = await until(() => c.querySelector('[data-testid="duplicate-warning"]'));
    expect(warning.textContent).toContain('Refund policy');
    expect(warning.querySelector('a')!.getAttribute('href')).toBe('#entry/refund');

    await type(byTestId(c, 'try-message'), 'When will my parcel arrive?');
    await click(byTestId(c, 'try-run'));
    const result = await until(() => (byTestId(c, 'try-result').textContent ? byTestId(c, 'try-result') : null));
    expect(result.textContent).toContain('Not among the first 20 matches. Agents would not see it for this ticket.');
    expect(result.querySelector('ol a')?.textContent).toBe('Shipping times');
    await type(byTestId(c, 'try-message'), 'Can I get a refund for my order? It was delivered last week.');
    await click(byTestId(c, 'try-run'));
    await until(() => /Ranks (first|second)/.test(byTestId(c, 'try-result').textContent ?? ''));
    expect(byTestId(c, 'try-result').textContent).toMatch(/confidence \d+%/);
  });

  it('keeps the lead\u2019s name and the second-person rule in the dashboard\u2019s settings', async () => {
    const api = fakeDashboardApi();
    location.hash = '#settings';
    const c = await render(<App api={api} />);
    await type(await until(() => c.querySelector<HTMLInputElement>('[data-testid="lead-name"]')), 'Lee Lead');
    await click(byTestId(c, 'second-person'));
    await click(byTestId(c, 'save-settings'));
    await until(() => statusText(c).includes('Saved'));
    expect(await getSettings(api.db)).toMatchObject({ agentName: 'Lee Lead', approvalNeedsSecondPerson: true });
  });
});
