import type { Entry } from '@/knowledge/entry';
import type { InsertOutcome, InsertTarget, ReadReply, TabState } from '@/knowledge/messages';
import type { KnowledgeDb } from '@/knowledge/store';
import type { KnowledgeHolder } from './knowledge-holder';
import type { ShownReads } from './shown-reads';
import type { TabStates } from './tab-states';

/** Messages the background sends into a helpdesk tab (its content script). Rejects when no script answers. */
export interface ContentLink {
  readAgain(tabId: number): Promise<void>;
  readSelection(tabId: number): Promise<ReadReply>;
  insert(tabId: number, text: string, html?: string, into?: InsertTarget): Promise<InsertOutcome>;
}

/** Everything the handlers touch, passed in: the real browser in index.ts, fakes in tests. */
export interface BackgroundDeps {
  db: KnowledgeDb;
  holder: KnowledgeHolder;
  tabs: TabStates;
  /** Which ticket read each tab's "shown" was counted for: survives worker restarts. */
  shownReads: ShownReads;
  content: ContentLink;
  /** Injects the content script into a tab the agent pointed at (activeTab: command or action click). */
  inject(tabId: number): Promise<void>;
  /** Tells an open panel that a tab's state changed. Never throws. */
  notifyPanel(state: TabState): void;
  syncRegistrations(): Promise<string[]>;
  samplePack(): Promise<Entry[]>;
  now(): number;
  /** Today as YYYY-MM-DD (isSuggestable, freshness). */
  day(): string;
}
