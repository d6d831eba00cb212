import type { Entry } from '@/knowledge/entry';
import type { LanguageFallback, MatchedTerms, SettingsView, TabState } from '@/knowledge/messages';
import { fillPlaceholders, valuesFromTicket, type Filled, type PlaceholderValues } from '@/knowledge/placeholders';

/** An answer the agent opened: from the suggestions or from the manual search. */
export interface Chosen {
  entry: Entry;
  matched: MatchedTerms;
  freshness: 'fresh' | 'due-soon' | 'stale' | 'no-review-date';
  confidence?: number;
  fallback?: LanguageFallback;
  rank: number;
  from: 'suggestion' | 'search';
}

/** Placeholder values from the agent's profile (settings). */
export function profileValues(s: Pick<SettingsView, 'agentName' | 'agentSignature' | 'companyName'> | undefined): PlaceholderValues {
  const out: PlaceholderValues = {};
  const name = s?.agentName.trim() ?? '';
  if (name) {
    out['agent.name'] = name;
    out['agent.first_name'] = name.split(/\s+/)[0]!;
  }
  if (s?.agentSignature.trim()) out['agent.signature'] = s.agentSignature;
  if (s?.companyName.trim()) out['company.name'] = s.companyName.trim();
  return out;
}

/** What the page and the profile fill, before the agent types anything. */
export function knownValues(state: TabState | undefined, settings: SettingsView | undefined): PlaceholderValues {
  const fromTicket = state?.kind === 'ticket' ? valuesFromTicket(state.ticket) : {};
  return { ...fromTicket, ...profileValues(settings) };
}

export interface Draft {
  /** The answer as suggested: known values filled; agent-only placeholders still as written. */
  suggested: string;
  /** What Insert would put in the reply box now. */
  final: Filled;
  /** Placeholders the agent has to type (stay listed while being typed into). */
  needed: Filled['unresolved'];
  /** The suggestion with every value filled but none of the agent's edits: the edit ratio's baseline. */
  baseline: string;
}

export function draft(entry: Entry, known: PlaceholderValues, typed: PlaceholderValues, edited: string | null): Draft {
  const suggested = fillPlaceholders(entry.body, known).text;
  const all = { ...known, ...typed };
  const final = fillPlaceholders(edited ?? suggested, all);
  const needed = fillPlaceholders(edited ?? suggested, known).unresolved;
  return { suggested, final, needed, baseline: edited === null ? final.text : fillPlaceholders(suggested, all).text };
}
