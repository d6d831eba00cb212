import { vi } from 'vitest';
import type { Ticket } from '@/knowledge/ticket';
import type { InsertOutcome, ReadReply, ReadStamp, TabState } from '@/knowledge/messages';
import { openKnowledgeDb, type KnowledgeDb } from '@/knowledge/store';
import type { BackgroundDeps } from '@/entrypoints/background/deps';
import { dexieKnowledgeSource } from '@/entrypoints/background/index-cache';
import { KnowledgeHolder, type KnowledgeSource } from '@/entrypoints/background/knowledge-holder';
import { loadSamplePack } from '@/entrypoints/background/sample';
import { sessionShownReads, type SessionArea } from '@/entrypoints/background/shown-reads';
import { TabStates } from '@/entrypoints/background/tab-states';
import samples from '@/knowledge/sample/tickets.json';

export const DAY = '2026-11-23';
/** makeDeps' clock starts here. */
export const START = 1_000_000;
let n = 0;
let reads = 0;

/** A content script's read of a ticket: at `at` (default: makeDeps' start time), with a new read id. */
export function read(at = START): ReadStamp {
  return { readAt: at, readId: `read-${++reads}` };
}

/** storage.session as a plain map: shared by two makeDeps calls, it outlives a "worker restart". */
export function memorySession(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (key) => void data.delete(key),
  };
}

export function sampleTickets(): { ticket: Ticket; expected: string }[] {
  return samples as { ticket: Ticket; expected: string }[];
}

export function sampleTicket(i = 0): { ticket: Ticket; expected: string } {
  const s = (samples as { ticket: Ticket; expected: string }[])[i]!;
  return { ticket: s.ticket, expected: s.expected };
}

export function holderFor(db: KnowledgeDb): KnowledgeHolder {
  return new KnowledgeHolder(dexieKnowledgeSource(db));
}

export interface FakeContent {
  readAgain: ReturnType<typeof vi.fn<(tabId: number) => Promise<void>>>;
  readSelection: ReturnType<typeof vi.fn<(tabId: number) => Promise<ReadReply>>>;
  insert: ReturnType<typeof vi.fn<(tabId: number, text: string, html?: string) => Promise<InsertOutcome>>>;
}

/** Background deps over a fresh fake-indexeddb database; the content link and clock are fakes. */
export function makeDeps(overrides: Partial<BackgroundDeps> = {}, dbName = `bg-test-${n++}-${Math.random()}`) {
  const db = openKnowledgeDb(dbName);
  const content: FakeContent = {
    readAgain: vi.fn(async () => undefined),
    readSelection: vi.fn(async (): Promise<ReadReply> => ({ kind: 'empty', reason: 'no text selected' })),
    insert: vi.fn(async (): Promise<InsertOutcome> => ({ ok: true, method: 'value-setter' })),
  };
  const notified: TabState[] = [];
  let clock = START;
  const deps: BackgroundDeps = {
    db,
    holder: holderFor(db),
    tabs: new TabStates(),
    shownReads: sessionShownReads(memorySession()),
    content,
    inject: vi.fn(async () => undefined),
    notifyPanel: (s) => notified.push(s),
    syncRegistrations: async () => [],
    samplePack: loadSamplePack,
    now: () => clock,
    day: () => DAY,
    ...overrides,
  };
  return { deps, db, content, notified, advance: (ms: number) => (clock += ms) };
}

/**
 * The worker's real source over `db`, counting what it reads: whole snapshots (a build), entries
 * read back by the change-log catch-up, and entries read to show.
 */
export function countedSource(db: KnowledgeDb) {
  const real = dexieKnowledgeSource(db);
  const reads = { snapshots: 0, caughtUp: 0, shown: 0 };
  const source: KnowledgeSource = {
    ...real,
    snapshot: () => (reads.snapshots++, real.snapshot()),
    changedSince: async (seq) => {
      const since = await real.changedSince(seq);
      reads.caughtUp += since?.changed.size ?? 0;
      return since;
    },
    entries: (ids) => ((reads.shown += ids.length), real.entries(ids)),
  };
  return { source, reads };
}
