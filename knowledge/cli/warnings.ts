import type { NotSuggestedReason } from '../entry.ts';
import type { ImportWarnings } from '../quality.ts';

const REASONS: { reason: NotSuggestedReason; words: (day: string, n: number) => string }[] = [
  { reason: 'draft', words: (_day, n) => (n === 1 ? 'draft' : 'drafts') },
  { reason: 'in_review', words: () => 'in review' },
  { reason: 'archived', words: () => 'archived' },
  { reason: 'overdue', words: (day) => `overdue (review date before ${day})` },
];

/**
 * What validate and import say besides the problems: entries that will never be suggested as
 * they are, counted by reason and each named, and near-duplicate pairs (a lead runs this in a
 * pipeline and wants every id, so nothing is cut short).
 */
export function describeWarnings(warnings: ImportWarnings, total: number, day: string): string[] {
  const lines: string[] = [];
  const hidden = warnings.notSuggested;
  if (hidden.length > 0) {
    const byReason = REASONS.map(({ reason, words }) => {
      const ids = hidden.filter((n) => n.reasons.includes(reason)).map((n) => n.id);
      return { words: words(day, ids.length), ids };
    }).filter((r) => r.ids.length > 0);
    const counts = byReason.map((r) => `${r.ids.length} ${r.words}`).join(', ');
    // every entry withheld: agents would get nothing from this knowledge, say so plainly first
    if (hidden.length === total) lines.push(`warning: no entry here can be suggested to agents (${counts}): approve them or move their review dates.`);
    else lines.push(`warning: ${hidden.length} of ${total} ${total === 1 ? 'entry' : 'entries'} will not be suggested to agents: ${counts}.`);
    for (const r of byReason) lines.push(`  ${r.words}: ${r.ids.join(', ')}`);
  }
  const dups = warnings.nearDuplicates;
  if (dups.length > 0) {
    lines.push(`warning: ${dups.length} possible near-${dups.length === 1 ? 'duplicate' : 'duplicates'}:`);
    for (const d of dups) lines.push(`  ${d.id} ${d.exact ? 'repeats' : 'resembles'} ${d.of} (${Math.round(d.similarity * 100)}%)`);
  }
  return lines;
}
