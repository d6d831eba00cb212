import { useId, useState } from 'react';
import type { SelectorsForPage } from '@/knowledge/messages';

const FIELDS = [
  ['subject', 'Subject selector', 'h1.ticket-title'],
  ['message', 'Latest customer message selector', '.thread .message:last-child'],
  ['replyBox', 'Reply box selector', 'textarea#reply'],
] as const;

/** CSS selectors per domain, for a helpdesk no adapter reads (kept as data, only passed to querySelector). */
export function SelectorsForm({ list, onSave }: { list: readonly SelectorsForPage[]; onSave: (list: SelectorsForPage[]) => void }) {
  const empty: SelectorsForPage = { domain: '', subject: '', message: '', replyBox: '' };
  const [draft, setDraft] = useState<SelectorsForPage>(empty);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Generic selectors per domain</h3>
      {list.length ? (
        <ul className="plain">
          {list.map((s) => (
            <li key={s.domain}>
              <code>{s.domain}</code>: {s.subject} / {s.message} / {s.replyBox}{' '}
              <button type="button" aria-label={`Remove selectors for ${s.domain}`} onClick={() => onSave(list.filter((x) => x.domain !== s.domain))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None saved.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave([...list.filter((x) => x.domain !== draft.domain), draft]);
          setDraft(empty);
        }}
      >
        <p>
          <label htmlFor={`${id}-domain`}>Domain (e.g. https://support.example.com)</label>
          <input id={`${id}-domain`} value={draft.domain} onChange={(e) => setDraft({ ...draft, domain: e.target.value.trim() })} />
        </p>
        {FIELDS.map(([key, label, example]) => (
          <p key={key}>
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input id={`${id}-${key}`} placeholder={example} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
          </p>
        ))}
        <button type="submit" disabled={!draft.domain || !draft.subject || !draft.message || !draft.replyBox}>
          Save selectors
        </button>
      </form>
    </section>
  );
}
