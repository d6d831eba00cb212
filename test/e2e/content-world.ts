import { pollUntil } from './poll';
import type { CDPSession, Page } from 'playwright-core';

/** A message as @webext-core/messaging sends it, and its answer: `{ res }` or `{ err }`. */
export type Reply = { res?: unknown; err?: { message?: string } } | undefined;

export function envelope(type: string, data: unknown): object {
  return { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
}

/**
 * Runs code in the extension's content-script world of `page` (its isolated world, where the
 * helpdesk script runs with `chrome.runtime`), over CDP: the context whose origin or name is the
 * extension's. Waits until the script has been injected.
 */
export async function contentScriptWorld(page: Page, extensionId: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  cdp.on('Runtime.executionContextsCleared', () => void contexts.splice(0));
  await cdp.send('Runtime.enable');
  const find = () => contexts.find((c) => c.origin === `chrome-extension://${extensionId}`)?.id;
  const contextId = await pollUntil(find, `the content-script world of ${extensionId} in ${page.url()}`, { everyMs: 50 });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`content world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  };
  return {
    evaluate,
    /** chrome.runtime.sendMessage from the content script's world, as a compromised content script could. */
    send: (type: string, data?: unknown) => evaluate<Reply>(`chrome.runtime.sendMessage(${JSON.stringify(envelope(type, data))})`),
    detach: () => cdp.detach().catch(() => undefined),
  };
}
