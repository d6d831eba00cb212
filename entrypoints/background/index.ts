import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { today } from '@/knowledge/entry';
import { openKnowledgeDb, purgeIfDue } from '@/knowledge/store';
import { injectInto, notifyKnowledgeChanged, notifyPanel, syncNow, watchPermissions, wirePanelOpening } from './browser-wiring';
import type { BackgroundDeps } from './deps';
import { KnowledgeHolder } from './knowledge-holder';
import { contentLink, listen } from './listen';
import { loadSamplePack } from './sample';
import { dexieKnowledgeSource } from './index-cache';
import { sessionShownReads } from './shown-reads';
import { TabStates } from './tab-states';
import { getTabState, readSelection, refreshTickets } from './ticket-handlers';
import { watchKnowledge, watchLearned } from './watch-knowledge';

export default defineBackground({
  type: 'module',
  main() {
    const db = openKnowledgeDb();
    const deps: BackgroundDeps = {
      db,
      holder: new KnowledgeHolder(dexieKnowledgeSource(db)),
      tabs: new TabStates(),
      shownReads: sessionShownReads(browser.storage.session),
      content: contentLink,
      inject: injectInto,
      notifyPanel,
      syncRegistrations: syncNow,
      samplePack: loadSamplePack,
      now: () => Date.now(),
      day: () => today(),
    };
    listen(deps);
    watchPermissions();
    wirePanelOpening((tabId) => {
      // A helpdesk tab already has its ticket; anywhere else, read the selection (activeTab was just granted).
      if (getTabState(deps, tabId).kind === 'none') void readSelection(deps, tabId);
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      deps.tabs.delete(tabId);
      void deps.shownReads.forget(tabId);
    });
    browser.tabs.onUpdated.addListener((tabId, change) => {
      // A new page in the tab: what was read there is gone (a helpdesk page will send its ticket again).
      if (change.status !== 'loading' || !deps.tabs.get(tabId)) return;
      deps.tabs.delete(tabId);
      notifyPanel({ kind: 'none', tabId });
    });
    watchKnowledge(db, (ids) => {
      notifyKnowledgeChanged();
      void deps.holder
        .changed(ids)
        .then(() => refreshTickets(deps))
        .catch((err: unknown) => console.error('[agent-assist] updating the search index failed:', err));
    });
    watchLearned(db, () => {
      void deps.holder
        .learnedChanged()
        .then((ids) => (ids.length ? refreshTickets(deps) : undefined))
        .catch((err: unknown) => console.error('[agent-assist] updating the learned phrasings failed:', err));
    });
    // For devtools and the bench (test/bench/cold.ts): how the index was opened and where the time went.
    Object.assign(globalThis, { agentAssistIndexTimings: () => deps.holder.timings });
    // Events past the retention period go at start (and at most daily as events are written: acceptance.ts).
    void purgeIfDue(db).catch((err: unknown) => console.error('[agent-assist] purging expired events failed:', err));
    // Build (or load) the index now, so the first ticket does not wait for it.
    void deps.holder.get().catch((err: unknown) => console.error('[agent-assist] building the search index failed:', err));
  },
});
