import { useCallback, useEffect, useState } from 'react';
import type { RemoveLearnedRequest, SettingsPatchView, SettingsView as Settings } from '@/knowledge/messages';
import { HelpdeskList } from '@/components/settings/HelpdeskList';
import { LearnedPhrasings } from '@/components/settings/LearnedPhrasings';
import { MyData } from '@/components/settings/MyData';
import { ProfileForm } from '@/components/settings/ProfileForm';
import { SelectorsForm } from '@/components/settings/SelectorsForm';
import { TeamSettings } from '@/components/settings/TeamSettings';
import type { Status } from '@/components/status/StatusMessage';
import type { PanelApi } from './api';
import { HOSTED_HELPDESKS, originPattern, toOrigin } from '@/knowledge/hosted-helpdesks';

export interface SettingsProps {
  api: PanelApi;
  settings: Settings | undefined;
  onSaved: (s: Settings) => void;
  say: (s: Status) => void;
}

export function SettingsView({ api, settings, onSaved, say }: SettingsProps) {
  const [granted, setGranted] = useState<Set<string>>(new Set());
  const domains = settings?.helpdeskDomains ?? [];
  const allPatterns = [...HOSTED_HELPDESKS.flatMap((h) => h.patterns), ...domains.map(originPattern)];
  const patternKey = allPatterns.join(' ');
  const refresh = useCallback(() => {
    void api.permissions.granted(patternKey.split(' ')).then(setGranted);
  }, [api, patternKey]);
  useEffect(refresh, [refresh]);

  const save = async (patch: SettingsPatchView, done: string) => {
    const out = await api.saveSettings(patch);
    if (out.ok) {
      onSaved(out.value);
      say({ tone: 'ok', text: done });
    } else say({ tone: 'error', text: out.error });
    return out.ok;
  };

  // permissions.request must be the first await in the click: browsers want the user's gesture.
  const enable = async (patterns: string[], name: string): Promise<boolean> => {
    const ok = await api.permissions.request(patterns).catch(() => false);
    if (ok) await api.syncRegistrations().catch(() => []);
    say(ok ? { tone: 'ok', text: `${name} enabled: reload its open tabs.` } : { tone: 'error', text: `${name} was not enabled (the browser did not grant access).` });
    refresh();
    return ok;
  };
  const disable = async (patterns: string[], name: string) => {
    await api.permissions.remove(patterns).catch(() => false);
    await api.syncRegistrations().catch(() => []);
    say({ tone: 'ok', text: `${name} disabled.` });
    refresh();
  };

  // Stable for LearnedPhrasings' effect: it loads once, not on every render of Settings.
  const listLearned = useCallback(() => api.listLearned(), [api]);
  const removeLearned = useCallback((req: RemoveLearnedRequest) => api.removeLearned(req), [api]);

  if (!settings) return <p>Loading settings&hellip;</p>;
  return (
    <>
      <h2>Settings</h2>
      <ProfileForm settings={settings} onSave={(p) => void save(p, 'Profile saved.')} />
      <HelpdeskList
        hosted={HOSTED_HELPDESKS.map((h) => ({ id: h.id, name: h.name, patterns: [...h.patterns], enabled: h.patterns.every((p) => granted.has(p)) }))}
        domains={domains.map((origin) => ({ origin, enabled: granted.has(originPattern(origin)) }))}
        onToggleHosted={(id, on) => {
          const h = HOSTED_HELPDESKS.find((x) => x.id === id);
          if (h) void (on ? enable([...h.patterns], h.name) : disable([...h.patterns], h.name));
        }}
        onAddDomain={(input) => {
          const origin = toOrigin(input);
          if (!origin) return say({ tone: 'error', text: `\u201c${input}\u201d is not a web address (e.g. support.example.com).` });
          void enable([originPattern(origin)], origin).then((ok) => {
            if (ok && !domains.includes(origin)) void save({ helpdeskDomains: [...domains, origin] }, `${origin} added and enabled.`);
          });
        }}
        onEnableDomain={(origin) => void enable([originPattern(origin)], origin)}
        onRemoveDomain={(origin) => {
          void disable([originPattern(origin)], origin).then(() => save({ helpdeskDomains: domains.filter((d) => d !== origin) }, `${origin} removed.`));
        }}
      />
      <SelectorsForm list={settings.genericSelectors} onSave={(list) => void save({ genericSelectors: list }, 'Selectors saved.')} />
      <section aria-labelledby="import-knowledge-h" data-testid="import-knowledge">
        <h3 id="import-knowledge-h">Import knowledge</h3>
        <p>Files and whole folders are imported in the dashboard: columns mapped, every problem listed, and a choice for entries you already have.</p>
        <button type="button" data-testid="open-import" onClick={() => api.openDashboard('import')}>
          Import in the dashboard&hellip;
        </button>
      </section>
      <LearnedPhrasings list={listLearned} remove={removeLearned} />
      <TeamSettings settings={settings} onSave={(p) => void save(p, 'Team settings saved.')} />
      <MyData
        onExport={async () => {
          const out = await api.downloadMyEvents().catch(() => undefined);
          say(out ? { tone: 'ok', text: `Exported ${out.events} ${out.events === 1 ? 'event' : 'events'} to ${out.fileName}.` } : { tone: 'error', text: 'The export failed.' });
        }}
        onDelete={async ({ knowledge }) => {
          const out = await api.deleteMyData({ knowledge });
          if (!out.ok) return say({ tone: 'error', text: out.error });
          onSaved(await api.getSettings());
          const { events, learned, entries } = out.value;
          say({ tone: 'ok', text: `Deleted ${events} events, ${learned} learned phrasings${knowledge ? ` and ${entries} entries` : ''}.` });
        }}
      />
    </>
  );
}
