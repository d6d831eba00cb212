import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Entry } from '../../knowledge/entry';

/** Writes entries as the project's own knowledge file under .e2e-tmp/ and returns its path. */
export async function knowledgeFile(name: string, entries: readonly Entry[]): Promise<string> {
  const file = path.resolve('.e2e-tmp/dashboard', `${name}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ format: 'agent-assist/knowledge', schemaVersion: 1, entries }) + '\n');
  return file;
}

/** Imports a file through the dashboard's own Import section (the path a lead takes), then opens the knowledge list. */
export async function importInDashboard(page: Page, file: string, timeout = 180_000): Promise<void> {
  await page.evaluate(() => (location.hash = '#import'));
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-apply').click({ timeout });
  await page.getByTestId('import-result').getByText(/Imported:/).waitFor({ timeout });
  await page.evaluate(() => (location.hash = '#knowledge'));
}
