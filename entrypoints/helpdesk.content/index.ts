import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterFor } from './adapters/index';
import { messenger } from './messenger';
import { insertReply, selectionReply, validSelectors } from './replies';
import { TicketWatcher } from './watch';

/**
 * Registered at runtime by the background for the origins the agent enabled (no host in the
 * manifest), or injected once into the current tab for generic mode (activeTab). No React, no
 * zod: it stays small. It never presses send and never submits a form.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    void start(ctx);
  },
});

async function start(ctx: ContentScriptContext): Promise<void> {
  const selectors = validSelectors(await messenger.sendMessage('contentToBackground.getSelectors', { url: location.href }).catch(() => []));
  if (ctx.isInvalid) return;
  let cached: { href: string; found: ReturnType<typeof adapterFor> } | undefined;
  const adapter = (url: URL) => {
    if (cached?.href !== url.href) cached = { href: url.href, found: adapterFor(url, { genericSelectors: selectors }) };
    return cached.found;
  };
  const watcher = new TicketWatcher({
    doc: document,
    url: () => new URL(location.href),
    adapter,
    send: (what) => {
      const sent =
        what.kind === 'ticket'
          ? messenger.sendMessage('contentToBackground.ticketRead', { ticket: what.ticket, readAt: what.readAt, readId: what.readId })
          : what.kind === 'failed'
            ? messenger.sendMessage('contentToBackground.readFailed', { failure: what.failure })
            : messenger.sendMessage('contentToBackground.noTicket', undefined);
      sent.catch(() => undefined);
    },
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => performance.now(),
    wallClock: () => Date.now(),
  });

  const stop = [
    messenger.onMessage('backgroundToContent.readAgain', () => {
      watcher.readNow(true);
      return { ok: true };
    }),
    messenger.onMessage('backgroundToContent.readSelection', () => selectionReply(String(window.getSelection() ?? ''), new URL(location.href), Date.now())),
    messenger.onMessage('backgroundToContent.insert', ({ data }) => insertReply(watcher.editors(), data)),
  ];
  ctx.onInvalidated(() => {
    stop.forEach((off) => off());
    watcher.cancel();
  });

  // Watched even where no adapter matches yet: a single-page app may navigate to a ticket later.
  const observer = new MutationObserver((records) => watcher.onMutations(records));
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.onNavigate());
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav, 'navigatesuccess' as keyof WindowEventMap, () => watcher.onNavigate());
  watcher.readNow();
}
