import { vi } from 'vitest';
import type { Entry } from '@/knowledge/entry';
import type { InsertOutcome, InsertRequest, LearnedPhrasingView, ManualHit, RemoveLearnedRequest, SettingsView, SuggestionView, TabState } from '@/knowledge/messages';
import type { PanelApi } from '@/entrypoints/sidepanel/api';

export const TAB = 42;

export function entry(id: string, title: string, body: string, extra: Partial<Entry> = {}): Entry {
  return {
    schemaVersion: 1,
    id,
    title,
    body,
    questions: [],
    tags: [],
    locale: 'en',
    status: 'approved',
    owner: 'lead@northwind.example',
    reviewBy: '2027-12-31',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    source: { format: 'csv', file: 'answers.csv', row: 3 },
    custom: {},
    ...extra,
  };
}

export const ENTRIES = [
  entry('delivery-times', 'Delivery times', 'Hi {{customer.first_name|there}}, parcels arrive in 3-5 days.\n\n{{agent.name}}'),
  entry('order-status', 'Where is my order', 'Hi {{customer.first_name}}, order {{order.number}} is on its way: {{order.tracking_url}}'),
  entry('returns', 'Returns', 'You can return items within 30 days.'),
];

export function suggestion(e: Entry, confidence: number): SuggestionView {
  return { entry: e, score: confidence * 10, confidence, matched: { title: ['order'], body: ['parcels'] }, freshness: 'fresh' };
}

export const TICKET = {
  helpdesk: 'demo',
  id: '1001',
  subject: 'Where is my order?',
  requester: { name: 'Tom Fletcher', email: 'tom@example.com' },
  latestMessage: 'I ordered last week and nothing arrived.',
  thread: [],
  tags: [],
};

export function ticketState(abstained = false): TabState {
  return {
    kind: 'ticket',
    tabId: TAB,
    ticket: TICKET,
    readAt: 1,
    readId: 'read-1',
    fromSelection: false,
    result: abstained
      ? { abstained: true, reason: 'Nothing matches well enough.', suggestions: [suggestion(ENTRIES[2]!, 0.2)] }
      : { abstained: false, suggestions: ENTRIES.map((e, i) => suggestion(e, 0.9 - i * 0.1)) },
  };
}

export const SETTINGS: SettingsView = {
  agentName: 'Ana Lima',
  agentSignature: 'Ana',
  companyName: 'Northwind',
  helpdeskDomains: [],
  genericSelectors: [],
  teamSalt: null,
  retentionDays: 180,
  pilot: { on: false, tags: [] },
};

/** Two phrasings learned for delivery-times, one for an entry deleted since. */
export function learnedRows(): LearnedPhrasingView[] {
  const at = '2026-11-20T09:30:00.000Z';
  return [
    { id: 1, entryId: 'delivery-times', entryTitle: 'Delivery times', text: 'parcel late courier', terms: ['parcel', 'late', 'courier'], who: 'Ana Lima', at, times: 1 },
    { id: 2, entryId: 'gone', text: 'voucher expired', terms: ['voucher', 'expir'], who: 'Ben', at, times: 1 },
    { id: 3, entryId: 'delivery-times', entryTitle: 'Delivery times', text: 'package still not here', terms: ['packag', 'still'], who: 'Ana Lima', at, times: 2 },
  ];
}

/** A background's learned table in memory: list and remove work on it. */
export function fakeLearned(rows = learnedRows()) {
  return {
    listLearned: vi.fn(async () => rows.map((r) => ({ ...r }))),
    removeLearned: vi.fn(async (req: RemoveLearnedRequest) => {
      const before = rows.length;
      rows = rows.filter((r) => (req.kind === 'one' ? r.id !== req.id : r.entryId !== req.entryId));
      return { ok: true as const, value: { removed: before - rows.length } };
    }),
  };
}

export function fakeApi(state: TabState, overrides: Partial<PanelApi> = {}) {
  let push: ((s: TabState) => void) | undefined;
  let knowledgeChanged: (() => void) | undefined;
  const base = {
    followTab: (onTab: (id: number | undefined) => void) => {
      onTab(TAB);
      return () => undefined;
    },
    onTabState: (l: (s: TabState) => void) => {
      push = l;
      return () => undefined;
    },
    getTabState: vi.fn(async () => state),
    readSelection: vi.fn(async () => state),
    insert: vi.fn(async (_req: InsertRequest): Promise<InsertOutcome> => ({ ok: true, method: 'value-setter' })),
    feedback: vi.fn(async () => undefined),
    search: vi.fn(async (text: string): Promise<ManualHit[]> =>
      ENTRIES.filter((e) => e.title.toLowerCase().includes(text.toLowerCase().slice(0, 3))).map((e) => ({ entry: e, score: 1, matched: { title: [text] }, freshness: 'fresh' })),
    ),
    knowledgeStatus: vi.fn(async () => ({ total: 3, suggestable: 3 })),
    onKnowledgeChanged: (l: () => void) => {
      knowledgeChanged = l;
      return () => (knowledgeChanged = undefined);
    },
    loadSample: vi.fn(async () => ({ ok: true as const, value: { added: ['a'], updated: [], unchanged: [] } })),
    getSettings: vi.fn(async () => SETTINGS),
    saveSettings: vi.fn(async () => ({ ok: true as const, value: SETTINGS })),
    ...fakeLearned(),
    downloadMyEvents: vi.fn(async () => ({ events: 12, fileName: 'agent-assist-events-1a2b3c4d-2026-12-02.ndjson' })),
    deleteMyData: vi.fn(async (_o: { knowledge: boolean }) => ({ ok: true as const, value: { events: 12, learned: 3, entries: 0 } })),
    copy: vi.fn(async () => true),
    permissions: { granted: vi.fn(async () => new Set<string>()), request: vi.fn(async () => true), remove: vi.fn(async () => true) },
    syncRegistrations: vi.fn(async () => []),
    openDashboard: vi.fn(),
  } satisfies PanelApi;
  // Overrides replace a fake with a plain function; the mocks' types stay for the tests that read them.
  const api = Object.assign(base, overrides) as typeof base;
  return { api, push: (s: TabState) => push?.(s), knowledgeChanged: () => knowledgeChanged?.() };
}
