/**
 * A dropped folder in the page: every file is named by its path in the folder (webkitRelativePath),
 * detection reads only the start of each file, and the check takes per-file column mappings.
 */
import { File as NodeFile } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { checkFiles, detectDropped, pathOf } from '@/components/import/read-files';
import { formatProblem } from '@/knowledge/problems';

/** A File as a browser gives it for a folder drop: its path in the folder on webkitRelativePath. */
function inFolder(path: string, text: string): File {
  const file = new NodeFile([text], path.split('/').pop()!) as unknown as File;
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

const folder = [
  inFolder('kb/faq/faq.csv', 'Question,Reply\n"Where is my order?","Two days."\n"Refund?",\n'),
  inFolder('kb/.DS_Store', '\u0000\u0000'),
  inFolder('kb/notes.txt', 'not knowledge'),
];

describe('a dropped folder', () => {
  it('detects each file by its path, with what is left out and a CSV\'s proposed mapping', async () => {
    const detected = await detectDropped(folder);
    expect(detected.map((d) => [d.name, d.format ?? d.skipped])).toEqual([
      ['kb/faq/faq.csv', 'csv'],
      ['kb/.DS_Store', 'a hidden or system file'],
      ['kb/notes.txt', 'not a knowledge file (Agent Assist reads .json, .csv, .tsv, .md, .markdown)'],
    ]);
    expect(detected[0]!.csv!.proposal.mapping).toEqual({ Question: 'title', Reply: 'body' });
    expect(pathOf(new NodeFile(['x'], 'plain.csv') as unknown as File)).toBe('plain.csv');
  });

  it('checks with the mapping per path, naming every problem by the file\'s path, row and header', async () => {
    const result = await checkFiles([folder[0]!], new AbortController().signal, () => {}, async () => {}, { 'kb/faq/faq.csv': { Question: 'title', Reply: 'body' } });
    expect(result.entries.map((e) => e.title)).toEqual(['Where is my order?']);
    expect(result.problems.map(formatProblem)).toEqual(['kb/faq/faq.csv row 3, Reply: is empty; every entry needs an answer (body)']);
  });
});
