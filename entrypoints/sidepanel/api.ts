import type {
  Feedback,
  ImportReportView,
  InsertOutcome,
  InsertRequest,
  KnowledgeStatus,
  LearnedPhrasingView,
  ManualHit,
  Outcome,
  RemoveLearnedRequest,
  SettingsPatchView,
  SettingsView,
  TabState,
} from '@/knowledge/messages';
import type { Entry } from '@/knowledge/entry';
import type { ImportWarnings } from '@/knowledge/quality';
import type { DeletedData } from '@/knowledge/store/retention';

export interface ApplyProgress {
  onProgress?: (done: number, total: number) => void;
  /** Aborting rolls the import back: nothing lands. */
  signal?: AbortSignal;
}

/**
 * Everything the panel asks of the browser and the background. The real one (browser-api.ts)
 * sends typed messages; tests pass a fake, so the React tree runs in jsdom.
 */
export interface PanelApi {
  /** The tab the panel follows: calls back now and whenever the active tab of its window changes. */
  followTab(onTab: (tabId: number | undefined) => void): () => void;
  onTabState(listener: (state: TabState) => void): () => void;
  getTabState(tabId: number): Promise<TabState>;
  readSelection(tabId: number): Promise<TabState>;
  insert(req: InsertRequest): Promise<InsertOutcome>;
  feedback(fb: Feedback): Promise<void>;
  search(text: string, limit: number): Promise<ManualHit[]>;
  knowledgeStatus(): Promise<KnowledgeStatus>;
  /** Calls back whenever the knowledge changed, from any view or the worker; returns the unsubscribe. */
  onKnowledgeChanged(listener: () => void): () => void;
  loadSample(): Promise<Outcome<ImportReportView>>;
  /**
   * Lands checked entries, all or none. The real one writes them to the store from the panel in
   * batches (no message carries them: 100k entries are over 100 MB), then has the worker catch up.
   */
  applyImport(entries: Entry[], progress?: ApplyProgress): Promise<Outcome<ImportReportView>>;
  /** Before applyImport: which checked entries will not be suggested, and which nearly repeat stored ones or each other. */
  checkImport(entries: Entry[]): Promise<ImportWarnings>;
  getSettings(): Promise<SettingsView>;
  saveSettings(patch: SettingsPatchView): Promise<Outcome<SettingsView>>;
  /** The phrasings the search learned from inserted answers, oldest first. */
  listLearned(): Promise<LearnedPhrasingView[]>;
  removeLearned(req: RemoveLearnedRequest): Promise<Outcome<{ removed: number }>>;
  /** "Export my events": saves this installation's events as an NDJSON file (read straight from the store); how many and the file's name. */
  downloadMyEvents(): Promise<{ events: number; fileName: string }>;
  /** "Delete all my data" (store/retention.ts deleteMyData), after the agent confirmed. */
  deleteMyData(options: { knowledge: boolean }): Promise<Outcome<DeletedData>>;
  /** Writes to the clipboard; false when the browser refused. */
  copy(text: string): Promise<boolean>;
  permissions: {
    /** Which of these match patterns are granted. */
    granted(patterns: readonly string[]): Promise<Set<string>>;
    /** Must run inside the agent's click (browsers require a user gesture). */
    request(patterns: readonly string[]): Promise<boolean>;
    remove(patterns: readonly string[]): Promise<boolean>;
  };
  syncRegistrations(): Promise<string[]>;
  /** Opens the leads' and trainers' dashboard in a tab (`section`: its hash, e.g. 'import'). */
  openDashboard(section?: string): void;
}
