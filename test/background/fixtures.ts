import { vi } from 'vitest';
import type { Ticket } from '@/knowledge/ticket';
import type { InsertOutcome, ReadReply, TabState } from '@/knowledge/messages';
import { openKnowledgeDb, type KnowledgeDb } from '@/knowledge/store';
import type { BackgroundDeps } from '@/entrypoints/background/deps';
import { dexieIndexCache } from '@/entrypoints/background/index-cache';
import { KnowledgeHolder } from '@/entrypoints/background/knowledge-holder';
import { loadSamplePack } from '@/entrypoints/background/sample';
import { TabStates } from '@/entrypoints/background/tab-states';
import { listEntries, listLearned } from '@/knowledge/store';
import samples from '@/knowledge/sample/tickets.json';

export const DAY = '2026-11-23';
let n = 0;

export function sampleTickets(): { ticket: Ticket; expected: string }[] {
  return samples as { ticket: Ticket; expected: string }[];
}

export function sampleTicket(i = 0): { ticket: Ticket; expected: string } {
  const s = (samples as { ticket: Ticket; expected: string }[])[i]!;
  return { ticket: s.ticket, expected: s.expected };
}

export function holderFor(db: KnowledgeDb): KnowledgeHolder {
  return new KnowledgeHolder({
    entries: () => listEntries(db),
    learned: async () => (await listLearned(db)).map(({ entryId, text, terms, at }) => ({ entryId, text, terms, at })),
    ...dexieIndexCache(db),
  });
}

export interface FakeContent {
  readAgain: ReturnType<typeof vi.fn<(tabId: number) => Promise<void>>>;
  readSelection: ReturnType<typeof vi.fn<(tabId: number) => Promise<ReadReply>>>;
  insert: ReturnType<typeof vi.fn<(tabId: number, text: string, html?: string) => Promise<InsertOutcome>>>;
}

/** Background deps over a fresh fake-indexeddb database; the content link and clock are fakes. */
export function makeDeps(overrides: Partial<BackgroundDeps> = {}) {
  const db = openKnowledgeDb(`bg-test-${n++}-${Math.random()}`);
  const content: FakeContent = {
    readAgain: vi.fn(async () => undefined),
    readSelection: vi.fn(async (): Promise<ReadReply> => ({ kind: 'empty', reason: 'no text selected' })),
    insert: vi.fn(async (): Promise<InsertOutcome> => ({ ok: true, method: 'value-setter' })),
  };
  const notified: TabState[] = [];
  let clock = 1_000_000;
  const deps: BackgroundDeps = {
    db,
    holder: holderFor(db),
    tabs: new TabStates(),
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
