import type { Entry } from '../entry.ts';
import { importWarnings, type ImportDuplicate } from '../quality.ts';
import type { KnowledgeIndex } from '../search/index.ts';

/** How many of the best search matches the similarity check looks at. */
export const DUPLICATE_CANDIDATES = 30;

/**
 * Stored entries the editor's draft nearly repeats, checked while the lead types. The search
 * index (the one "try it" uses) finds the few entries that share the draft's words; the review
 * queue's own similarity (quality.ts) decides. Comparing against every entry on each pause took
 * seconds at 10k entries; a near-duplicate shares the draft's words, so it is among the best matches.
 */
export function draftDuplicates(index: KnowledgeIndex, draft: Entry): ImportDuplicate[] {
  const text = [draft.title, ...draft.questions, draft.body].join('\n');
  const { hits } = index.query([{ text, weight: 1 }], {
    limit: DUPLICATE_CANDIDATES,
    locale: draft.locale,
    filter: (e) => e.id !== draft.id && e.status !== 'archived' && e.locale === draft.locale,
  });
  const candidates = hits.flatMap((h) => index.get(h.id) ?? []);
  return importWarnings([draft], candidates).nearDuplicates.filter((d) => d.where === 'stored');
}
