import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { KNOWLEDGE_CHANGED_KEY } from '@/knowledge/knowledge-changed';
import type { MessagesFrom, ProtocolMap } from '@/knowledge/messages';
import { createClient } from '@/knowledge/protocol';
// Straight from the modules, not the store's index (see the panel's browser-api.ts): the barrel
// also brings the redactor along.
import { openKnowledgeDb } from '@/knowledge/store/db';
import { leadName, type DashboardApi } from './api';
import { startReportsWorker } from './reports-protocol';

const messenger = defineExtensionMessaging<ProtocolMap>();
/** The pages' end of knowledge/messages.ts: every reply is parsed with its schema. */
const worker = createClient<MessagesFrom<'page'>>((name, data) => messenger.sendMessage(name, data as never));

export function browserDashboardApi(): DashboardApi {
  const api: DashboardApi = {
    db: openKnowledgeDb(),
    getSettings: () => worker.send('panelToBackground.getSettings', undefined),
    who: async (where) => leadName(await api.getSettings(), where),
    search: (text, limit) => worker.send('panelToBackground.search', { text, limit }),
    async knowledgeWritten() {
      // knowledgeStatus catches the worker up on the change log first, then says what it holds.
      await worker.send('panelToBackground.knowledgeStatus', undefined);
    },
    onKnowledgeChanged(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && KNOWLEDGE_CHANGED_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    reports: startReportsWorker,
    download(fileName, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      // The click has handed the blob to the download; the URL is not needed after this turn.
      queueMicrotask(() => URL.revokeObjectURL(url));
    },
  };
  return api;
}
