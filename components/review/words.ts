import type { FindingKind } from '@/knowledge/quality/findings';

/** Each finding kind as the queue names it. */
export const KIND_LABELS: Record<FindingKind, string> = {
  duplicate: 'Near duplicate',
  shared_question: 'Shared example question',
  flagged: 'Flagged as outdated',
  overdue: 'Overdue for review',
  due_soon: 'Due for review soon',
  most_rejected: 'Often rejected',
  revision: "Agents' edit to adopt",
  no_owner: 'No owner',
  never_suggested: 'Never suggested',
  archive_unused: 'Unused and overdue',
};
