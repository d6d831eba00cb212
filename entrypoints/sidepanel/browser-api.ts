import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { KNOWLEDGE_CHANGED_KEY } from '@/knowledge/knowledge-changed';
import type { MessagesFrom, ProtocolMap } from '@/knowledge/messages';
import { createClient, createRouter } from '@/knowledge/protocol';
import type { OwnExtension } from '@/knowledge/senders';
// Straight from the modules, not the store's index: that also re-exports the events and learned
// phrasings, which bring the redactor (and libphonenumber's metadata) into the panel's bundle.
import { openKnowledgeDb, type KnowledgeDb } from '@/knowledge/store/db';
import { StoreError } from '@/knowledge/store/errors';
import { applyImportBatched } from '@/knowledge/store/import';
import { checkImport } from '@/knowledge/store/import-check';
import { exportEventChunks, exportFileName } from '@/knowledge/store/event-files';
import { deleteMyData } from '@/knowledge/store/retention';
import { getSettings } from '@/knowledge/store/settings';
import type { PanelApi } from './api';

const messenger = defineExtensionMessaging<ProtocolMap>();
/** The pages' end of knowledge/messages.ts: every reply is parsed with its schema. */
const worker = createClient<MessagesFrom<'page'>>((name, data) => messenger.sendMessage(name, data as never));
/** The panel's own connection to the store, opened on the first import (the same IndexedDB as the worker's). */
let knowledgeDb: KnowledgeDb | undefined;
const own = (): OwnExtension => ({ id: browser.runtime.id, base: browser.runtime.getURL('/') });

/** `?tab=<id>` pins the panel to one tab (the panel opened as a page, in tests); else it follows its window's active tab. */
export function pinnedTab(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The tabs that show one of our own pages (the dashboard, the panel opened as a tab). Without the
 * `tabs` permission Chromium leaves `url` out even for our own pages, so ask the runtime which
 * contexts are ours (Chrome 116+); the URL check covers browsers without runtime.getContexts.
 */
async function ownTabs(): Promise<Set<number>> {
  const runtime = browser.runtime as unknown as { getContexts?: (filter: { contextTypes: string[] }) => Promise<{ tabId: number }[]> };
  if (!runtime.getContexts) return new Set();
  const contexts = await runtime.getContexts({ contextTypes: ['TAB'] }).catch(() => []);
  return new Set(contexts.map((c) => c.tabId).filter((id) => id >= 0));
}

/** The window's active tab, or (when that is one of our own pages) the tab the agent used last. */
async function followedTab(windowId: number | undefined): Promise<number | undefined> {
  const own = browser.runtime.getURL('/');
  const [tabs, ownIds] = await Promise.all([browser.tabs.query(windowId === undefined ? { currentWindow: true } : { windowId }), ownTabs()]);
  const ours = (t: { id?: number; url?: string }) => (t.id !== undefined && ownIds.has(t.id)) || (t.url ?? '').startsWith(own);
  const active = tabs.find((t) => t.active);
  if (active && !ours(active)) return active.id;
  return tabs.filter((t) => !ours(t)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id ?? active?.id;
}

export function browserApi(pinned: number | undefined): PanelApi {
  return {
    followTab(onTab) {
      if (pinned !== undefined) {
        onTab(pinned);
        return () => undefined;
      }
      let windowId: number | undefined;
      let current: number | undefined;
      const report = (id: number | undefined) => {
        if (id === current) return;
        current = id;
        onTab(id);
      };
      const requery = async () => report(await followedTab(windowId));
      void browser.windows.getCurrent().then((w) => {
        windowId = w.id;
        return requery();
      });
      // Our own pages (the dashboard, the panel opened as a tab) never take the panel away from the helpdesk.
      const onActivated = (info: { tabId: number; windowId: number }) => {
        if (info.windowId === windowId) void requery();
      };
      // The followed tab closed: Chrome activates another one, sometimes without onActivated reaching us first.
      const onRemoved = (tabId: number) => {
        if (tabId === current) void requery();
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onRemoved.addListener(onRemoved);
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onRemoved.removeListener(onRemoved);
      };
    },
    onTabState(listener) {
      // Only the extension's own worker or pages, never a content script (runtime.sendMessage reaches pages from both).
      const route = createRouter('page', { 'backgroundToPanel.tabStateChanged': (state) => listener(state) }, own());
      return messenger.onMessage('backgroundToPanel.tabStateChanged', ({ data, sender }) => route('backgroundToPanel.tabStateChanged', data, sender));
    },
    getTabState: (tabId) => worker.send('panelToBackground.getTabState', { tabId }),
    readSelection: (tabId) => worker.send('panelToBackground.readSelection', { tabId }),
    insert: (req) => worker.send('panelToBackground.insert', req),
    async feedback(fb) {
      await worker.send('panelToBackground.feedback', fb);
    },
    search: (text, limit) => worker.send('panelToBackground.search', { text, limit }),
    knowledgeStatus: () => worker.send('panelToBackground.knowledgeStatus', undefined),
    onKnowledgeChanged(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && KNOWLEDGE_CHANGED_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    loadSample: () => worker.send('panelToBackground.loadSample', undefined),
    async applyImport(entries, progress = {}) {
      const db = (knowledgeDb ??= openKnowledgeDb());
      try {
        const settings = await getSettings(db);
        const who = `${settings.agentName.trim().slice(0, 100) || 'an agent'} (import in the side panel)`;
        const value = await applyImportBatched(db, { entries, problems: [] }, who, progress);
        // The worker applies the logged change now (knowledgeStatus catches up first), so the next ticket finds it.
        await worker.send('panelToBackground.knowledgeStatus', undefined);
        return { ok: true, value };
      } catch (err) {
        if (err instanceof StoreError) return { ok: false, error: err.message };
        throw err;
      }
    },
    // Read straight from the store, like applyImport: no message carries a 10k-entry import.
    checkImport: (entries) => checkImport((knowledgeDb ??= openKnowledgeDb()), entries),
    getSettings: () => worker.send('panelToBackground.getSettings', undefined),
    saveSettings: (patch) => worker.send('panelToBackground.saveSettings', patch),
    listLearned: () => worker.send('panelToBackground.listLearned', undefined),
    removeLearned: (req) => worker.send('panelToBackground.removeLearned', req),
    async downloadMyEvents() {
      const db = (knowledgeDb ??= openKnowledgeDb());
      const parts: string[] = [];
      let events = 0;
      for await (const chunk of exportEventChunks(db)) {
        parts.push(chunk);
        events += chunk.split('\n').length - 1;
      }
      const fileName = exportFileName((await getSettings(db)).installId);
      // A link with `download` saves the file: no downloads permission needed.
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/x-ndjson' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { events, fileName };
    },
    async deleteMyData(options) {
      const db = (knowledgeDb ??= openKnowledgeDb());
      try {
        const value = await deleteMyData(db, options);
        // The worker drops deleted entries from its index now (learned phrasings: its watch sees them go).
        if (options.knowledge) await worker.send('panelToBackground.knowledgeStatus', undefined);
        return { ok: true, value };
      } catch (err) {
        if (err instanceof StoreError) return { ok: false, error: err.message };
        throw err;
      }
    },
    async copy(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    permissions: {
      async granted(patterns) {
        const out = new Set<string>();
        for (const p of patterns) if (await browser.permissions.contains({ origins: [p] })) out.add(p);
        return out;
      },
      request: (patterns) => browser.permissions.request({ origins: [...patterns] }),
      remove: (patterns) => browser.permissions.remove({ origins: [...patterns] }),
    },
    async syncRegistrations() {
      return (await worker.send('panelToBackground.syncRegistrations', undefined)).origins;
    },
    openDashboard(section) {
      void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${section ? `#${section}` : ''}`) });
    },
  };
}
