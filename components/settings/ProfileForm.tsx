import { useEffect, useId, useState } from 'react';
import type { SettingsView } from '@/knowledge/messages';

type Profile = Pick<SettingsView, 'agentName' | 'agentSignature' | 'companyName'>;

/** The agent's name, signature and company: they fill {{agent.*}} and {{company.name}}. */
export function ProfileForm({ settings, onSave }: { settings: Profile; onSave: (p: Profile) => void }) {
  const [p, setP] = useState<Profile>(settings);
  const id = useId();
  useEffect(() => setP(settings), [settings]);
  return (
    <form
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(p);
      }}
    >
      <h3 id={`${id}-h`}>Your profile</h3>
      <p>
        <label htmlFor={`${id}-name`}>Display name</label>
        <input id={`${id}-name`} data-testid="agent-name" maxLength={100} value={p.agentName} onChange={(e) => setP({ ...p, agentName: e.target.value })} />
      </p>
      <p>
        <label htmlFor={`${id}-sig`}>Signature</label>
        <textarea id={`${id}-sig`} rows={3} maxLength={2000} value={p.agentSignature} onChange={(e) => setP({ ...p, agentSignature: e.target.value })} />
      </p>
      <p>
        <label htmlFor={`${id}-company`}>Company name</label>
        <input id={`${id}-company`} maxLength={200} value={p.companyName} onChange={(e) => setP({ ...p, companyName: e.target.value })} />
      </p>
      <button type="submit" data-testid="save-profile">
        Save profile
      </button>
    </form>
  );
}
