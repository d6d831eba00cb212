// @vitest-environment jsdom
/**
 * The dashboard's import wizard over the real store (fake-indexeddb): each step with real files.
 * 1) files and a folder, format and encoding per file; 2) a CSV's columns mapped with a preview,
 * remembered for the same headers; 3) the dry run: every problem by file, row and field, nothing
 * imported while one remains, what agents will not see; 4) keep / replace / new version per id and
 * for all; 5) apply with progress and cancel (nothing half-imported).
 */
import { File as NodeFile } from 'node:buffer';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '@/entrypoints/dashboard/ImportSection';
import { ImportWizard } from '@/components/import/ImportWizard';
import { planImport } from '@/knowledge/import-plan';
import { saveEntry } from '@/knowledge/store/entries';
import { listEntries } from '@/knowledge/store';
import { cleanup, click, render } from '../components/render';
import { entry } from '../store/helpers';
import { fakeDashboardApi } from './fake-dashboard-api';

afterEach(cleanup);

const file = (text: string | Uint8Array, name: string, path?: string): File => {
  const f = new NodeFile([text], name) as unknown as File;
  if (path) Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
};

/** The wizard updates from its own timers (the stepped check): poll outside act() until `read` holds. */
async function until<T>(read: () => T | null | undefined | false, timeout = 20_000): Promise<T> {
  const flag = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  flag.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    let out: T | undefined;
    await vi.waitFor(
      () => {
        const v = read();
        if (!v) throw new Error('not yet');
        out = v;
      },
      { timeout, interval: 2 },
    );
    return out!;
  } finally {
    flag.IS_REACT_ACT_ENVIRONMENT = true;
  }
}

async function choose(c: HTMLElement, files: File[], input = 'import-file') {
  const el = c.querySelector<HTMLInputElement>(`[data-testid=${input}]`)!;
  Object.defineProperty(el, 'files', { value: files, configurable: true });
  await act(async () => void el.dispatchEvent(new Event('change', { bubbles: true })));
}

async function select(el: HTMLSelectElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const q = <T extends HTMLElement = HTMLElement>(c: ParentNode, s: string) => c.querySelector<T>(s);
const texts = (c: ParentNode, s: string) => [...c.querySelectorAll(s)].map((e) => e.textContent);
const NOW = new Date('2026-11-02T10:00:00Z');

const FAQ = ['Kurztext,Antwort,Labels', '"Where is my order?","It ships in two days.",shipping', '"Refund?",,returns', '"Gift wrap?","We wrap gifts for free.",gifts'].join('\n');

describe('import wizard', () => {
  it('step 1: a folder\u2019s files by path, with format and encoding, and what is left out and why', async () => {
    const api = fakeDashboardApi();
    const c = await render(<ImportSection api={api} now={NOW} />);
    const latin1 = new Uint8Array([...new TextEncoder().encode('title,body\nCaf'), 0xe9, ...new TextEncoder().encode(',Open daily.\n')]);
    await choose(c, [file(latin1, 'cafe.csv', 'kb/cafe.csv'), file('{"format":"agent-assist/knowledge","schemaVersion":1,"entries":[]}', 'kb.json', 'kb/kb.json'), file('x', '.DS_Store', 'kb/.DS_Store')], 'import-folder');
    expect(q(c, '[data-testid=import-folder]')!.hasAttribute('webkitdirectory')).toBe(true);
    await until(() => q(c, '[data-testid=detected-files]'));
    const rows = [...c.querySelectorAll('[data-testid=detected-files] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['kb/cafe.csv', 'CSV spreadsheet', 'Windows-1252'],
      ['kb/kb.json', expect.stringMatching(/Agent Assist/), 'UTF-8'],
      ['kb/.DS_Store', '\u2014', '\u2014'],
    ]);
    expect(rows[2]![4]).toBe('Left out: a hidden or system file');
    // Nothing to map: the check runs at once and names the file by its path.
    await until(() => q(c, '[data-testid=import-check]'));
    expect(q(c, '[data-testid=plan-files]')!.textContent).toContain('kb/cafe.csv');
    expect(texts(c, '[data-testid=plan-problems] li').join('\n')).toMatch(/kb\/cafe\.csv.*Windows-1252/);
  });

  it('step 2: a select per field maps the columns, the preview follows, and the mapping is remembered for the same headers', async () => {
    const api = fakeDashboardApi();
    const c = await render(<ImportSection api={api} now={NOW} />);
    await choose(c, [file(FAQ, 'faq.csv')]);
    const mapping = await until(() => q(c, '[data-testid=column-mapping]'));
    // "Kurztext" is no name we know: the title is not mapped yet, the answer is (a synonym).
    expect(q<HTMLSelectElement>(mapping, '[data-testid=map-title]')!.value).toBe('');
    expect(q<HTMLSelectElement>(mapping, '[data-testid=map-body]')!.value).toBe('Antwort');
    expect(q(c, '[data-testid=mapping-problems]')!.textContent).toMatch(/title/);
    await select(q<HTMLSelectElement>(mapping, '[data-testid=map-title]')!, 'Kurztext');
    expect(q(c, '[data-testid=mapping-problems]')).toBeNull();
    const preview = texts(c, '[data-testid=mapping-preview] tbody tr');
    expect(preview[0]).toBe('2Where is my order?It ships in two days.0shippingdraft');
    expect(preview[1]).toMatch(/^3faq\.csv row 3, Antwort: is empty/);
    // The check confirms the mapping: the same headers in another order map themselves next time.
    await click(q(c, '[data-testid=check-files]')!);
    await until(() => q(c, '[data-testid=import-check]'));
    await cleanup();
    const again = await render(<ImportSection api={api} now={NOW} />);
    await choose(again, [file('Labels,Antwort,Kurztext\nx,y,z\n', 'next.csv')]);
    const next = await until(() => q(again, '[data-testid=column-mapping]'));
    expect(next.textContent).toContain('The mapping you chose last time');
    expect(q<HTMLSelectElement>(next, '[data-testid=map-title]')!.value).toBe('Kurztext');
  });

  it('step 3: a bad row is refused naming file, row and field, and nothing is imported; the fixed file lists what agents will not see', async () => {
    const api = fakeDashboardApi();
    await saveEntry(api.db, entry('refund', { title: 'How long does a refund take?', body: 'Once your return arrives we refund you within 5 working days; cards take 3 to 10 days.' }), 'anna');
    const c = await render(<ImportSection api={api} now={NOW} />);
    const csv = ['id,title,body,status,review_by', 'gift,Gift cards,Gift cards never expire.,approved,31/02/2026', 'ship,Shipping,We ship to the EU.,approved,2027-01-31'].join('\n');
    await choose(c, [file(csv, 'kb.csv')]);
    await until(() => q(c, '[data-testid=import-check]'));
    expect(texts(c, '[data-testid=plan-problems] li[data-severity=error]')).toEqual([expect.stringMatching(/^Error: kb\.csv row 2, review_by: "31\/02\/2026" is not a date/)]);
    expect(q<HTMLButtonElement>(c, '[data-testid=import-apply]')!.disabled).toBe(true);
    expect(q(c, '[data-testid=import-refused]')!.textContent).toMatch(/Nothing is imported while any error remains/);

    const fixed = [
      'id,title,body,status,review_by',
      '"refund-2","Refund: how long does it take?","Once your return arrives we refund you within 5 working days; cards take 3 to 10 days. PayPal is faster.",approved,2027-01-31',
      'gift,Gift cards,Gift cards never expire.,draft,2027-01-31',
      'warranty,Warranty,Send the receipt.,approved,2026-01-31',
    ].join('\n');
    await choose(c, [file(fixed, 'kb.csv')]);
    await until(() => q<HTMLButtonElement>(c, '[data-testid=import-apply]:not([disabled])'));
    expect(texts(c, '[data-testid=plan-not-suggested] li')).toEqual(['gift (Gift cards): draft', 'warranty (Warranty): overdue since 2026-02-01']);
    expect(texts(c, '[data-testid=plan-duplicates] li')[0]).toMatch(/^refund-2 resembles the stored entry refund \(\d+%\)$/);
    expect(await listEntries(api.db)).toHaveLength(1);
    await click(q(c, '[data-testid=import-apply]')!);
    const result = await until(() => q(c, '[data-testid=import-result]'));
    expect(result.textContent).toMatch(/^Imported: 3 added, 0 updated, 0 unchanged\. 2 of them will not be suggested to agents: 1 draft, 1 overdue \(review date passed\)\. 1 looks like a duplicate: refund-2 resembles refund/);
    expect(api.knowledgeWritten).toHaveBeenCalled();
    expect(await listEntries(api.db)).toHaveLength(4);
  });

  it('step 4: for ids already stored, keep, replace or a new version, for all and per id', async () => {
    const api = fakeDashboardApi();
    for (const id of ['a', 'b', 'c']) await saveEntry(api.db, entry(id, { title: `Stored ${id}`, body: `Stored answer ${id}.`, owner: 'anna' }), 'anna');
    const c = await render(<ImportSection api={api} now={NOW} />);
    const csv = ['id,title,body,status', 'a,New a,New answer a.,draft', 'b,New b,New answer b.,draft', 'c,New c,New answer c.,draft', 'd,New d,New answer d.,draft'].join('\n');
    await choose(c, [file(csv, 'kb.csv')]);
    const conflicts = await until(() => q(c, '[data-testid=conflicts]'));
    expect([...conflicts.querySelectorAll('tbody tr')].map((r) => `${(r as HTMLElement).dataset.id}:${(r as HTMLElement).dataset.action}`)).toEqual(['a:replace', 'b:replace', 'c:replace']);
    await select(q<HTMLSelectElement>(c, '[data-testid=conflict-all]')!, 'keep');
    await until(() => q(c, '[data-testid=conflicts] tr[data-id=a][data-action=keep]'));
    await select(q<HTMLSelectElement>(c, '[data-testid=conflict-b]')!, 'replace');
    await select(q<HTMLSelectElement>(c, '[data-testid=conflict-c]')!, 'version');
    await until(() => q(c, '[data-testid=conflicts] tr[data-id=c][data-action=version]'));
    expect(q(c, '[data-testid=plan-summary]')!.textContent).toMatch(/4 entries read: 1 new, 1 replacing a stored entry, 1 as a new version, 1 kept as stored/);
    await click(q(c, '[data-testid=import-apply]')!);
    const result = await until(() => q(c, '[data-testid=import-result]'));
    expect(result.textContent).toMatch(/^Imported: 1 added, 2 updated, 0 unchanged\..* 1 kept as stored: a\./);
    const byId = Object.fromEntries((await listEntries(api.db)).map((e) => [e.id, e]));
    expect([byId.a!.title, byId.b!.title, byId.c!.title, byId.d!.title]).toEqual(['Stored a', 'New b', 'New c', 'New d']);
    // replace takes the file's status; a new version keeps what was set here
    expect([byId.b!.status, byId.c!.status, byId.c!.owner]).toEqual(['draft', 'approved', 'anna']);
  });

  it('the check shows the import\u2019s limits and offers no import over them', async () => {
    const c = await render(
      <ImportWizard
        remembered={async () => undefined}
        remember={async () => undefined}
        plan={async (result, conflicts) => planImport(result, [], conflicts, { maxEntries: 1 })}
        apply={vi.fn()}
      />,
    );
    await choose(c, [file('id,title,body\na,A,Aa\nb,B,Bb\n', 'two.csv')]);
    await until(() => q(c, '[data-testid=import-check]'));
    expect(texts(c, '[data-testid=plan-problems] li')).toEqual(['Error: two.csv: this import holds 2 entries; one import takes at most 1: split the files and import them one after another']);
    expect(q<HTMLButtonElement>(c, '[data-testid=import-apply]')!.disabled).toBe(true);
  });

  it('step 5: Cancel while the entries are written rolls the whole import back', async () => {
    const api = fakeDashboardApi();
    const c = await render(<ImportSection api={api} now={NOW} />);
    const rows = Array.from({ length: 4500 }, (_, i) => `kb-${i},Widget ${i},Hold the button of widget ${i}.,approved,2027-06-30`);
    await choose(c, [file(['id,title,body,status,review_by', ...rows].join('\n'), 'big.csv')]);
    await until(() => q(c, '[data-testid=import-apply]:not([disabled])'), 60_000);
    // The lead presses Cancel as soon as the first batch is written.
    const seen: number[] = [];
    const watch = new MutationObserver(() => {
      const bar = q(c, '[data-stage=apply] progress');
      const value = Number(bar?.getAttribute('value') ?? 0);
      if (value > 0 && !seen.includes(value)) {
        seen.push(value);
        [...c.querySelectorAll<HTMLButtonElement>('[data-stage=apply] button')].find((b) => b.textContent === 'Cancel')?.click();
      }
    });
    watch.observe(c, { subtree: true, attributes: true, childList: true });
    await click(q(c, '[data-testid=import-apply]')!);
    const result = await until(() => q(c, '[data-testid=import-result]'), 60_000);
    watch.disconnect();
    // Cancelled as the first batch was reported (later batches may already be on their way: they are rolled back too).
    expect(seen[0]).toBe(2000);
    expect(result.textContent).toMatch(/^Import cancelled: nothing was imported\./);
    expect(await listEntries(api.db)).toHaveLength(0);
    expect(await api.db.entryVersions.count()).toBe(0);
  }, 120_000);

  it('Cancel while the files are checked: nothing is planned or imported', async () => {
    const api = fakeDashboardApi();
    const c = await render(<ImportSection api={api} now={NOW} />);
    const rows = Array.from({ length: 10_000 }, (_, i) => `kb-${i},Widget ${i},Hold the button of widget ${i}.`);
    await choose(c, [file(['id,title,body', ...rows].join('\n'), 'big.csv')]);
    await until(() => Number(q(c, '[data-testid=import-progress][data-stage=check] progress')?.getAttribute('value')) > 0, 60_000);
    expect(q(c, '[data-testid=import-progress]')!.textContent).toMatch(/Checking big\.csv: [\d,]+ of 10,000 entries/);
    await click([...c.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!);
    const result = await until(() => q(c, '[data-testid=import-result]'), 60_000);
    expect(result.textContent).toMatch(/^Check cancelled: nothing was imported\./);
    expect(q(c, '[data-testid=import-check]')).toBeNull();
  }, 120_000);
});
