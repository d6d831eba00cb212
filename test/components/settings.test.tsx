// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportKnowledge } from '@/components/import/ImportKnowledge';
import { checkFiles } from '@/components/import/read-files';
import { MAX_IMPORT_ENTRIES } from '@/knowledge/entry';
import { importFiles } from '@/knowledge/standardise';
import { byTestId, cleanup, click, flush, render, type } from './render';
import { openSettings } from '../sidepanel/open-settings';

afterEach(cleanup);

/** jsdom's File has neither stream() nor arrayBuffer(); Node's is a real Blob, like a browser's. */
const file = (text: string, name: string) => new NodeFile([text], name) as unknown as File;

/** Chooses the files, then gives the stepped check event-loop turns until `ready` shows in the panel. */
async function choose(input: HTMLInputElement, files: File[], ready: string) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  const { act } = await import('react');
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await turnsUntil(input.ownerDocument, ready, `after choosing ${files.map((f) => f.name).join(', ')}`);
}

/** Event-loop turns (at most 500) until `selector` is in the page: the stepped check and the apply finish in their own time. */
async function turnsUntil(scope: ParentNode, selector: string, when: string) {
  for (let turn = 0; turn < 500 && !scope.querySelector(selector); turn++) await flush();
  expect(scope.querySelector(selector), `${selector} ${when}`).not.toBeNull();
}

describe('settings: import a knowledge file', () => {
  const CSV = 'title,body,review_by,status\nRefunds,We refund within 14 days.,2027-01-31,approved\nReturns,Send it back.,31/02/2026,approved\n';

  it('shows every problem with file, row and field, and applies nothing while an error remains', async () => {
    const apply = vi.fn(async () => ({ ok: true as const, value: { added: [], updated: [], unchanged: [] } }));
    const c = await render(<ImportKnowledge check={checkFiles} apply={apply} />);
    await choose(byTestId<HTMLInputElement>(c, 'import-file'), [file(CSV, 'returns.csv')], '[data-testid=import-check]');
    const check = byTestId(c, 'import-check');
    expect(check.textContent).toContain('returns.csv row 3, review_by');
    expect(byTestId<HTMLButtonElement>(c, 'import-apply').disabled).toBe(true);
  });

  it('a clean file lands all its entries in one apply', async () => {
    const apply = vi.fn(async () => ({ ok: true as const, value: { added: ['refunds', 'returns'], updated: [], unchanged: [] } }));
    const c = await render(<ImportKnowledge check={checkFiles} apply={apply} />);
    await choose(byTestId<HTMLInputElement>(c, 'import-file'), [file(CSV.replace('31/02/2026', '2027-02-28'), 'returns.csv')], '[data-testid=import-apply]:not([disabled])');
    await click(byTestId(c, 'import-apply'));
    await turnsUntil(c, '[data-testid=import-result]', 'after Apply');
    expect(apply).toHaveBeenCalledTimes(1);
    expect((apply.mock.calls[0] as unknown as [{ id: string }[]])[0].map((e) => e.id)).toEqual(['refunds', 'returns']);
    expect(byTestId(c, 'import-result').textContent).toContain('2 added');
  });

  it('more entries than one import may land: the check says so and offers no import', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, (_, i) => `e${i},T${i},A${i}`).join('\n');
    const checked = importFiles([{ name: 'big.csv', bytes: new TextEncoder().encode(`id,title,body\n${rows}\n`) }]);
    const c = await render(<ImportKnowledge check={async () => checked} apply={vi.fn()} />);
    await choose(byTestId<HTMLInputElement>(c, 'import-file'), [file('x', 'big.csv')], '[data-testid=import-check]');
    const check = byTestId(c, 'import-check').textContent;
    expect(check).toContain('50001 entries read; 1 error');
    expect(check).toContain('big.csv: this import holds 50,001 entries; one import takes at most 50,000');
    expect(check).not.toContain('ready');
    expect(byTestId<HTMLButtonElement>(c, 'import-apply').disabled).toBe(true);
  }, 60_000);

  it('cancelling while reading imports nothing', async () => {
    const c = await render(
      <ImportKnowledge
        check={(files, signal) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled'))))}
        apply={vi.fn()}
      />,
    );
    await choose(byTestId<HTMLInputElement>(c, 'import-file'), [file('x', 'big.csv')], '[data-testid=import-progress]');
    const cancel = [...c.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
    await click(cancel);
    await flush();
    expect(byTestId(c, 'import-result').textContent).toBe('Import cancelled: nothing was imported.');
  });
});

describe('settings: helpdesks', () => {
  it('adding a self-hosted domain asks the browser for that origin only, then saves it', async () => {
    const { api, c } = await openSettings();
    await type(byTestId<HTMLInputElement>(c, 'add-domain'), 'support.example.com/scp/');
    await click([...c.querySelectorAll('button')].find((b) => b.textContent === 'Add and enable')!);
    await flush();
    expect(api.permissions.request).toHaveBeenCalledWith(['https://support.example.com/*']);
    expect(api.syncRegistrations).toHaveBeenCalled();
    expect(api.saveSettings).toHaveBeenCalledWith({ helpdeskDomains: ['https://support.example.com'] });
  });

  it('switching on a hosted helpdesk requests its URL patterns', async () => {
    const { api, c } = await openSettings();
    await click(byTestId(c, 'helpdesk-zendesk'));
    await flush();
    expect(api.permissions.request).toHaveBeenCalledWith(['https://*.zendesk.com/*']);
  });
});
