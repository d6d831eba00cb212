import type { ReadFailure } from './messages.ts';

/**
 * The text "Copy a diagnosis" puts on the clipboard: the helpdesk, what was missing, the page's
 * shape, what the adapter was written against, every selector tried with its match count, and
 * version hints. Built only from the diagnosis (selectors and counts), never from page text or the
 * ticket's URL query, so it can be pasted into a bug report or shown to a lead as it is.
 */
export function formatDiagnosis(failure: ReadFailure): string {
  const d = failure.diagnosis;
  if (!d) return `Agent Assist could not read a ticket on ${failure.helpdesk}: ${failure.reason}`;
  return [
    `Agent Assist could not read a ticket on ${failure.helpdesk} (adapter ${d.adapter}).`,
    `Missing: ${failure.reason}`,
    `Page: ${d.page}`,
    `Adapter written against: ${d.writtenAgainst}`,
    'Selectors tried (elements matched):',
    ...d.probes.map((p) => `  ${p.count}\t${p.selector}`),
    'Page version hints:',
    ...d.hints.map((h) => `  ${h}`),
  ].join('\n');
}
