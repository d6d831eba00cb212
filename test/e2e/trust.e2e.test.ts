import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoHelpdesk, type DemoHelpdesk } from '../demo/server';
import { contentScriptWorld, envelope, type Reply } from './content-world';
import { ensureDemoBuild, launchWithExtension, openPanelAsTab, tabIdOf, type Launched } from './harness';

// The security review's reproductions, in real Chromium with the built (demo) extension: what a
// helpdesk tab's content script may ask the worker, and what the page can see of or do to the
// content script.
let demo: DemoHelpdesk;
let ext: Launched;
let tabA: Page;
let tabB: Page;
let panel: Page;
let idA: number;
let idB: number;

declare global {
  interface Window {
    /** Everything the page's own world saw: window messages and WXT's event names for this extension. */
    seenByPage: string[];
  }
}

/** Installed in every page's main world before its scripts: records what reaches the page. */
function pageRecorder(extensionId: string): string {
  return `(() => {
    window.seenByPage = [];
    const record = (e) => {
      let what;
      try { what = JSON.stringify(e.data ?? e.detail ?? null); } catch { what = String(e.data); }
      window.seenByPage.push(e.type + ' ' + what);
    };
    window.addEventListener('message', record, true);
    for (const n of ['content-script-started', 'locationchange']) {
      const name = ${JSON.stringify(extensionId)} + ':helpdesk:wxt:' + n;
      document.addEventListener(name, record, true);
      window.addEventListener(name, record, true);
    }
  })();`;
}

/** A message from the panel (an extension page): the sender the worker trusts. */
function fromPanel(type: string, data?: unknown): Promise<Reply> {
  return panel.evaluate((msg) => chrome.runtime.sendMessage(msg) as Promise<Reply>, envelope(type, data));
}
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
};

const replyText = (page: Page) => page.evaluate(() => window.demo.reply()?.text ?? '');

beforeAll(async () => {
  await ensureDemoBuild();
  demo = await startDemoHelpdesk();
  ext = await launchWithExtension();
  await ext.context.addInitScript({ content: pageRecorder(ext.extensionId) });
  [tabA, tabB] = [await ext.context.newPage(), await ext.context.newPage()];
  await tabA.goto(`${demo.origin}/tickets/${demo.tickets[0]!.id}`);
  await tabB.goto(`${demo.origin}/tickets/${demo.tickets[1]!.id}`);
  for (const p of [tabA, tabB]) await p.waitForFunction(() => document.body.dataset.demoReady);
  [idA, idB] = [await tabIdOf(ext, tabA), await tabIdOf(ext, tabB)];
  panel = await openPanelAsTab(ext, idA);
});

afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

describe('a helpdesk tab’s content script may not ask what only the panel may', () => {
  it('loadSample is refused: no entry lands', async () => {
    const content = await contentScriptWorld(tabA, ext.extensionId);
    const reply = await content.send('panelToBackground.loadSample', undefined);
    expect(reply?.err?.message).toMatch(/loadSample: refused/);
    expect(await fromPanel('panelToBackground.knowledgeStatus')).toEqual({ res: { total: 0, suggestable: 0 } });
    await content.detach();
  });

  it('saveSettings is refused: the agent’s signature stays', async () => {
    expect((await fromPanel('panelToBackground.saveSettings', { agentSignature: 'Sam, Support' }))?.res).toMatchObject({ ok: true });
    const content = await contentScriptWorld(tabA, ext.extensionId);
    expect((await content.send('panelToBackground.saveSettings', { agentSignature: 'Mallory' }))?.err?.message).toMatch(/saveSettings: refused/);
    expect((await fromPanel('panelToBackground.getSettings'))?.res).toMatchObject({ agentSignature: 'Sam, Support' });
    await content.detach();
  });

  it('insert into another tab is refused: that tab’s reply box is untouched', async () => {
    const before = await replyText(tabB);
    const content = await contentScriptWorld(tabA, ext.extensionId);
    const reply = await content.send('panelToBackground.insert', { tabId: idB, suggestedText: 'x', text: 'Click https://evil.example/' });
    expect(reply?.err?.message).toMatch(/insert: refused/);
    expect(await replyText(tabB)).toBe(before);
    await content.detach();
  });

  it('search is refused (the knowledge base is not read out)', async () => {
    const content = await contentScriptWorld(tabA, ext.extensionId);
    expect((await content.send('panelToBackground.search', { text: 'refund', limit: 20 }))?.err?.message).toMatch(/search: refused/);
    await content.detach();
  });

  it('getSelectors answers for the sender’s page, whatever URL the data names', async () => {
    const localhost = demo.origin.replace('127.0.0.1', 'localhost');
    const selectors = { subject: 'h1', message: '.message', replyBox: 'textarea' };
    const saved = await fromPanel('panelToBackground.saveSettings', {
      genericSelectors: [{ domain: demo.origin, ...selectors }, { domain: localhost, ...selectors, subject: 'h2.other' }],
    });
    expect(saved?.res).toMatchObject({ ok: true });
    const content = await contentScriptWorld(tabA, ext.extensionId);
    expect((await content.send('contentToBackground.getSelectors'))?.res).toEqual([{ domain: '127.0.0.1', ...selectors }]);
    expect((await content.send('contentToBackground.getSelectors', { url: `${localhost}/` }))?.err?.message).toMatch(/getSelectors/);
    await content.detach();
  });
});

describe('the page cannot switch the content script off, and is not told about the extension', () => {
  it('after the page forges "a newer content script started", Insert still works', async () => {
    await tabA.evaluate((id) => {
      const name = `${id}:helpdesk:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'helpdesk', messageId: 'forged' } }));
      window.postMessage({ type: name, contentScriptName: 'helpdesk', messageId: 'forged' }, '*');
    }, ext.extensionId);
    await tabA.click('[data-demo-reply] .ql-editor');
    const text = 'Thanks for waiting: your refund is on its way.';
    const reply = await fromPanel('panelToBackground.insert', { tabId: idA, suggestedText: text, text });
    expect(reply?.res).toMatchObject({ ok: true });
    expect(await replyText(tabA)).toContain(text);
  });

  it('injected again (the agent opens the panel on the tab), the script does not run twice: one Insert inserts once', async () => {
    await ext.sw.evaluate((tabId) => chrome.scripting.executeScript({ target: { tabId }, files: ['/helpdesk.js'] }), idB);
    await tabB.click('[data-demo-reply] .ql-editor');
    const text = 'Inserted exactly once.';
    expect((await fromPanel('panelToBackground.insert', { tabId: idB, suggestedText: text, text }))?.res).toMatchObject({ ok: true });
    expect((await replyText(tabB)).split(text).length - 1).toBe(1);
  });

  it('the page never received a message or event naming the extension', async () => {
    // The recorder works: the page's own message is seen.
    await tabB.evaluate(() => window.postMessage({ probe: 'page' }, '*'));
    await expect.poll(() => tabB.evaluate(() => window.seenByPage)).toContainEqual('message {"probe":"page"}');
    for (const page of [tabA, tabB]) {
      const seen = await page.evaluate(() => window.seenByPage);
      // Our test's own forged event and message (above) aside.
      expect(seen.filter((s) => !s.includes('forged') && (s.includes(ext.extensionId) || /wxt:|chrome-extension:/.test(s)))).toEqual([]);
    }
  });
});
