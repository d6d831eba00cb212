import { useId, useState } from 'react';

export interface HelpdeskRow {
  id: string;
  name: string;
  /** The URL patterns the browser is asked for. */
  patterns: readonly string[];
  enabled: boolean;
}

export interface HelpdeskListProps {
  hosted: readonly HelpdeskRow[];
  /** Self-hosted domains (origins) the agent added, with whether the browser granted them. */
  domains: readonly { origin: string; enabled: boolean }[];
  onToggleHosted: (id: string, on: boolean) => void;
  onAddDomain: (input: string) => void;
  onEnableDomain: (origin: string) => void;
  onRemoveDomain: (origin: string) => void;
}

/**
 * Where Agent Assist may read tickets. Every switch asks the browser for that site only, at the
 * agent's click; nothing is granted at install.
 */
export function HelpdeskList(p: HelpdeskListProps) {
  const [domain, setDomain] = useState('');
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Helpdesks</h3>
      <p className="muted">Agent Assist reads tickets only on the helpdesks you enable here. Your browser asks you to confirm each one.</p>
      <ul className="plain">
        {p.hosted.map((h) => (
          <li key={h.id}>
            <label>
              <input type="checkbox" data-testid={`helpdesk-${h.id}`} checked={h.enabled} onChange={(e) => p.onToggleHosted(h.id, e.target.checked)} /> {h.name}
            </label>{' '}
            <span className="muted">{h.patterns.join(', ')}</span>
          </li>
        ))}
      </ul>
      <h4>Self-hosted (osTicket, FreeScout, Jira Data Center, &hellip;)</h4>
      {p.domains.length ? (
        <ul className="plain" data-testid="domains">
          {p.domains.map((d) => (
            <li key={d.origin}>
              {d.origin} {d.enabled ? <span className="badge">enabled</span> : <button type="button" onClick={() => p.onEnableDomain(d.origin)}>Enable</button>}{' '}
              <button type="button" onClick={() => p.onRemoveDomain(d.origin)} aria-label={`Remove ${d.origin}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          p.onAddDomain(domain);
          setDomain('');
        }}
      >
        <label htmlFor={`${id}-domain`}>Add a domain</label>
        <input id={`${id}-domain`} data-testid="add-domain" placeholder="support.example.com" value={domain} onChange={(e) => setDomain(e.target.value)} />{' '}
        <button type="submit" disabled={!domain.trim()}>
          Add and enable
        </button>
      </form>
    </section>
  );
}
