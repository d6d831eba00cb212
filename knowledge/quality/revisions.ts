import type { EditHunk } from '../edits.ts';
import type { Entry } from '../entry.ts';
import type { StoredEvent } from '../events.ts';
import { millis } from '../list.ts';

/**
 * Agents' edits proposed as revisions: when agents change an answer before inserting it (edit
 * ratio at least EDIT_RATIO_MIN in at least EDITED_INSERTS_MIN inserts since the entry last
 * changed), the typical edit is offered to the owner. The typical edit is every change (hunk)
 * that at least half of those inserts made, applied to the entry's body where it can be found
 * there exactly once.
 */
export const EDIT_RATIO_MIN = 0.2;
export const EDITED_INSERTS_MIN = 3;

export interface TypicalHunk extends EditHunk {
  /** Of the edited inserts, how many made this change. */
  inserts: number;
}

export interface RevisionProposal {
  entryId: string;
  /** The version the proposal was made against: accepting refuses when the entry changed since. */
  baseVersion: number;
  /** Inserts since the entry's last change, and how many of them were edited by EDIT_RATIO_MIN or more. */
  inserts: number;
  edited: number;
  meanEditRatio: number;
  /** Changes at least half of the edited inserts made, redacted as stored. */
  typical: TypicalHunk[];
  /** The body with every typical change that could be placed; undefined when none could. */
  body?: string;
  /** Typical changes left out of `body`: not found exactly once in it, or holding redacted personal data. */
  skipped: { hunk: TypicalHunk; why: 'not_found' | 'ambiguous' | 'personal_data' }[];
  /** Stable for the same typical edit: what a dismissal remembers. */
  digest: string;
}

/** A proposal for every entry agents edit often enough; entries without one are left out. */
export function proposeRevisions(entries: readonly Entry[], events: readonly StoredEvent[]): RevisionProposal[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const inserts = new Map<string, Extract<StoredEvent, { type: 'inserted' }>[]>();
  for (const ev of events) {
    if (ev.type !== 'inserted') continue;
    const entry = byId.get(ev.entryId);
    // An edit made before the entry last changed may be answered by that change.
    if (!entry || millis(ev.at) <= Date.parse(entry.updatedAt)) continue;
    const list = inserts.get(ev.entryId) ?? [];
    if (list.length === 0) inserts.set(ev.entryId, list);
    list.push(ev);
  }
  const out: RevisionProposal[] = [];
  for (const [id, list] of inserts) {
    const proposal = propose(byId.get(id)!, list);
    if (proposal) out.push(proposal);
  }
  return out.sort((a, b) => b.edited - a.edited || (a.entryId < b.entryId ? -1 : 1));
}

function propose(entry: Entry, inserts: Extract<StoredEvent, { type: 'inserted' }>[]): RevisionProposal | undefined {
  const edited = inserts.filter((ev) => ev.editRatio >= EDIT_RATIO_MIN);
  if (edited.length < EDITED_INSERTS_MIN) return undefined;
  const counts = new Map<string, TypicalHunk>();
  for (const ev of edited) {
    // One insert counts once per change, however often it made it.
    const seen = new Set<string>();
    for (const h of ev.edits ?? []) {
      const key = hunkKey(h);
      if (seen.has(key)) continue;
      seen.add(key);
      const found = counts.get(key);
      if (found) found.inserts++;
      else counts.set(key, { ...h, inserts: 1 });
    }
  }
  const needed = Math.max(2, Math.ceil(edited.length / 2));
  const typical = [...counts.values()].filter((h) => h.inserts >= needed).sort((a, b) => b.inserts - a.inserts);
  const { body, skipped } = applyHunks(entry.body, typical);
  return {
    entryId: entry.id,
    baseVersion: entry.version,
    inserts: inserts.length,
    edited: edited.length,
    meanEditRatio: edited.reduce((s, ev) => s + ev.editRatio, 0) / edited.length,
    typical,
    ...(body !== undefined ? { body } : {}),
    skipped,
    digest: digest(typical.map(hunkKey).sort().join('\u0001')),
  };
}

/** The change itself, spacing set aside: the same edit by two agents has the same key, whatever its context. */
function hunkKey(h: EditHunk): string {
  const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
  return `${squeeze(h.removed)}\u0000${squeeze(h.added)}`;
}

/**
 * Places each change in the body: the removed text (or, for an addition, its context) must occur
 * exactly once, alone or with its context around it. Changes holding a redacted token ([name],
 * [phone], ...) are never placed: the body would say "[name]".
 */
export function applyHunks(body: string, hunks: readonly TypicalHunk[]): { body?: string; skipped: RevisionProposal['skipped'] } {
  const skipped: RevisionProposal['skipped'] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const hunk of hunks) {
    if (hasToken(hunk.added) || hasToken(hunk.removed)) {
      skipped.push({ hunk, why: 'personal_data' });
      continue;
    }
    const at = locate(body, hunk);
    if (typeof at === 'string') {
      skipped.push({ hunk, why: at });
      continue;
    }
    if (edits.some((e) => at.start < e.end && e.start < at.end)) {
      skipped.push({ hunk, why: 'ambiguous' });
      continue;
    }
    edits.push({ ...at, text: hunk.added });
  }
  if (edits.length === 0) return { skipped };
  let out = body;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { body: out, skipped };
}

function locate(body: string, h: EditHunk): { start: number; end: number } | 'not_found' | 'ambiguous' {
  if (h.removed) {
    const tries = [`${h.before}${h.removed}${h.after}`, `${h.before}${h.removed}`, `${h.removed}${h.after}`, h.removed];
    const offsets = [h.before.length, h.before.length, 0, 0];
    return firstUnique(body, tries, offsets, h.removed.length);
  }
  const tries = [`${h.before}${h.after}`, h.before, h.after].filter((t) => t.trim() !== '');
  const offsets = tries.map((t) => (t === h.after ? 0 : h.before.length));
  return firstUnique(body, tries, offsets, 0);
}

/** The first candidate text found exactly once; ambiguous when only repeated ones were found. */
function firstUnique(body: string, texts: string[], offsets: number[], length: number): { start: number; end: number } | 'not_found' | 'ambiguous' {
  let repeated = false;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (!text) continue;
    const first = body.indexOf(text);
    if (first === -1) continue;
    if (body.indexOf(text, first + 1) !== -1) {
      repeated = true;
      continue;
    }
    const start = first + offsets[i]!;
    return { start, end: start + length };
  }
  return repeated ? 'ambiguous' : 'not_found';
}

/** The tokens knowledge/redact.ts writes (written out here: importing the redactor brings libphonenumber's metadata to the page). */
const REDACTED = /\[(?:email|phone|card|iban|address|name)\]/;

function hasToken(text: string): boolean {
  return REDACTED.test(text);
}

/** FNV-1a, hex: a short stable name for a text (not a secret). */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A change in words, widened to whole words ("4" -> "5" inside "£4.95" reads "£4.95" → "£5.95"),
 * Markdown emphasis left out, long additions cut.
 */
export function describeChange(h: EditHunk): string {
  const left = /\S*\s*$/.exec(h.before)![0];
  const right = /^\s*\S*/.exec(h.after)![0];
  const plain = (s: string) => s.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
  if (!h.removed.trim() && h.added.trim().length > 30) return `added "${cut(plain(h.added))}"`;
  return `"${cut(plain(left + h.removed + right))}" → "${cut(plain(left + h.added + right))}"`;
}
