import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules live in eslint.config.js; this proves they fire.
const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ["import { x } from '../entrypoints/background';", 'knowledge/suggest.ts'],
    ["import { Panel } from '../../components/Panel';", 'knowledge/search/index.ts'],
    ["import { browser } from 'wxt/browser';", 'knowledge/events.ts'],
    ["import Dexie from 'dexie';", 'knowledge/quality.ts'],
    ["import { useState } from 'react';", 'knowledge/entry.ts'],
  ])('reports %s in %s', async (code, file) => {
    expect(await ruleIds(`${code}\nexport const y = 1;\n`, file)).toContain('no-restricted-imports');
  });

  it('reports the chrome and browser globals in knowledge/', async () => {
    const ids = await ruleIds('export const a = chrome.runtime.id; export const b = browser.runtime.id;\n', 'knowledge/x.ts');
    expect(ids.filter((i) => i === 'no-restricted-globals')).toHaveLength(2);
  });

  it('lets knowledge/store/ use Dexie, and entrypoints/ use anything', async () => {
    expect(await ruleIds("import Dexie from 'dexie';\nexport const D = Dexie;\n", 'knowledge/store/db.ts')).toEqual([]);
    expect(
      await ruleIds("import { browser } from 'wxt/browser';\nexport const b = browser;\n", 'entrypoints/background.ts'),
    ).toEqual([]);
  });
});
