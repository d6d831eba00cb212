import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { InsertResult } from '../../entrypoints/helpdesk.content/insert';
import { EDITOR_BUNDLES } from './editor-server';

/**
 * Runs the shipped insert code in an isolated world of `page`, as a content script runs: same DOM,
 * none of the page's JavaScript globals (no `window.quill`, no CKEditor instance).
 */
export async function insertInIsolatedWorld(page: Page, boxSelector: string, text: string, html?: string): Promise<InsertResult> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'agent-assist-insert-test',
    });
    const code = await readFile(path.join(EDITOR_BUNDLES, 'insert.js'), 'utf8');
    await cdp.send('Runtime.evaluate', { expression: code, contextId: executionContextId });
    const call = `agentAssistInsert(document.querySelector(${JSON.stringify(boxSelector)}), ${JSON.stringify(text)}, ${JSON.stringify(html ? { html } : {})})`;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: call,
      contextId: executionContextId,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`insert threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as InsertResult;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
