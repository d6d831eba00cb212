// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { App } from '@/entrypoints/dashboard/App';
import { draftHref, ReportsSection } from '@/entrypoints/dashboard/ReportsSection';
import { storeReportsEngine } from '@/entrypoints/dashboard/report-engine';
import { answerRequest, workerEngine, type EngineReply, type EngineRequest } from '@/entrypoints/dashboard/reports-protocol';
import { parseRoute, routeHash } from '@/entrypoints/dashboard/route';
import { rangeOf } from '@/components/reports/RangePicker';
import type { StoredEvent } from '@/knowledge/events';
import { eventsToJsonl } from '@/knowledge/reports/jsonl';
import { applyImport } from '@/knowledge/store/import';
import { countEvents } from '@/knowledge/store/event-blocks';
import { byTestId, cleanup, click, render, until as untilState } from '../components/render';
import { entry } from '../store/helpers';
import { fakeDashboardApi } from './fake-dashboard-api';

afterEach(async () => {
  await cleanup();
  location.hash = '';
});

const NOW = new Date('2026-12-02T12:00:00Z');
const hash = (n: number) => n.toString(16).padStart(64, '0');
const base = (t: number, at: string, agent = 'Sam') => ({ ticketHash: hash(t), helpdesk: 'freescout', at, agent });
const shown = (t: number, at: string, ...ids: string[]): StoredEvent => ({ ...base(t, at), type: 'shown', suggestions: ids.map((entryId, i) => ({ entryId, rank: i + 1, confidence: 0.8 })) });
const inserted = (t: number, at: string, entryId: string, editRatio: number, msFromRead = 30_000): StoredEvent => ({ ...base(t, at), type: 'inserted', entryId, rank: 1, editRatio, msFromRead });

/** The scripted session the e2e test plays in the browser, as stored events: hand count below. */
function session(): StoredEvent[] {
  return [
    shown(1, '2026-11-30T09:00:00Z', 'refunds', 'returns'),
    inserted(1, '2026-11-30T09:01:00Z', 'refunds', 0),
    shown(2, '2026-11-30T10:00:00Z', 'returns'),
    inserted(2, '2026-11-30T10:02:00Z', 'returns', 0.4),
    shown(3, '2026-12-01T09:00:00Z', 'refunds'),
    { ...base(3, '2026-12-01T09:01:00Z'), type: 'rejected', entryId: 'refunds', reason: 'outdated' },
    { ...base(3, '2026-12-01T09:02:00Z'), type: 'flagged_outdated', entryId: 'refunds' },
    { ...base(4, '2026-12-01T11:00:00Z'), type: 'no_confident_answer', keyTerms: ['gift', 'card', 'balance', 'expired'] },
    { ...base(5, '2026-12-01T12:00:00Z'), type: 'no_confident_answer', keyTerms: ['gift', 'card', 'balance', 'check'] },
    { ...base(6, '2026-12-02T08:00:00Z'), type: 'no_confident_answer', keyTerms: ['warehouse', 'strike', 'delay'] },
    // before the range (last 7 days = Nov 26 .. Dec 2): the previous range
    shown(7, '2026-11-22T09:00:00Z', 'refunds'),
  ];
}

async function withEvents(events: StoredEvent[]) {
  const api = fakeDashboardApi();
  await applyImport(api.db, { entries: [entry('refunds', { tags: ['billing'] }), entry('returns', { tags: ['shipping'] })], problems: [] }, 'test');
  await api.db.events.bulkAdd(events);
  return api;
}

const card = (c: HTMLElement, id: string) => {
  const el = byTestId(c, `card-${id}`);
  return { value: byTestId(el, 'value').textContent, detail: byTestId(el, 'detail').textContent, note: el.querySelector('[data-testid=note]')?.textContent };
};

async function pick7(c: HTMLElement) {
  const radio = [...c.querySelectorAll<HTMLInputElement>('[data-testid=range-picker] input[type=radio]')].find((r) => r.parentElement?.textContent?.includes('Last 7 days'))!;
  await click(radio);
  return until(() => c.querySelector('[data-testid=report]'));
}

const until = <T,>(read: () => T | undefined | null | false) => untilState(read, 500);

describe('Reports section', () => {
  it('shows the numbers a hand count gives, marks small samples and draws no chart for them', async () => {
    const api = await withEvents(session());
    const c = await render(<ReportsSection api={api} now={NOW} />);
    await pick7(c);
    // 3 tickets shown, 2 with an insert
    expect(card(c, 'acceptance')).toEqual({ value: '67%', detail: '2 of 3 tickets shown a suggestion got an insert', note: 'small sample: 3 tickets shown, fewer than 30' });
    expect(card(c, 'first').value).toBe('100%');
    expect(card(c, 'rejections').value).toBe('1');
    expect(card(c, 'flags').value).toBe('1');
    // 3 of 6 tickets read had no confident answer
    expect(card(c, 'no-answer')).toMatchObject({ value: '50%', detail: '3 tickets without an answer' });
    expect(card(c, 'time').value).toBe('30 s');
    // Small samples: the acceptance chart says so instead of drawing bars; the table has the numbers.
    const acceptance = byTestId(c, 'report-acceptance');
    expect(acceptance.querySelector('svg')).toBeNull();
    expect(acceptance.querySelector('.notice')?.textContent).toBe('Too few to draw: every entry has fewer than 30 tickets shown (the numbers are in the table).');
    const rows = [...acceptance.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    // ticket 1 showed both entries; refunds was also shown on ticket 3 (rejected), and on ticket 7 in the previous range
    expect(rows).toEqual([
      ['Title of refunds (refunds)', '2', '1', '50%', '0%', 'small sample (< 30)'],
      ['(none)', '0', '0', '', '', 'no data'],
      ['Title of returns (returns)', '2', '1', '50%', '', 'small sample (< 30)'],
    ]);
    // Counts are drawn: rejections by reason, and the edit distribution (one as suggested, one ≤ 50%).
    expect([...byTestId(c, 'report-reasons').querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toContain('outdated10');
    expect([...byTestId(c, 'report-edits').querySelectorAll('tbody tr')].map((tr) => tr.children[1]!.textContent)).toEqual(['1', '0', '0', '1', '0']);
    expect(byTestId(c, 'report-edits').querySelector('svg[role=img] title')?.textContent).toContain('0 (as suggested) 1');
  });

  it('the "by" selector regroups every chart; CSV downloads carry the same rows', async () => {
    const api = await withEvents(session());
    const c = await render(<ReportsSection api={api} now={NOW} />);
    await pick7(c);
    const select = byTestId<HTMLSelectElement>(c, 'report-by');
    await act(async () => {
      select.value = 'tag';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => byTestId(c, 'report-acceptance').querySelector('thead th')?.textContent === 'tag');
    expect([...byTestId(c, 'report-acceptance').querySelectorAll('tbody th')].map((th) => th.textContent).sort()).toEqual(['(none)', 'billing', 'shipping']);
    await click(byTestId(c, 'report-acceptance').querySelector('button')!);
    expect(api.downloads.at(-1)!.fileName).toBe('acceptance-by-tag.csv');
    expect(api.downloads.at(-1)!.text).toContain('billing,2,1,50%');
  });

  it('an empty range says so instead of drawing empty charts', async () => {
    const api = await withEvents([shown(7, '2026-01-22T09:00:00Z', 'refunds')]);
    const c = await render(<ReportsSection api={api} now={NOW} />);
    const empty = await until(() => c.querySelector('[data-testid=report-empty]'));
    expect(empty.textContent).toMatch(/^No events in this range/);
    expect(c.querySelector('[data-testid=report-acceptance]')).toBeNull();
  });

  it('gaps: tickets without an answer grouped into topics, each with a draft link carrying its terms', async () => {
    const api = await withEvents(session());
    const c = await render(<ReportsSection api={api} now={NOW} />);
    await pick7(c);
    const topics = [...c.querySelectorAll('[data-testid=gap-topic]')];
    // two gift-card tickets form a topic; the warehouse ticket stands alone (not listed while a topic exists)
    expect(topics).toHaveLength(1);
    expect(byTestId(topics[0] as HTMLElement, 'gap-count').textContent).toBe('2');
    expect(byTestId(topics[0] as HTMLElement, 'gap-terms').textContent).toBe('balance, card, gift, check, expired');
    const href = byTestId<HTMLAnchorElement>(topics[0] as HTMLElement, 'draft-entry').getAttribute('href')!;
    expect(href).toBe('#entry/new?title=balance+card+gift+check&questions=balance+card+gift+check+expired');
    expect(parseRoute(href)).toEqual({ section: 'new-entry', prefill: { title: 'balance card gift check', questions: ['balance card gift check expired'] } });
    expect(c.querySelector('[data-testid=gaps]')?.textContent).toContain('3 tickets without a usable answer, in 1 topic and 1 tickets on their own');
  });

  it('before and after: "not enough data yet" below the minimum; with enough, each metric with its interval and sample size', async () => {
    const few = await withEvents(session());
    let c = await render(<ReportsSection api={few} now={NOW} />);
    await pick7(c);
    await click(byTestId(c, 'ba-run'));
    const table = await until(() => c.querySelector('[data-testid=before-after]'));
    expect(table.querySelector('.notice')?.textContent).toMatch(/^Not enough data yet/);
    expect(table.textContent).toContain('not enough data yet: 1 and 3 tickets shown a suggestion, 30 needed in each');
    await cleanup();

    // 40 tickets in each week: all inserted in the comparison, half in the baseline
    const events: StoredEvent[] = [];
    for (let i = 0; i < 40; i++) {
      events.push(shown(100 + i, '2026-11-20T09:00:00Z', 'refunds'), shown(200 + i, '2026-11-27T09:00:00Z', 'refunds'));
      if (i % 2) events.push(inserted(100 + i, '2026-11-20T09:01:00Z', 'refunds', 0.2));
      events.push(inserted(200 + i, '2026-11-27T09:01:00Z', 'refunds', 0.1));
    }
    const many = await withEvents(events);
    c = await render(<ReportsSection api={many} now={NOW} />);
    await pick7(c);
    await click(byTestId(c, 'ba-run'));
    const result = await until(() => c.querySelector('[data-testid=before-after]'));
    const acceptance = [...result.querySelectorAll('tbody tr')].find((tr) => tr.children[0]!.textContent === 'Acceptance')!;
    expect([...acceptance.children].map((td) => td.textContent)).toEqual(['Acceptance', expect.stringMatching(/^50% \(\d+% to \d+%\)$/), '40', '100% (100% to 100%)', '40', expect.stringMatching(/^\+50 pts \(\+\d+ pts to \+\d+ pts\)$/), '']);
    expect(result.querySelectorAll('svg[role=img]').length).toBeGreaterThan(0);
  });

  it('team data: export downloads my events as NDJSON; import merges files by eventId, names the bad file\u2019s line, and the report counts the new events', async () => {
    const api = await withEvents([]);
    const c = await render(<ReportsSection api={api} now={NOW} />);
    await until(() => c.querySelector('[data-testid=report-empty]'));
    const events = session().map((e, i) => ({ ...e, eventId: `event-id-${i}`, installId: 'other-install-0001' }));
    const text = await eventsToJsonl(events);
    const input = byTestId<HTMLInputElement>(c, 'import-events');
    const files = [new File([text], 'sam.ndjson'), new File([text], 'sam-again.ndjson'), new File([`${text}{"type":"shown"}\n`], 'broken.ndjson')];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    const result = await until(() => c.querySelector('[data-testid=import-events-result]'));
    expect(result.querySelector('p')?.textContent).toBe('11 events added, 11 already here (duplicates); 1 of 3 files left out.');
    const lines = [...result.querySelectorAll('[data-testid=import-file-result]')].map((li) => li.textContent);
    expect(lines[0]).toBe('sam.ndjson: 11 added, 0 duplicates (11 lines)');
    expect(lines[1]).toBe('sam-again.ndjson: 0 added, 11 duplicates (11 lines)');
    expect(lines[2]).toMatch(/^broken\.ndjson: not imported \(12 lines\)broken\.ndjson, line 12/);
    expect(await countEvents(api.db)).toBe(11);
    // the report reads the events again
    await pick7(c);
    await until(() => card(c, 'acceptance').value === '67%');
    // Export my events: only this installation's (none yet: the imported ones are another agent's)
    await click(byTestId(c, 'export-my-events'));
    await until(() => c.querySelector('[data-testid=export-status]'));
    expect(byTestId(c, 'export-status').textContent).toMatch(/^Exported 0 events to agent-assist-events-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.ndjson\.$/);
    expect(api.downloads.at(-1)!.text).toBe('');
  });

  it('the worker protocol: calls, progress and errors travel between page and worker', async () => {
    const api = await withEvents(session());
    const engine = storeReportsEngine(api.db);
    const fake = {
      onmessage: null as ((e: MessageEvent<EngineReply>) => void) | null,
      postMessage(req: EngineRequest) {
        void answerRequest(engine, req, (reply) => fake.onmessage?.({ data: reply } as MessageEvent<EngineReply>));
      },
      terminate() {},
    };
    const remote = workerEngine(fake);
    await expect(remote.report(rangeOf({ preset: 7 }, NOW), ['entry'])).rejects.toThrow('Reports: events not read yet');
    const progress: number[][] = [];
    const loaded = await remote.load((done, total) => progress.push([done, total]));
    expect(loaded.events).toBe(11);
    expect(progress.at(-1)).toEqual([11, 11]);
    const report = await remote.report(rangeOf({ preset: 7 }, NOW), ['entry']);
    expect(report.totals.ticketsShown).toBe(3);
  });
});

describe('Reports route and the editor prefill', () => {
  it('#reports is a section in the navigation', async () => {
    expect(parseRoute('#reports')).toEqual({ section: 'reports' });
    location.hash = '#reports';
    const api = await withEvents(session());
    const c = await render(<App api={api} />);
    await until(() => c.querySelector('[data-testid=range-picker]'));
    expect(c.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Reports');
  });

  it('a draft link opens the new-entry editor with the title and question filled in', async () => {
    const href = draftHref({ count: 2, terms: ['gift', 'card', 'balance'], trend: [2], noConfidentAnswerShare: 1, first: '', last: '', ticketHashes: [] });
    expect(routeHash(parseRoute(href))).toBe(href);
    location.hash = href;
    const api = await withEvents([]);
    const c = await render(<App api={api} />);
    const title = await until(() => c.querySelector<HTMLInputElement>('[data-testid=field-title]'));
    expect(title.value).toBe('gift card balance');
    expect([...c.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')].map((e) => e.value)).toContain('gift card balance');
  });
});
