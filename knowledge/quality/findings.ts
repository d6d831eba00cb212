import type { RejectReason } from '../events.ts';
import type { BulkAction } from '../store/bulk.ts';
import type { RevisionProposal } from './revisions.ts';

/**
 * One item of the lead's review queue: what is wrong in words, the entries it is about, and the
 * fix one click applies, described as data (knowledge/store/review.ts applies it; the page only
 * shows it). Every finding can also be dismissed; a dismissal is remembered by `key`.
 */
export const FINDING_KINDS = [
  'duplicate',
  'shared_question',
  'flagged',
  'overdue',
  'due_soon',
  'most_rejected',
  'revision',
  'no_owner',
  'never_suggested',
  'archive_unused',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type Fix =
  /** One of the list's bulk actions over `ids` (knowledge/store/bulk.ts), undoable like any bulk action. */
  | { kind: 'bulk'; label: string; ids: string[]; action: BulkAction }
  /** Keeps `keep`, adds the others' example questions to it and archives the others, in one transaction. */
  | { kind: 'merge'; label: string; keep: string; archive: string[] }
  /** Saves `body` as the entry's new version, refused when the entry changed since `baseVersion`. */
  | { kind: 'accept_revision'; label: string; id: string; baseVersion: number; body: string }
  /** Removes one example question from one entry (the others keep it). */
  | { kind: 'remove_question'; label: string; id: string; question: string }
  /** Nothing to apply in one click: the entry needs the lead's words; the page opens the editor. */
  | { kind: 'edit'; label: string; id: string }
  /** Hides the finding for good (until what it is about changes: see each kind's key). */
  | { kind: 'dismiss'; label: string; key: string };

export interface RejectionSummary {
  /** Rejections since the entry's last change, in the last USE_DAYS days. */
  total: number;
  shown: number;
  byReason: { reason: RejectReason; count: number }[];
  /** The latest notes (redacted when they were recorded), newest first. */
  notes: { at: string; note: string }[];
}

export interface FlagSummary {
  /** Flags since the entry's last change. */
  total: number;
  last: string;
  notes: { at: string; note: string }[];
}

export interface Finding {
  /** Stable across loads while the finding is the same one: a dismissal stores it. */
  key: string;
  kind: FindingKind;
  /** The entries it is about; for a duplicate the one to keep first. */
  ids: string[];
  /** In words, for the queue and `kb quality`. */
  reason: string;
  /** The one-click fix. */
  fix: Fix;
  /** Other fixes the lead may prefer (the editor, archiving, ...), dismiss last. */
  also: Fix[];
  /** Times agents were shown these entries in the last 30 days (the most for several). */
  shown30: number;
  /** What the page shows beside the reason, by kind. */
  similarity?: number;
  question?: string;
  rejections?: RejectionSummary;
  flags?: FlagSummary;
  revision?: RevisionProposal;
  /** For overdue and due_soon: the review date. */
  reviewBy?: string;
}

/** One line of `kb quality --format jsonl`: the finding without the page's detail objects. */
export function findingLine(f: Finding): Record<string, unknown> {
  const { kind, ids, reason, key, fix, shown30 } = f;
  return { kind, ids, reason, key, fix, shown30 };
}
