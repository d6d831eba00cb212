import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { measureBuild, sizesTable } from './bundle.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): number {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
  return gzipSync(text).length;
}

describe('bundle sizes', () => {
  it('counts every script and style the panel page loads, the content scripts and the background, gzipped', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
    const main = write('chunks/sidepanel-AbC123xy.js', 'let a = 1;'.repeat(500));
    const shared = write('chunks/_virtual_wxt-plugins-Zz9_8-7y.js', 'shared();'.repeat(50));
    const css = write('assets/sidepanel-Dyd9lnZ6.css', 'p{margin:0}');
    write('chunks/unused-12345678.js', 'not loaded by the panel');
    const content = write('helpdesk.js', 'content();');
    const background = write('background.js', 'worker();');
    write('sidepanel.html', [
      '<script type="module" crossorigin src="/chunks/sidepanel-AbC123xy.js"></script>',
      '<link rel="modulepreload" crossorigin href="/chunks/_virtual_wxt-plugins-Zz9_8-7y.js">',
      '<link rel="stylesheet" crossorigin href="/assets/sidepanel-Dyd9lnZ6.css">',
    ].join('\n'));
    const sizes = measureBuild(dir);
    expect(sizes.files).toEqual({ 'chunks/sidepanel.js': main, 'chunks/_virtual_wxt-plugins.js': shared, 'assets/sidepanel.css': css });
    expect(sizes).toMatchObject({ panel: main + shared + css, content, background });
    const table = sizesTable({ ...sizes, panel: sizes.panel * 2 }, sizes, 'abc1234');
    expect(table.columns[1]).toBe('before (main abc1234)');
    expect(table.rows[0]?.[3]).toBe('-50.0%');
  });
});
