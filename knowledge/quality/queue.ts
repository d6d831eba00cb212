import { today, type Entry } from '../entry.ts';
import { REJECT_REASONS, type RejectReason, type StoredEvent } from '../events.ts';
import { DUE_SOON_DAYS, NEVER_SUGGESTED_DAYS, USE_DAYS, millis } from '../list.ts';
import { findDuplicates, sharedQuestions, type DuplicatePair } from '../quality.ts';
import { FINDING_KINDS, type Finding, type FindingKind, type FlagSummary, type Fix, type RejectionSummary } from './findings.ts';
import { describeChange, digest, proposeRevisions } from './revisions.ts';

/**
 * The review queue: everything a lead should look at, each with its reason and one-click fix
 * (knowledge/quality/findings.ts). Pure: the store loads the input (knowledge/store/review.ts),
 * `kb quality` reads files.
 */

/** "Still correct": the next review date a confirmed entry gets. */
export const REVIEW_INTERVAL_DAYS = 180;
/** Rejected at least this often (since its last change, in USE_DAYS days) to count as most rejected. */
export const REJECTIONS_MIN = 3;
export const MOST_REJECTED_MAX = 10;
/** Unused (not shown in NEVER_SUGGESTED_DAYS) and overdue for this many days: proposed for archiving. */
export const ARCHIVE_OVERDUE_DAYS = 90;
const NOTES_MAX = 5;

export interface QueueInput {
  entries: readonly Entry[];
  /** Events since queueEventsFrom(now), plus every flag (a flag stands until the entry changes). */
  events: readonly StoredEvent[];
  now?: Date;
  /** Keys of dismissed findings: left out (and counted). */
  dismissed?: ReadonlySet<string>;
  /** Who "assign to me" means: the lead's name from Settings. */
  lead?: string;
  /** When the page has scanned for duplicates already (the list's filter does). */
  duplicates?: readonly DuplicatePair[];
  /**
   * false when no events were recorded or given (a knowledge file alone, `kb quality` without
   * --events): "never suggested" and "unused" cannot be told, so those findings are left out
   * rather than naming every entry.
   */
  eventsKnown?: boolean;
}

export interface ReviewQueue {
  day: string;
  /** Every finding not dismissed: review-first ones first, then by kind (FINDING_KINDS order), most shown first. */
  findings: Finding[];
  /** Keys of overdue and flagged findings, most shown to agents in the last 30 days first. */
  reviewFirst: string[];
  counts: Record<FindingKind, number>;
  dismissed: number;
}

/** How far back the events given to reviewQueue must reach (flags: all of them). */
export function queueEventsFrom(now: Date = new Date()): string {
  return daysFrom(now, -Math.max(USE_DAYS, NEVER_SUGGESTED_DAYS)).toISOString();
}

export function reviewQueue(input: QueueInput): ReviewQueue {
  const now = input.now ?? new Date();
  const day = today(now);
  const live = input.entries.filter((e) => e.status !== 'archived');
  const use = readEvents(input.entries, input.events, now);
  const shown30 = (ids: readonly string[]) => Math.max(0, ...ids.map((id) => use.get(id)?.shown30 ?? 0));
  const all: Finding[] = [];
  const add = (f: Omit<Finding, 'shown30' | 'also'> & { also?: Fix[] }) =>
    all.push({ ...f, shown30: shown30(f.ids), also: [...(f.also ?? []), { kind: 'dismiss', label: 'Dismiss', key: f.key }] });

  const byId = new Map(input.entries.map((e) => [e.id, e]));
  const duplicates = input.duplicates ?? findDuplicates(live);
  for (const p of duplicates) {
    const a = byId.get(p.a);
    const b = byId.get(p.b);
    if (!a || !b || a.status === 'archived' || b.status === 'archived') continue;
    const [keep, other] = keeper(a, b, use);
    const how = p.translations ? `are both ${keep.locale} translations of ${keep.translationOf ?? other.translationOf}` : p.exact ? 'repeat each other word for word' : `look like duplicates (${Math.round(p.similarity * 100)}% alike)`;
    add({
      key: `duplicate:${p.a}|${p.b}`,
      kind: 'duplicate',
      ids: [keep.id, other.id],
      reason: `${keep.id} and ${other.id} ${how}: agents see two answers to one question, and one of them goes stale unnoticed.`,
      fix: { kind: 'merge', label: `Keep ${keep.id}, add the questions of ${other.id} to it and archive ${other.id}`, keep: keep.id, archive: [other.id] },
      also: [
        { kind: 'edit', label: `Edit ${keep.id}`, id: keep.id },
        { kind: 'edit', label: `Edit ${other.id}`, id: other.id },
      ],
      similarity: p.similarity,
    });
  }

  for (const s of sharedQuestions(live)) {
    // The entry agents are shown most keeps the question; the others give it up.
    const ranked = [...s.ids].sort((x, y) => (use.get(y)?.shown30 ?? 0) - (use.get(x)?.shown30 ?? 0) || (x < y ? -1 : 1));
    const [keep, ...others] = ranked as [string, ...string[]];
    add({
      key: `shared_question:${s.locale}:${s.question.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim()}:${s.ids.join('|')}`,
      kind: 'shared_question',
      ids: ranked,
      reason: `"${s.question}" is an example question of ${listed(ranked)}: search cannot tell them apart for it.`,
      fix: { kind: 'remove_question', label: `Remove it from ${others[0]}`, id: others[0]!, question: questionOf(byId.get(others[0]!)!, s.question) },
      also: [...others.slice(1).map((id): Fix => ({ kind: 'remove_question', label: `Remove it from ${id}`, id, question: questionOf(byId.get(id)!, s.question) })), { kind: 'remove_question', label: `Remove it from ${keep}`, id: keep, question: questionOf(byId.get(keep)!, s.question) }],
      question: s.question,
    });
  }

  const confirm = (e: Entry): Fix => {
    const next = today(daysFrom(now, REVIEW_INTERVAL_DAYS));
    return { kind: 'bulk', label: `Still correct: next review on ${next}`, ids: [e.id], action: { kind: 'set_review_date', reviewBy: next } };
  };
  const soon = today(daysFrom(now, DUE_SOON_DAYS));
  const archiveBefore = today(daysFrom(now, -ARCHIVE_OVERDUE_DAYS));
  const unusedOverdue: string[] = [];
  const categoryOwners = ownersByCategory(input.entries);
  for (const e of live) {
    const u = use.get(e.id);
    const shownWords = u?.shown30 ? ` Agents were shown it ${times(u.shown30)} in the last ${USE_DAYS} days.` : '';
    if (e.reviewBy !== undefined && e.reviewBy < day) {
      add({
        key: `overdue:${e.id}:${e.reviewBy}`,
        kind: 'overdue',
        ids: [e.id],
        reason: `${e.id} is overdue: its review date ${e.reviewBy} has passed, so agents are not shown it until it is reviewed.${shownWords}`,
        fix: confirm(e),
        also: [{ kind: 'edit', label: 'Edit', id: e.id }, archive([e.id])],
        reviewBy: e.reviewBy,
      });
      if (input.eventsKnown !== false && e.reviewBy < archiveBefore && !u?.shown90) unusedOverdue.push(e.id);
    } else if (e.reviewBy !== undefined && e.reviewBy <= soon) {
      add({
        key: `due_soon:${e.id}:${e.reviewBy}`,
        kind: 'due_soon',
        ids: [e.id],
        reason: `${e.id} is due for review on ${e.reviewBy}; after that day agents are no longer shown it.${shownWords}`,
        fix: confirm(e),
        also: [{ kind: 'edit', label: 'Edit', id: e.id }],
        reviewBy: e.reviewBy,
      });
    }
    if (e.owner.trim() === '') {
      const owner = (e.tags[0] !== undefined ? categoryOwners.get(e.tags[0]) : undefined) ?? input.lead?.trim();
      add({
        key: `no_owner:${e.id}`,
        kind: 'no_owner',
        ids: [e.id],
        reason: `${e.id} has no owner: nobody is asked to review it, and agents' flags reach no one.`,
        fix: owner ? { kind: 'bulk', label: `Assign to ${owner}`, ids: [e.id], action: { kind: 'assign_owner', owner } } : { kind: 'edit', label: 'Choose an owner', id: e.id },
      });
    }
    const suggestable = e.status === 'approved' && (e.reviewBy === undefined || e.reviewBy >= day);
    if (input.eventsKnown !== false && suggestable && !u?.shown90 && Date.parse(e.createdAt) <= daysFrom(now, -NEVER_SUGGESTED_DAYS).getTime()) {
      add({
        key: `never_suggested:${e.id}`,
        kind: 'never_suggested',
        ids: [e.id],
        reason: `${e.id} was not suggested to any agent in ${NEVER_SUGGESTED_DAYS} days: customers may ask it in other words (add example questions), or it is no longer needed.`,
        fix: { kind: 'edit', label: 'Add example questions', id: e.id },
        also: [archive([e.id])],
      });
    }
    const flags = u?.flags;
    if (flags && flags.total > 0) {
      const notes = flags.notes.length ? ` Notes: ${flags.notes.map((n) => `"${n.note}"`).join('; ')}.` : '';
      add({
        key: `flagged:${e.id}:${flags.last}`,
        kind: 'flagged',
        ids: [e.id],
        reason: `Agents flagged ${e.id} as outdated ${times(flags.total)} since its last change (last on ${flags.last.slice(0, 10)}).${notes}`,
        fix: { kind: 'edit', label: 'Edit', id: e.id },
        also: [{ kind: 'bulk', label: 'Send to review', ids: [e.id], action: { kind: 'send_to_review' } }],
        flags,
      });
    }
  }
  if (unusedOverdue.length > 0) {
    add({
      key: `archive_unused:${digest(unusedOverdue.join('|'))}`,
      kind: 'archive_unused',
      ids: unusedOverdue,
      reason: `${unusedOverdue.length} ${unusedOverdue.length === 1 ? 'entry is' : 'entries are'} overdue for more than ${ARCHIVE_OVERDUE_DAYS} days and not shown to agents in ${NEVER_SUGGESTED_DAYS} days: archive ${unusedOverdue.length === 1 ? 'it' : 'them'}? (${listed(unusedOverdue)})`,
      fix: archive(unusedOverdue),
    });
  }

  const rejected = live.filter((e) => (use.get(e.id)?.rejections.total ?? 0) >= REJECTIONS_MIN);
  rejected.sort((a, b) => use.get(b.id)!.rejections.total - use.get(a.id)!.rejections.total || (a.id < b.id ? -1 : 1));
  for (const e of rejected.slice(0, MOST_REJECTED_MAX)) {
    const r = use.get(e.id)!.rejections;
    const reasons = r.byReason.map((x) => `${REASON_WORDS[x.reason]} ${x.count}`).join(', ');
    const notes = r.notes.length ? ` Notes: ${r.notes.map((n) => `"${n.note}"`).join('; ')}.` : '';
    add({
      key: `most_rejected:${e.id}:${e.version}`,
      kind: 'most_rejected',
      ids: [e.id],
      reason: `Agents rejected ${e.id} ${times(r.total)} in the last ${USE_DAYS} days${r.shown ? ` (shown ${times(r.shown)})` : ''}: ${reasons}.${notes}`,
      fix: { kind: 'edit', label: 'Edit', id: e.id },
      also: [{ kind: 'bulk', label: 'Send to review', ids: [e.id], action: { kind: 'send_to_review' } }],
      rejections: r,
    });
  }

  for (const p of proposeRevisions(live, input.events)) {
    const share = `${p.edited} of ${p.inserts} inserts since its last change were edited by ${Math.round(p.meanEditRatio * 100)}% on average`;
    const changes = p.typical.map(describeChange);
    const entry = byId.get(p.entryId)!;
    add({
      key: `revision:${p.entryId}:${p.baseVersion}:${p.digest}`,
      kind: 'revision',
      ids: [p.entryId],
      reason:
        p.body !== undefined
          ? `Agents change ${p.entryId} before inserting it (${share}); the typical edit: ${changes.join('; ')}. Offered to ${entry.owner || 'its owner'} as a revision.`
          : `Agents change ${p.entryId} before inserting it (${share}), ${changes.length ? `but the typical edit (${changes.join('; ')}) cannot be placed in its body` : 'each in their own way'}: worth a look.`,
      fix: p.body !== undefined ? { kind: 'accept_revision', label: 'Accept the agents\u2019 edit as a new version', id: p.entryId, baseVersion: p.baseVersion, body: p.body } : { kind: 'edit', label: 'Edit', id: p.entryId },
      also: p.body !== undefined ? [{ kind: 'edit', label: 'Edit', id: p.entryId }] : [],
      revision: p,
    });
  }

  const dismissed = input.dismissed ?? new Set<string>();
  const kept = all.filter((f) => !dismissed.has(f.key));
  const first = kept.filter((f) => f.kind === 'overdue' || f.kind === 'flagged').sort((a, b) => b.shown30 - a.shown30 || order(a, b));
  const firstKeys = new Set(first.map((f) => f.key));
  const rest = kept.filter((f) => !firstKeys.has(f.key)).sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) || b.shown30 - a.shown30 || order(a, b));
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of kept) counts[f.kind]++;
  return { day, findings: [...first, ...rest], reviewFirst: first.map((f) => f.key), counts, dismissed: all.length - kept.length };
}

const REASON_WORDS: Record<RejectReason, string> = { wrong_topic: 'wrong topic', outdated: 'outdated', incomplete: 'incomplete', tone: 'tone', other: 'other' };

interface Use {
  shown30: number;
  shown90: number;
  rejections: RejectionSummary;
  flags: FlagSummary;
}

/** One pass over the events: shows, and rejections and flags since each entry's last change. */
function readEvents(entries: readonly Entry[], events: readonly StoredEvent[], now: Date): Map<string, Use> {
  const changed = new Map(entries.map((e) => [e.id, Date.parse(e.updatedAt)]));
  const from30 = daysFrom(now, -USE_DAYS).getTime();
  const from90 = daysFrom(now, -NEVER_SUGGESTED_DAYS).getTime();
  const use = new Map<string, Use>();
  const of = (id: string) => {
    let u = use.get(id);
    if (!u) use.set(id, (u = { shown30: 0, shown90: 0, rejections: { total: 0, shown: 0, byReason: [], notes: [] }, flags: { total: 0, last: '', notes: [] } }));
    return u;
  };
  const reasons = new Map<string, Map<RejectReason, number>>();
  for (const ev of events) {
    const at = millis(ev.at);
    if (ev.type === 'shown') {
      for (const s of ev.suggestions) {
        const u = of(s.entryId);
        if (at >= from90) u.shown90++;
        if (at >= from30) {
          u.shown30++;
          u.rejections.shown++;
        }
      }
      continue;
    }
    if (ev.type !== 'rejected' && ev.type !== 'flagged_outdated') continue;
    // A change answers what agents said before it.
    if (!(at > (changed.get(ev.entryId) ?? Infinity))) continue;
    const u = of(ev.entryId);
    if (ev.type === 'rejected') {
      if (at < from30) continue;
      u.rejections.total++;
      const m = reasons.get(ev.entryId) ?? new Map<RejectReason, number>();
      reasons.set(ev.entryId, m.set(ev.reason, (m.get(ev.reason) ?? 0) + 1));
      if (ev.note) u.rejections.notes.push({ at: ev.at, note: ev.note });
    } else {
      u.flags.total++;
      if (ev.at > u.flags.last) u.flags.last = ev.at;
      if (ev.note) u.flags.notes.push({ at: ev.at, note: ev.note });
    }
  }
  const newest = (notes: { at: string; note: string }[]) => notes.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, NOTES_MAX);
  for (const [id, u] of use) {
    const m = reasons.get(id);
    if (m) u.rejections.byReason = REJECT_REASONS.filter((r) => m.has(r)).map((reason) => ({ reason, count: m.get(reason)! })).sort((a, b) => b.count - a.count);
    u.rejections.notes = newest(u.rejections.notes);
    u.flags.notes = newest(u.flags.notes);
  }
  return use;
}

/** Which of two duplicates to keep: approved first, then the one agents are shown more, then the newer. */
function keeper(a: Entry & { translationOf?: string }, b: Entry & { translationOf?: string }, use: Map<string, Use>): [Entry & { translationOf?: string }, Entry & { translationOf?: string }] {
  const score = (e: Entry) => [e.status === 'approved' ? 1 : 0, use.get(e.id)?.shown30 ?? 0, Date.parse(e.updatedAt)];
  const [x, y] = [score(a), score(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! > y[i]! ? [a, b] : [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}

/** For each first tag (an entry's category), the owner of most entries of it. */
function ownersByCategory(entries: readonly Entry[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const e of entries) {
    const tag = e.tags[0];
    if (tag === undefined || !e.owner.trim()) continue;
    const m = counts.get(tag) ?? new Map<string, number>();
    counts.set(tag, m.set(e.owner, (m.get(e.owner) ?? 0) + 1));
  }
  const out = new Map<string, string>();
  for (const [tag, m] of counts) out.set(tag, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  return out;
}

/** The entry's own spelling of a shared question (sharedQuestions matches them case- and punctuation-blind). */
function questionOf(e: Entry, question: string): string {
  const key = (q: string) => q.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
  return e.questions.find((q) => key(q) === key(question)) ?? question;
}

function archive(ids: string[]): Fix {
  return { kind: 'bulk', label: ids.length === 1 ? 'Archive' : `Archive all ${ids.length}`, ids, action: { kind: 'archive' } };
}

function order(a: Finding, b: Finding): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function listed(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  const shown = ids.slice(0, 8);
  const more = ids.length > 8 ? ` and ${ids.length - 8} more` : '';
  return more ? `${shown.join(', ')}${more}` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 86_400_000);
}
