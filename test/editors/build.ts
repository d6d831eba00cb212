import { build } from 'esbuild';
import path from 'node:path';
import { EDITORS } from './pages';

const SOURCES: Record<(typeof EDITORS)[number], string> = {
  textarea: 'textarea.ts',
  'react-textarea': 'react-textarea.tsx',
  ckeditor5: 'ckeditor5.ts',
  prosemirror: 'prosemirror.ts',
  quill: 'quill.ts',
  contenteditable: 'contenteditable.ts',
  iframe: 'iframe.ts',
};

/** Bundles every editor page's script (and its CSS) into `outDir`, plus insert.js for isolated worlds. */
export async function buildEditorBundles(outDir: string): Promise<void> {
  const here = path.dirname(new URL(import.meta.url).pathname);
  await build({
    entryPoints: Object.fromEntries(EDITORS.map((name) => [name, path.join(here, SOURCES[name])])),
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await build({
    entryPoints: { insert: path.join(here, 'insert-entry.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
  });
}
