import { describe, expect, it } from 'vitest';
import { ImportCancelled, importFiles, importFilesStepped, type CheckProgress } from '../../knowledge/standardise.ts';
import { fixture, fixtureFolder, NOW, utf8 } from './helpers';

const FILES = () => [
  fixture('returns.csv'),
  fixture('windows-1252.csv'),
  fixture('binary.csv'),
  fixture('zendesk-guide.json'),
  fixture('zendesk-macros.json'),
  ...fixtureFolder('md'),
  // The same id twice across files: the second is an error, as in importFiles.
  { name: 'again.csv', bytes: utf8('id,title,body\nrefunds,Refunds,Again.\n') },
];

describe('importFilesStepped', () => {
  it('gives exactly what importFiles gives (entries, problems, file summaries), in steps', async () => {
    const progress: CheckProgress[] = [];
    const stepped = await importFilesStepped(FILES(), { now: NOW, every: 2, pause: async () => undefined, onProgress: (p) => progress.push(p) });
    expect(stepped).toEqual(importFiles(FILES(), { now: NOW }));
    expect(progress.filter((p) => p.stage === 'parse').map((p) => p.file)).toEqual(FILES().map((f) => f.name));
    expect(progress.every((p) => p.count === FILES().length)).toBe(true);
  });

  it('a fired signal stops it with ImportCancelled, before the next step', async () => {
    const controller = new AbortController();
    let steps = 0;
    const run = importFilesStepped(FILES(), {
      now: NOW,
      every: 1,
      signal: controller.signal,
      pause: async () => undefined,
      onProgress: () => {
        if (++steps === 3) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(steps).toBe(3);
  });
});
