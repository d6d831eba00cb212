/**
 * A drag and drop of files and a folder: the folder is walked (in the batches readEntries hands
 * out) and each of its files carries its path, as a folder chosen with webkitdirectory does.
 */
import { File as NodeFile } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { filesFromDrop } from '@/components/import/drop';
import { pathOf } from '@/components/import/read-files';

const asFile = (name: string) => new NodeFile(['x'], name) as unknown as File;
const fileEntry = (name: string) => ({ isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(asFile(name)) });
function dirEntry(name: string, batches: unknown[][]) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      const left = [...batches, []];
      return { readEntries: (ok: (e: unknown[]) => void) => ok(left.shift() ?? []) };
    },
  };
}
const dropOf = (entries: unknown[], files: File[] = []) => ({ items: entries.map((e) => ({ webkitGetAsEntry: () => e })), files }) as unknown as DataTransfer;

describe('filesFromDrop', () => {
  it('walks a dropped folder, every batch of it, and names each file by its path', async () => {
    const kb = dirEntry('kb', [[fileEntry('faq.csv'), dirEntry('returns', [[fileEntry('refund.md')]])], [fileEntry('zendesk.json')]]);
    const files = await filesFromDrop(dropOf([kb, fileEntry('loose.csv')]));
    expect(files.map(pathOf)).toEqual(['kb/faq.csv', 'kb/returns/refund.md', 'kb/zendesk.json', 'loose.csv']);
  });

  it('without the entries API, the dropped files as they are', async () => {
    const plain = [asFile('a.csv')];
    expect(await filesFromDrop({ items: [], files: plain } as unknown as DataTransfer)).toEqual(plain);
  });
});
