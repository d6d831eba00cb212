// @vitest-environment jsdom
/**
 * A large knowledge file (10,000 CSV rows, generated here) through the side panel's import: the
 * check reports progress and can be cancelled while records are being checked, not only while the
 * file is read; a cancelled check lands nothing, a finished one lands every entry in one apply.
 */
import { File as NodeFile } from 'node:buffer';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportKnowledge } from '@/components/import/ImportKnowledge';
import { checkFiles, ImportCancelled, type ReadProgress } from '@/components/import/read-files';
import { applyImport, applyImportBatched, checkImport, listEntries, openKnowledgeDb } from '@/knowledge/store';
import type { Entry } from '@/knowledge/entry';
import { byTestId, cleanup, click, render } from './render';

afterEach(cleanup);

const ROWS = 10_000;

function bigCsv(rows = ROWS): File {
  const lines = ['id,title,questions,body,tags,status,review_by'];
  for (let i = 0; i < rows; i++) {
    lines.push(`kb-${i},How do I reset widget ${i}?,"Reset widget ${i}|Widget ${i} is stuck",Hold the reset button of widget ${i} for ten seconds.,widgets;reset,approved,2027-06-30`);
  }
  return new NodeFile([lines.join('\n')], 'big.csv') as unknown as File;
}

describe('import: a 10,000-row file', () => {
  it('reports progress while checking records, gives the page turns, and stops as soon as it is cancelled', async () => {
    const controller = new AbortController();
    const seen: ReadProgress[] = [];
    // After each check step, a timer the page set during the step runs before the next step.
    let turns = 0;
    const turnsAtStep: number[] = [];
    const checking = checkFiles([bigCsv()], controller.signal, (p) => {
      seen.push({ ...p });
      if (p.stage !== 'check') return;
      turnsAtStep.push(turns);
      setTimeout(() => turns++, 0);
      if (p.loaded >= 4000) controller.abort();
    });
    await expect(checking).rejects.toBeInstanceOf(ImportCancelled);
    const checks = seen.filter((p) => p.stage === 'check' && p.total > 0);
    expect(checks.length).toBeGreaterThanOrEqual(10);
    expect(checks.every((p) => p.total === ROWS)).toBe(true);
    expect(checks.map((p) => p.loaded)).toEqual([...checks.map((p) => p.loaded)].sort((a, b) => a - b));
    // It stopped at the first step after the abort, long before the end.
    expect(checks.at(-1)!.loaded).toBeLessThan(5000);
    expect(turnsAtStep).toEqual(turnsAtStep.map((_, i) => i));
    expect(seen.some((p) => p.stage === 'read')).toBe(true);
  });

  it('in the panel: Cancel while checking lands nothing; a finished check lands all 10,000 entries in one apply', async () => {
    const db = openKnowledgeDb(`import-large-${Math.random()}`);
    const apply = vi.fn(async (entries: Entry[]) => ({ ok: true as const, value: await applyImport(db, { entries, problems: [] }, 'Lead (test)') }));
    // The first time the panel shows records being checked, the check waits (as a slow machine would)
    // until the test has seen that and pressed Cancel: no race between the check and the test's polling.
    let last: ReadProgress | undefined;
    let held = false;
    let release = () => {};
    const pause = () => {
      if (!held && last?.stage === 'check' && last.loaded > 0) {
        held = true;
        return new Promise<void>((r) => (release = r));
      }
      return new Promise<void>((r) => setTimeout(r, 0));
    };
    const check = (files: readonly File[], signal: AbortSignal, onProgress: (p: ReadProgress) => void) =>
      checkFiles(files, signal, (p) => onProgress((last = p)), pause);
    // The warnings run over all 10,000 entries in one go (about 0.15 s in Node, measured once with 10k stored too).
    const c = await render(<ImportKnowledge check={check} apply={apply} warn={(entries) => checkImport(db, entries)} />);
    const input = byTestId<HTMLInputElement>(c, 'import-file');
    // The check updates the panel from its own timers, as in a page: while waiting for that, React is told
    // it is not in an act() test environment (it would hold the updates back, or warn about each).
    const flag = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const until = async (check: () => void, timeout: number) => {
      flag.IS_REACT_ACT_ENVIRONMENT = false;
      try {
        await vi.waitFor(check, { timeout, interval: 1 });
      } finally {
        flag.IS_REACT_ACT_ENVIRONMENT = true;
      }
    };
    const choose = async () => {
      Object.defineProperty(input, 'files', { value: [bigCsv()], configurable: true });
      await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    };

    await choose();
    await until(() => expect(Number(c.querySelector('[data-testid=import-progress][data-stage=check] progress')?.getAttribute('value'))).toBeGreaterThan(0), 60_000);
    expect(byTestId(c, 'import-progress').textContent).toMatch(/Checking big\.csv: [\d,]+ of 10,000 entries/);
    await click([...c.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!);
    release();
    await until(() => expect(c.querySelector('[data-testid=import-result]')?.textContent).toBe('Import cancelled: nothing was imported.'), 60_000);
    expect(apply).not.toHaveBeenCalled();
    expect(await listEntries(db)).toHaveLength(0);

    await choose();
    await until(() => expect(c.querySelector('[data-testid=import-check]')?.textContent).toContain('10000 entries ready; 0 errors'), 60_000);
    await click(byTestId(c, 'import-apply'));
    await until(() => expect(c.querySelector('[data-testid=import-result]')?.textContent).toBe('Imported: 10000 added, 0 updated, 0 unchanged.'), 60_000);
    expect(apply).toHaveBeenCalledTimes(1);
    expect(await listEntries(db)).toHaveLength(ROWS);
  }, 120_000);

  it('in the panel: Cancel while the entries are being written lands nothing (the batches written are rolled back)', async () => {
    const db = openKnowledgeDb(`import-cancel-${Math.random()}`);
    const cancel = () => [...document.querySelectorAll<HTMLButtonElement>('[data-stage=apply] button')].find((b) => b.textContent === 'Cancel');
    const written: number[] = [];
    const apply = (entries: Entry[], onProgress: (done: number, total: number) => void, signal: AbortSignal) =>
      applyImportBatched(db, { entries, problems: [] }, 'Lead (test)', {
        batch: 500,
        signal,
        onProgress: (done, total) => {
          onProgress(done, total);
          written.push(done);
          // the agent presses Cancel once two batches are written
          if (done === 1000) cancel()?.click();
        },
      }).then(
        (value) => ({ ok: true as const, value }),
        (err: Error) => ({ ok: false as const, error: err.message }),
      );
    const c = await render(<ImportKnowledge check={(files, signal, onProgress) => checkFiles(files, signal, onProgress)} apply={apply} />);
    const input = byTestId<HTMLInputElement>(c, 'import-file');
    Object.defineProperty(input, 'files', { value: [bigCsv(3000)], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await vi.waitFor(() => expect(c.querySelector('[data-testid=import-check]')?.textContent).toContain('3000 entries ready; 0 errors'), { timeout: 60_000 });
    await click(byTestId(c, 'import-apply'));
    await vi.waitFor(() => expect(c.querySelector('[data-testid=import-result]')?.textContent).toBe('Import cancelled: nothing was imported.'), { timeout: 60_000 });
    expect(written).toEqual([500, 1000]);
    expect(await listEntries(db)).toHaveLength(0);
    expect(await db.entryVersions.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  }, 120_000);
});
