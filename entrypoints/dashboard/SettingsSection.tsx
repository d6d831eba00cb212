import { useEffect, useId, useState } from 'react';
import { StatusMessage, type Status } from '@/components/status/StatusMessage';
import { StoreError } from '@/knowledge/store/errors';
import { getSettings, saveSettings } from '@/knowledge/store/settings';
import type { DashboardApi } from './api';

/**
 * The settings the dashboard needs, here because a lead may open it from the toolbar menu without
 * the panel: the name written into every version (the same "display name" as the panel's
 * profile), and the team rule "approval needs a second person". Read and written in the store.
 */
export function SettingsSection({ api }: { api: DashboardApi }) {
  const id = useId();
  const [name, setName] = useState<string | undefined>();
  const [secondPerson, setSecondPerson] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let live = true;
    getSettings(api.db).then((s) => {
      if (!live) return;
      setName(s.agentName);
      setSecondPerson(s.approvalNeedsSecondPerson);
    });
    return () => {
      live = false;
    };
  }, [api]);
  if (name === undefined) return <p className="muted">Reading the settings{'\u2026'}</p>;
  return (
    <form
      className="dash-settings"
      aria-labelledby={`${id}-h`}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const saved = await saveSettings(api.db, { agentName: name, approvalNeedsSecondPerson: secondPerson });
          setStatus({ tone: 'ok', text: `Saved. Changes are recorded as ${saved.agentName || 'a team lead'}; approval ${saved.approvalNeedsSecondPerson ? 'needs a second person' : 'needs nobody else'}.` });
        } catch (err) {
          if (!(err instanceof StoreError)) throw err;
          setStatus({ tone: 'error', text: err.message });
        }
      }}
    >
      <h2 id={`${id}-h`}>Settings</h2>
      <label htmlFor={`${id}-name`}>Your name</label>
      <input id={`${id}-name`} data-testid="lead-name" maxLength={100} value={name} aria-describedby={`${id}-name-hint`} onChange={(e) => setName(e.target.value)} />
      <p id={`${id}-name-hint`} className="muted field-hint">
        Written into every version you save, approve or restore (the same name as in the panel&apos;s profile).
      </p>
      <p className="plain">
        <label>
          <input type="checkbox" data-testid="second-person" checked={secondPerson} onChange={(e) => setSecondPerson(e.target.checked)} /> Approval needs a second person
        </label>
      </p>
      <p className="muted field-hint">For the whole team: nobody approves an entry whose last change they made, and a change to an approved entry goes back to review.</p>
      <button type="submit" className="primary" data-testid="save-settings">
        Save settings
      </button>
      <StatusMessage status={status} />
    </form>
  );
}
