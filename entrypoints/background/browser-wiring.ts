import { browser } from 'wxt/browser';
import { KNOWLEDGE_CHANGED_KEY } from '@/knowledge/knowledge-changed';
import type { MessagesTo, TabState } from '@/knowledge/messages';
import { createClient } from '@/knowledge/protocol';
import { messenger } from './messenger';
import { SCRIPT_FILE, SCRIPT_ID, syncRegistrations, type RegistrationApi } from './registration';

/** Firefox's sidebar (WXT turns side_panel into sidebar_action there); absent in Chromium. */
interface SidebarAction {
  open(): Promise<void>;
  toggle?(): Promise<void>;
}
function sidebarAction(): SidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
}

/** The real registration calls; the same code serves the production and the demo build. */
export const registrationApi: RegistrationApi = {
  async grantedOrigins() {
    return (await browser.permissions.getAll()).origins ?? [];
  },
  async registered() {
    return browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  },
  async register(matches) {
    await browser.scripting.registerContentScripts([
      // Re-registered from the granted permissions at every start, so nothing stale survives a restart.
      { id: SCRIPT_ID, js: [SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: false },
    ]);
  },
  async unregister(ids) {
    await browser.scripting.unregisterContentScripts({ ids });
  },
  async injectOpenTabs(matches) {
    const tabs = await browser.tabs.query({ url: matches });
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : injectInto(t.id).catch(() => undefined))));
  },
};

/** Serialised: permission events can arrive together, and register/unregister must not interleave. */
let queue: Promise<string[]> = Promise.resolve([]);
export function syncNow(): Promise<string[]> {
  queue = queue.catch(() => []).then(() => syncRegistrations(registrationApi));
  return queue;
}

export function watchPermissions(): void {
  const sync = () => void syncNow().catch((err: unknown) => console.error('[agent-assist] registering the helpdesk script failed:', err));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}

export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [SCRIPT_FILE] });
}

/** Tells every open view that the knowledge changed (see knowledge/knowledge-changed.ts). */
export function notifyKnowledgeChanged(): void {
  // A counter as well as the time: two changes in one millisecond must both be seen as changes.
  browser.storage.session.set({ [KNOWLEDGE_CHANGED_KEY]: `${Date.now()}-${++knowledgeChanges}` }).catch(() => undefined);
}
let knowledgeChanges = 0;
const pages = createClient<MessagesTo<'page'>>((name, data) => messenger.sendMessage(name, data as never));

export function notifyPanel(state: TabState): void {
  // No panel open is normal: the message then has no receiver.
  pages.send('backgroundToPanel.tabStateChanged', state).catch(() => undefined);
}

/**
 * The `open-panel` command and the toolbar button open the panel. sidePanel.open() and
 * sidebarAction.open() need the user's gesture, so they are called first, before any await.
 * The same gesture grants activeTab: on a page that is not an enabled helpdesk, the panel is
 * then given the agent's selection (generic mode).
 */
export function wirePanelOpening(onGesture: (tabId: number) => void): void {
  const open = (tab: { id?: number; windowId?: number } | undefined) => {
    const sidebar = sidebarAction();
    if (sidebar) void sidebar.open().catch(() => undefined);
    else if (tab?.windowId !== undefined) void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    if (tab?.id !== undefined) onGesture(tab.id);
  };
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') open(tab);
  });
  if (import.meta.env.FIREFOX) {
    const action = (browser as unknown as { browserAction?: typeof browser.action }).browserAction ?? browser.action;
    action.onClicked.addListener((tab) => open(tab));
  } else {
    // Chromium opens the panel itself on the toolbar click (no onClicked then).
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  }
}
