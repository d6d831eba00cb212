// @vitest-environment jsdom
/**
 * A large knowledge file (10,000 CSV rows, generated here) through the import's check: it reports
 * progress and can be cancelled while records are being checked, not only while the file is read.
 * The wizard's cancel and apply on a big file: test/dashboard/import-wizard.test.tsx.
 */
import { File as NodeFile } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { checkFiles, ImportCancelled, type ReadProgress } from '@/components/import/read-files';

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
});
