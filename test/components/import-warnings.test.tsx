// @vitest-environment jsdom
/**
 * The panel's import says, before Import is pressed, which entries agents will not be shown and
 * why, and which nearly repeat a stored entry or each other; the result line says it again.
 */
import { File as NodeFile } from 'node:buffer';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportKnowledge } from '@/components/import/ImportKnowledge';
import type { PanelApi } from '@/entrypoints/sidepanel/api';
import { checkFiles } from '@/components/import/read-files';
import { applyImport, checkImport, saveEntry } from '@/knowledge/store';
import type { Entry } from '@/knowledge/entry';
import { entry, freshDb } from '../store/helpers';
import { byTestId, cleanup, click, flush, render } from './render';
import { openSettings } from '../sidepanel/open-settings';

afterEach(cleanup);

const file = (text: string, name: string) => new NodeFile([text], name) as unknown as File;

async function turnsUntil(scope: ParentNode, selector: string) {
  for (let turn = 0; turn < 500 && !scope.querySelector(selector); turn++) await flush();
  expect(scope.querySelector(selector), selector).not.toBeNull();
}

const REFUND = 'Once your return arrives we check it and refund you within 5 working days; cards take 3 to 10 days.';
const CSV = [
  'id,title,body,status,review_by',
  `refund-2,Refund: how long does it take?,"${REFUND} PayPal is faster.",approved,2099-01-31`,
  'gift,Gift cards,Gift cards never expire.,draft,2099-01-31',
  'vouchers,Vouchers,Vouchers are sent by post within a week.,in_review,2099-01-31',
  'warranty,Warranty claims,"Send the receipt and a photo of the fault, we answer within two days.",approved,2020-01-31',
  'warranty-copy,Warranty claim,"Send the receipt and a photo of the fault; we answer within two days.",approved,2099-01-31',
  'shipping,Shipping abroad,We ship to every EU country for a flat fee.,approved,2099-01-31',
].join('\n');

describe('the panel import warns about entries agents will not see and about near-duplicates', () => {
  it('before Import: counts by reason and duplicate pairs, each naming the entries; after: the report line', async () => {
    const db = freshDb();
    await saveEntry(db, entry('refund', { title: 'How long does a refund take?', body: REFUND }), 'anna');
    const apply = async (entries: Entry[]) => ({ ok: true as const, value: await applyImport(db, { entries, problems: [] }, 'Lead (test)') });
    const c = await render(<ImportKnowledge check={checkFiles} apply={apply} warn={(entries) => checkImport(db, entries)} />);
    const input = byTestId<HTMLInputElement>(c, 'import-file');
    Object.defineProperty(input, 'files', { value: [file(CSV, 'kb.csv')], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await turnsUntil(c, '[data-testid=import-warnings]');

    const warnings = byTestId(c, 'import-warnings');
    expect(warnings.textContent).toContain('3 entries will not be suggested to agents:');
    const reasons = [...warnings.querySelectorAll('[data-reason]')].map((li) => li.textContent);
    expect(reasons).toEqual(['1 draft: gift', '1 in review: vouchers', '1 overdue (review date passed): warranty']);
    const dups = [...warnings.querySelectorAll('[data-where]')].map((li) => li.textContent);
    expect(dups).toHaveLength(2);
    expect(dups[0]).toMatch(/^refund-2 resembles the stored entry refund \(\d+%\)$/);
    expect(dups[1]).toMatch(/^warranty-copy resembles the imported entry warranty \(\d+%\)$/);
    expect(warnings.textContent).toContain('2 possible duplicates:');
    expect(byTestId<HTMLButtonElement>(c, 'import-apply').disabled).toBe(false);

    await click(byTestId(c, 'import-apply'));
    await turnsUntil(c, '[data-testid=import-result]');
    expect(byTestId(c, 'import-result').textContent).toMatch(
      /^Imported: 6 added, 0 updated, 0 unchanged\. 3 of them will not be suggested to agents: 1 draft, 1 in review, 1 overdue \(review date passed\)\. 2 look like duplicates: refund-2 resembles refund \(\d+%\); warranty-copy resembles warranty \(\d+%\)\.$/,
    );
    await db.delete();
  });

  it('a clean import shows no warnings', async () => {
    const db = freshDb();
    const apply = async (entries: Entry[]) => ({ ok: true as const, value: await applyImport(db, { entries, problems: [] }, 'Lead (test)') });
    const c = await render(<ImportKnowledge check={checkFiles} apply={apply} warn={(entries) => checkImport(db, entries)} />);
    const input = byTestId<HTMLInputElement>(c, 'import-file');
    Object.defineProperty(input, 'files', { value: [file(CSV.split('\n').filter((l, i) => i === 0 || l.startsWith('shipping')).join('\n'), 'kb.csv')], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await turnsUntil(c, '[data-testid=import-apply]:not([disabled])');
    expect(c.querySelector('[data-testid=import-warnings]')).toBeNull();
    await click(byTestId(c, 'import-apply'));
    await turnsUntil(c, '[data-testid=import-result]');
    expect(byTestId(c, 'import-result').textContent).toBe('Imported: 1 added, 0 updated, 0 unchanged.');
    await db.delete();
  });

  it('when the warnings cannot be worked out, it says so and the import is still offered', async () => {
    const db = freshDb();
    const apply = async (entries: Entry[]) => ({ ok: true as const, value: await applyImport(db, { entries, problems: [] }, 'Lead (test)') });
    const c = await render(<ImportKnowledge check={checkFiles} apply={apply} warn={() => Promise.reject(new Error('the database is closed'))} />);
    const input = byTestId<HTMLInputElement>(c, 'import-file');
    Object.defineProperty(input, 'files', { value: [file(CSV.split('\n').filter((l, i) => i === 0 || l.startsWith('shipping')).join('\n'), 'kb.csv')], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await turnsUntil(c, '[data-testid=import-warnings-failed]');
    expect(byTestId(c, 'import-warnings-failed').textContent).toContain('(the database is closed)');
    expect(byTestId<HTMLButtonElement>(c, 'import-apply').disabled).toBe(false);
    await db.delete();
  });

  it('in the side panel: Settings asks the panel api for the warnings and reports them with the result', async () => {
    const { api, c } = await openSettings();
    api.checkImport.mockResolvedValue({ notSuggested: [{ id: 'gift', reasons: ['draft'] }], nearDuplicates: [] });
    vi.mocked(api.applyImport as PanelApi['applyImport']).mockResolvedValue({ ok: true, value: { added: ['gift', 'shipping'], updated: [], unchanged: [] } });
    const input = byTestId<HTMLInputElement>(c, 'import-file');
    const rows = CSV.split('\n').filter((l, i) => i === 0 || l.startsWith('gift') || l.startsWith('shipping'));
    Object.defineProperty(input, 'files', { value: [file(rows.join('\n'), 'kb.csv')], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await turnsUntil(c, '[data-testid=import-warnings]');
    expect(api.checkImport.mock.calls[0]?.[0].map((e) => e.id)).toEqual(['gift', 'shipping']);
    expect(byTestId(c, 'import-warnings').textContent).toContain('1 draft: gift');
    await click(byTestId(c, 'import-apply'));
    await turnsUntil(c, '[data-testid=import-result]');
    expect(byTestId(c, 'import-result').textContent).toBe('Imported: 2 added, 0 updated, 0 unchanged. 1 of them will not be suggested to agents: 1 draft.');
  });
});
