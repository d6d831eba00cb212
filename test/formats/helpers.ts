import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, importFiles, type ImportResult } from '../../knowledge/standardise.ts';

export const NOW = new Date('2026-11-23T12:00:00Z');
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: readFileSync(path.join(FIXTURES, name)) };
}

export function fixtureFolder(dir: string): { name: string; bytes: Uint8Array }[] {
  return readdirSync(path.join(FIXTURES, dir)).sort().map((f) => fixture(`${dir}/${f}`));
}

export function importText(name: string, text: string): ImportResult {
  return importFiles([{ name, bytes: utf8(text) }], { now: NOW });
}

/** Problems as the team lead reads them, errors only unless asked. */
export function lines(result: ImportResult, severity: 'error' | 'warning' = 'error'): string[] {
  return result.problems.filter((p) => p.severity === severity).map(formatProblem);
}

export function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
}
