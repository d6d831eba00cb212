import { useCallback, useEffect, useState } from 'react';
import type { KnowledgeStatus, SettingsView as Settings, TabState } from '@/knowledge/messages';
import { StatusMessage } from '@/components/status/StatusMessage';
import type { PanelApi } from './api';
import { AssistView } from './AssistView';
import { SettingsView } from './SettingsView';
import { useStatus } from './useStatus';

/** The agent's panel: the ticket as read, suggestions, manual search, settings. */
export function App({ api }: { api: PanelApi }) {
  const [view, setView] = useState<'assist' | 'settings'>('assist');
  const [tabId, setTabId] = useState<number | undefined>();
  const [state, setState] = useState<TabState | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [knowledge, setKnowledge] = useState<KnowledgeStatus | undefined>();
  const [status, setStatus] = useStatus(tabId, state);
  const [loadingSample, setLoadingSample] = useState(false);

  const refreshKnowledge = useCallback(() => {
    api.knowledgeStatus().then(setKnowledge, () => undefined);
  }, [api]);

  useEffect(() => {
    api.getSettings().then(setSettings, () => setStatus({ tone: 'error', text: 'Could not load your settings.' }));
    refreshKnowledge();
    return api.followTab(setTabId);
  }, [api, refreshKnowledge]);

  // The sample loaded or a file imported in another view (sidebar, panel tab, dashboard) shows here too.
  useEffect(() => api.onKnowledgeChanged(refreshKnowledge), [api, refreshKnowledge]);

  useEffect(() => {
    setState(undefined);
    if (tabId === undefined) return;
    let live = true;
    const off = api.onTabState((s) => {
      if (s.tabId === tabId) setState(s);
    });
    api.getTabState(tabId).then(
      (s) => live && setState((now) => now ?? s),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [api, tabId]);

  const loadSample = () => {
    setLoadingSample(true);
    setStatus({ tone: 'info', text: 'Loading the sample knowledge\u2026' });
    api
      .loadSample()
      .then(
        (out) =>
          setStatus(out.ok ? { tone: 'ok', text: `Sample knowledge loaded: ${out.value.added.length + out.value.updated.length + out.value.unchanged.length} entries.` } : { tone: 'error', text: out.error }),
        () => setStatus({ tone: 'error', text: 'Could not load the sample knowledge.' }),
      )
      .finally(() => {
        setLoadingSample(false);
        refreshKnowledge();
      });
  };

  return (
    <div className="app">
      <header className="bar">
        <h1>Agent Assist</h1>
        <nav aria-label="Panel views">
          <button type="button" aria-pressed={view === 'assist'} onClick={() => setView('assist')}>
            Suggestions
          </button>
          <button type="button" aria-pressed={view === 'settings'} data-testid="open-settings" onClick={() => setView('settings')}>
            Settings
          </button>
          <button type="button" data-testid="open-dashboard" title="Knowledge, review and import, in a tab" onClick={() => api.openDashboard()}>
            Dashboard
          </button>
        </nav>
      </header>
      <main>
        <StatusMessage status={status} />
        {view === 'assist' ? (
          <AssistView
            api={api}
            tabId={tabId}
            state={state}
            settings={settings}
            knowledge={knowledge}
            loadingSample={loadingSample}
            say={setStatus}
            onLoadSample={loadSample}
            onImport={() => api.openDashboard('import')}
          />
        ) : (
          <SettingsView api={api} settings={settings} onSaved={setSettings} say={setStatus} />
        )}
      </main>
    </div>
  );
}
