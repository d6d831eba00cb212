import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The content script runs inside every helpdesk page: it keeps its own small copy-only walk
// (knowledge/insert-html.ts) over the shared allow-list, and never takes the sanitiser, the renderer or
// their DOM along, nor the language identifier (the worker tells the ticket's language, knowledge/language.ts).
const ROOT = path.resolve(import.meta.dirname, '../..');
const FORBIDDEN = ['dompurify', 'jsdom', 'marked', 'turndown', '#dom-window', 'tinyld'];

/** Every package the file imports, directly or through the project's own files. */
function packagesImported(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const local = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : undefined;
      if (local === undefined) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const resolved = ['', '.ts', '.tsx', '/index.ts'].map((ext) => local.replace(/\.tsx?$/, '') + ext).find((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
      if (!resolved) throw new Error(`${spec} imported by ${file} not found`);
      visit(resolved);
    }
  };
  visit(path.join(ROOT, entry));
  expect(seen.size).toBeGreaterThan(10);
  return packages;
}

describe('the content script', () => {
  it('does not import the sanitiser, the Markdown renderer or a DOM library', () => {
    const packages = packagesImported('entrypoints/helpdesk.ts');
    expect(packages).toContain('wxt');
    expect([...packages].filter((p) => FORBIDDEN.includes(p))).toEqual([]);
  });

  it('shares the allow-list with the sanitiser', () => {
    const source = readFileSync(path.join(ROOT, 'knowledge/insert-html.ts'), 'utf8');
    expect(source).toMatch(/from '\.\/html-subset'/);
  });
});

describe('the side panel', () => {
  // The redactor runs in the worker, where events and learned phrasings are stored; its phone
  // metadata (libphonenumber-js) would add about 20 KB gzipped to every panel load.
  it('does not import the redactor\'s phone metadata or a Node DOM', () => {
    const packages = packagesImported('entrypoints/sidepanel/main.tsx');
    expect(packages).toContain('react');
    expect([...packages].filter((p) => ['libphonenumber-js', 'jsdom'].includes(p))).toEqual([]);
  });

  // Suggestions are ranked in the worker, which tells the ticket's language (knowledge/language.ts).
  it('does not import the language identifier', () => {
    expect(packagesImported('entrypoints/sidepanel/main.tsx')).not.toContain('tinyld');
    expect(packagesImported('entrypoints/background/index.ts')).toContain('tinyld');
  });
});

