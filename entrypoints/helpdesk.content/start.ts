import { browser } from 'wxt/browser';
import type { Handlers } from '../../knowledge/messages';
import { checkSender } from '../../knowledge/senders';
import { adapterFor } from './adapters/index';
import { messenger } from './messenger';
import { insertReply, selectionReply, validSelectors } from './replies';
import { TicketWatcher } from './watch';

/**
 * The helpdesk content script (entrypoints/helpdesk.ts builds it). It runs in the page's isolated
 * world and talks to nobody but the extension: it posts nothing to the page and dispatches no event
 * on it, and nothing the page sends or dispatches can stop it (WXT's content-script context does
 * both, which is why this script is not a WXT content-script entrypoint). No React, no zod: it stays
 * small. It never presses send and never submits a form.
 */

/**
 * One running copy per isolated world: the worker injects the script into open tabs when a helpdesk
 * is enabled, and again when the agent opens the panel on a page. The flag lives in this world's
 * globals, which the page's world cannot see or set. (After an extension update the new script
 * runs in a new world; the old copy stops itself once its connection is gone.)
 */
const RUNNING = '__agentAssistHelpdesk';
type World = { [RUNNING]?: true };

export function startOnce(world: World = globalThis as World): void {
  if (world[RUNNING]) return;
  world[RUNNING] = true;
  void messenger
    .sendMessage('contentToBackground.getSelectors', undefined)
    .catch(() => [])
    .then((list) => watch(validSelectors(list)));
}

/** Follows the page and answers the worker. */
function watch(selectors: ReturnType<typeof validSelectors>): void {
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
      // The extension was updated or removed: this copy can no longer reach it.
      if (!browser.runtime?.id) return stop();
      const sent =
        what.kind === 'ticket'
          ? messenger.sendMessage('contentToBackground.ticketRead', { ticket: what.ticket, readAt: what.readAt, readId: what.readId })
          : what.kind === 'failed'
            ? messenger.sendMessage('contentToBackground.readFailed', { failure: what.failure })
            : messenger.sendMessage('contentToBackground.noTicket', undefined);
      sent.catch(() => undefined);
    },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    now: () => performance.now(),
    wallClock: () => Date.now(),
  });

  // Every message the worker sends a tab (a missing one is a type error). Only the extension can
  // reach a content script's runtime.onMessage; the check keeps it that way should that change.
  const handlers: Handlers<'content'> = {
    'backgroundToContent.readAgain': () => {
      watcher.readNow(true);
      return { ok: true };
    },
    'backgroundToContent.readSelection': () => selectionReply(String(window.getSelection() ?? ''), new URL(location.href), Date.now()),
    'backgroundToContent.insert': (data) => insertReply(watcher.editors(), data),
  };
  const own = { id: browser.runtime.id, base: browser.runtime.getURL('/') };
  const stops = (Object.keys(handlers) as (keyof typeof handlers)[]).map((name) =>
    messenger.onMessage(name, ({ data, sender }) => {
      const from = checkSender('background', sender, own);
      if ('refused' in from) throw new Error(`${name}: refused, ${from.refused}`);
      return (handlers[name] as (d: unknown, s: typeof from) => never)(data, from);
    }),
  );

  // Watched even where no adapter matches yet: a single-page app may navigate to a ticket later.
  const observer = new MutationObserver((records) => watcher.onMutations(records));
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  const navigated = followUrl(() => watcher.onNavigate());
  function stop(): void {
    stops.forEach((off) => off());
    observer.disconnect();
    navigated();
    watcher.cancel();
  }
  watcher.readNow();
}

/**
 * Calls back when the page's URL changes in place (single-page apps): the Navigation API where the
 * browser has it, else a once-a-second look at location.href (a history.pushState patch would not
 * see the page's own calls from this isolated world).
 */
function followUrl(onChange: () => void): () => void {
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) {
    nav.addEventListener('navigatesuccess', onChange);
    return () => nav.removeEventListener('navigatesuccess', onChange);
  }
  let last = location.href;
  const id = window.setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  }, 1000);
  return () => window.clearInterval(id);
}
