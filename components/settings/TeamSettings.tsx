import { useEffect, useId, useState } from 'react';
import type { SettingsPatchView, SettingsView } from '@/knowledge/messages';

type Team = Pick<SettingsView, 'teamSalt' | 'retentionDays' | 'pilot'>;

/** 32 random hex characters: what "Generate" offers a trainer to hand out. */
function randomSalt(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * What a trainer sets for the whole team: the shared ticket salt (the same ticket hashes the same on
 * every machine), pilot mode (suggestions only for 3–5 tags) and how long events are kept. The
 * store validates; its message names the field.
 */
export function TeamSettings({ settings, onSave }: { settings: Team; onSave: (patch: SettingsPatchView) => void }) {
  const id = useId();
  const [salt, setSalt] = useState(settings.teamSalt ?? '');
  const [pilotOn, setPilotOn] = useState(settings.pilot.on);
  const [tags, setTags] = useState(settings.pilot.tags.join(', '));
  const [days, setDays] = useState(String(settings.retentionDays));
  useEffect(() => {
    setSalt(settings.teamSalt ?? '');
    setPilotOn(settings.pilot.on);
    setTags(settings.pilot.tags.join(', '));
    setDays(String(settings.retentionDays));
  }, [settings]);
  return (
    <form
      aria-labelledby={`${id}-h`}
      data-testid="team-settings"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ teamSalt: salt.trim() ? salt.trim() : null, pilot: { on: pilotOn, tags: splitTags(tags) }, retentionDays: Number(days) });
      }}
    >
      <h3 id={`${id}-h`}>Team settings</h3>
      <p>
        <label htmlFor={`${id}-salt`}>Team salt (at least 16 characters)</label>
        <input id={`${id}-salt`} data-testid="team-salt" autoComplete="off" spellCheck={false} maxLength={200} value={salt} onChange={(e) => setSalt(e.target.value)} />{' '}
        <button type="button" onClick={() => setSalt(randomSalt())}>
          Generate
        </button>
      </p>
      <p className="muted" id={`${id}-salt-help`}>
        Every agent of the team enters the same salt: a ticket then counts once in the trainer&rsquo;s reports, whoever worked on it. Changing it
        separates later events from earlier ones. Empty: this browser&rsquo;s own salt.
      </p>
      <p>
        <input id={`${id}-pilot`} type="checkbox" data-testid="pilot-on" checked={pilotOn} onChange={(e) => setPilotOn(e.target.checked)} />{' '}
        <label htmlFor={`${id}-pilot`}>Pilot mode: suggest only entries with these tags</label>
      </p>
      <p>
        <label htmlFor={`${id}-tags`}>Pilot tags (3 to 5, separated by commas)</label>
        <input id={`${id}-tags`} data-testid="pilot-tags" placeholder="returns, shipping, refunds" value={tags} onChange={(e) => setTags(e.target.value)} />
      </p>
      <p>
        <label htmlFor={`${id}-days`}>Keep acceptance events for (days)</label>
        <input id={`${id}-days`} data-testid="retention-days" type="number" min={1} max={3650} step={1} value={days} onChange={(e) => setDays(e.target.value)} />
      </p>
      <button type="submit" data-testid="save-team">
        Save team settings
      </button>
    </form>
  );
}
