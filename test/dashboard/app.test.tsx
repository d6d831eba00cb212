// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { App } from '@/entrypoints/dashboard/App';
import { parseRoute, routeHash } from '@/entrypoints/dashboard/route';
import { applyImport } from '@/knowledge/store/import';
import { byTestId, cleanup, render, until as untilState } from '../components/render';
import { entry } from '../store/helpers';
import { fakeDashboardApi } from './fake-dashboard-api';

afterEach(async () => {
  await cleanup();
  location.hash = '';
});

const until = <T,>(read: () => T | undefined | null | false) => untilState(read, 500);

describe('dashboard routes', () => {
  it('reads and writes sections and entry ids from the hash', () => {
    expect(parseRoute('')).toEqual({ section: 'knowledge' });
    expect(parseRoute('#import')).toEqual({ section: 'import' });
    expect(parseRoute('#entry/refund%2Fpolicy')).toEqual({ section: 'entry', id: 'refund/policy' });
    expect(parseRoute('#entry/%E0%A4%A')).toEqual({ section: 'knowledge' });
    expect(routeHash({ section: 'entry', id: 'a b' })).toBe('#entry/a%20b');
  });
});

describe('dashboard', () => {
  it('opens on knowledge health: the share, the weekly chart and its table, by owner and tag', async () => {
    const api = fakeDashboardApi();
    await applyImport(
      api.db,
      {
        entries: [entry('ok1'), entry('ok2', { tags: ['shipping'] }), entry('draft', { status: 'draft', owner: '' }), entry('late', { reviewBy: '2020-01-01' })],
        problems: [],
      },
      'test',
    );
    const c = await render(<App api={api} />);
    const share = await until(() => c.querySelector('[data-testid="health-share"]'));
    // 2 of 4 entries healthy, none shown: 50%.
    expect(share.textContent).toContain('50%');
    expect(share.textContent).toContain('below target');
    const weeks = byTestId(c, 'health-weeks');
    expect(weeks.querySelector('svg[role="img"] title')?.textContent).toMatch(/Knowledge health by week/);
    expect(weeks.querySelectorAll('tbody tr')).toHaveLength(12);
    const owners = byTestId(c, 'health-owners');
    expect([...owners.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['(no owner)', 'lead@example.com']);
    const tags = byTestId(c, 'health-tags');
    expect([...tags.querySelectorAll('tbody th')].map((th) => th.textContent).sort()).toEqual(['billing', 'shipping']);
    expect(c.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Knowledge');
  });

  it('exports a chart\u2019s numbers as CSV', async () => {
    const api = fakeDashboardApi();
    await applyImport(api.db, { entries: [entry('ok1')], problems: [] }, 'test');
    const c = await render(<App api={api} />);
    await until(() => c.querySelector('[data-testid="health-owners"]'));
    await act(async () => byTestId(c, 'health-owners').querySelector('button')!.click());
    expect(api.downloads[0]!.fileName).toBe('knowledge-health-by-owner.csv');
    expect(api.downloads[0]!.text).toContain('lead@example.com,100%,1,1');
  });

  it('reloads when the knowledge changes in another view', async () => {
    const api = fakeDashboardApi();
    const c = await render(<App api={api} />);
    await until(() => c.querySelector('[data-testid="health-share"]')?.textContent?.includes('no entries yet'));
    await applyImport(api.db, { entries: [entry('ok1')], problems: [] }, 'test');
    await act(async () => api.changed());
    const share = await until(() => (c.querySelector('[data-testid="health-share"]')?.textContent?.includes('100%') ? c.querySelector('[data-testid="health-share"]') : null));
    expect(share.textContent).not.toContain('below target');
  });

  it('switches to the import section from its link', async () => {
    const api = fakeDashboardApi();
    const c = await render(<App api={api} />);
    await act(async () => {
      location.hash = '#import';
      dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await until(() => c.querySelector('input[type="file"]'));
    expect(c.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Import');
  });
});
