import { useEffect, useRef, useState } from 'react';
import type { TabState } from '@/knowledge/messages';
import type { Status } from '@/components/status/StatusMessage';

/** The ticket shown: tab, helpdesk and ticket id (the read, for a ticket without an id); undefined when none is. */
function shownTicket(state: TabState | undefined): string | undefined {
  if (state?.kind !== 'ticket') return undefined;
  return `${state.tabId}|${state.ticket.helpdesk}|${state.ticket.id || state.readId}`;
}

/**
 * The panel's status line. "Inserted at your cursor…" or "Flagged…" is about the ticket shown when
 * it was said: it clears when the panel follows another tab or leaves that ticket, so it never
 * stands beside another customer's ticket. A re-read of the same ticket (a new message, a draft
 * saved) keeps it.
 */
export function useStatus(tabId: number | undefined, state: TabState | undefined) {
  const [status, setStatus] = useState<Status | null>(null);
  const ticket = shownTicket(state);
  const shown = useRef({ tabId, ticket });
  useEffect(() => {
    const before = shown.current;
    shown.current = { tabId, ticket };
    const otherTab = before.tabId !== undefined && before.tabId !== tabId;
    const leftTicket = before.ticket !== undefined && before.ticket !== ticket;
    if (otherTab || leftTicket) setStatus(null);
  }, [tabId, ticket]);
  return [status, setStatus] as const;
}
