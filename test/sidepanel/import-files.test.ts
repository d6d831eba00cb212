import { File as NodeFile } from 'node:buffer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFiles, messageTurn, type ReadProgress } from '@/components/import/read-files';

afterEach(() => {
  vi.useRealTimers();
});

describe('messageTurn (the import check gives the page a turn between steps)', () => {
  it('needs no timer: it resolves while every timer is held, so no 4 ms timer clamp adds up over a 100k-entry check', async () => {
    vi.useFakeTimers();
    let done = 0;
    for (let i = 0; i < 50; i++) await messageTurn().then(() => done++);
    expect(done).toBe(50);
  });
});

describe('reading the chosen files', () => {
  it('reads a large file in a few big slices (each read is a trip to the browser), with progress after each', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `e${i},Title number ${i} of the big file,${'An answer that takes some room. '.repeat(10)}`);
    const real = new NodeFile([`id,title,body\n${rows.join('\n')}\n`], 'big.csv');
    expect(real.size).toBeGreaterThan(16 << 20);
    const slices: [number, number][] = [];
    const file = {
      name: real.name,
      size: real.size,
      arrayBuffer: () => real.arrayBuffer(),
      stream: () => real.stream(),
      slice: (a: number, b: number) => (slices.push([a, b]), real.slice(a, b)),
    } as unknown as File;
    const seen: ReadProgress[] = [];
    const result = await checkFiles([file], new AbortController().signal, (p) => seen.push({ ...p }), async () => undefined);
    expect(result.entries).toHaveLength(60_000);
    expect(slices.length).toBe(Math.ceil(real.size / (8 << 20)));
    const reads = seen.filter((p) => p.stage === 'read').map((p) => p.loaded);
    expect(reads).toHaveLength(slices.length);
    expect(reads.at(-1)).toBe(real.size);
  }, 120_000);
});
