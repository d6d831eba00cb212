import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchTable } from './table.ts';

/**
 * Bundle sizes: the production Chrome build (`wxt build`, made here into a temporary folder so
 * .output/ is left alone), each file gzipped (zlib's default level, as web servers and stores
 * compress). The side panel is every script and style its page loads; the content script runs
 * in every helpdesk tab; the background is the service worker.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildSizes {
  /** Gzipped bytes per file, by its path in the build with the content hash taken out. */
  files: Record<string, number>;
  panel: number;
  content: number;
  background: number;
}

/**
 * Measured with this code on main at 468504e (before one sanitiser, issue 10 item 5), built the
 * same way in a separate worktree: the panel's main chunk held sanitize-html with postcss and
 * htmlparser2.
 */
export const BEFORE = {
  commit: '468504e',
  sizes: {
    files: { 'chunks/sidepanel.js': 216_149, 'chunks/_virtual_wxt-plugins.js': 33_743, 'assets/sidepanel.css': 1_356 },
    panel: 251_248,
    content: 14_840,
    background: 109_596,
  } satisfies BuildSizes,
};

const gzipped = (file: string) => gzipSync(readFileSync(file)).length;
const unhashed = (rel: string) => rel.replace(/-[\w-]{8}(\.\w+)$/, '$1');

/** The sizes of a Chrome build in `dir` (the folder holding manifest.json). */
export function measureBuild(dir: string): BuildSizes {
  const html = readFileSync(path.join(dir, 'sidepanel.html'), 'utf8');
  const loaded = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = Object.fromEntries(loaded.map((rel) => [unhashed(rel), gzipped(path.join(dir, rel))]));
  // The helpdesk script: an unlisted script (/helpdesk.js) since issue 10, a WXT content script before.
  const script = ['helpdesk.js', 'content-scripts/helpdesk.js'].find((rel) => existsSync(path.join(dir, rel)));
  if (!script) throw new Error(`no helpdesk script in ${dir}`);
  const content = gzipped(path.join(dir, script));
  return { files, panel: Object.values(files).reduce((a, b) => a + b, 0), content, background: gzipped(path.join(dir, 'background.js')) };
}

async function buildChrome(): Promise<{ dir: string; cleanup: () => void }> {
  const { build } = await import('wxt');
  mkdirSync(path.join(ROOT, 'bench-artifacts'), { recursive: true });
  const outDir = mkdtempSync(path.join(ROOT, 'bench-artifacts', 'bundle-'));
  await build({ root: ROOT, browser: 'chrome', outDir, logger: quietLogger() });
  return { dir: path.join(outDir, 'chrome-mv3'), cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** WXT's build prints a file list of its own; the bench prints its table instead. */
function quietLogger() {
  const quiet = () => undefined;
  return { debug: quiet, log: quiet, info: quiet, warn: console.warn, error: console.error, fatal: console.error, success: quiet, level: 0 };
}

export function sizesTable(before: BuildSizes, now: BuildSizes, commit: string): BenchTable {
  const kb = (n: number | undefined) => (n === undefined ? '-' : `${n.toLocaleString('en')} B`);
  const change = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? '-' : `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`;
  const names = [...new Set([...Object.keys(before.files), ...Object.keys(now.files)])].sort();
  const row = (label: string, a: number | undefined, b: number | undefined) => [label, kb(a), kb(b), change(a, b)];
  return {
    title: 'Bundle sizes (gzipped)',
    columns: ['file', `before (main ${commit})`, 'now', 'change'],
    rows: [
      row('side panel, all it loads', before.panel, now.panel),
      ...names.map((n) => row(`  ${n}`, before.files[n], now.files[n])),
      row('content script', before.content, now.content),
      row('background', before.background, now.background),
    ],
    notes: [
      `Production Chrome build (wxt build), gzip at zlib's default level. "before" was measured with this code on main at ${commit}, before one sanitiser.`,
    ],
  };
}

export async function run(): Promise<BenchTable[]> {
  const { dir, cleanup } = await buildChrome();
  try {
    return [sizesTable(BEFORE.sizes, measureBuild(dir), BEFORE.commit)];
  } finally {
    cleanup();
  }
}
