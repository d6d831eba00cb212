import type { ManualHit, SettingsView } from '@/knowledge/messages';
import type { KnowledgeDb } from '@/knowledge/store/db';
import type { ReportsEngine } from './report-engine';

/**
 * Everything the dashboard asks of the browser and the background. The dashboard is an extension
 * page: it reads and writes the knowledge store (IndexedDB) itself, as the panel's import does,
 * and asks the worker only for what the worker owns (its search index, the settings it guards).
 * The real one is browser-api.ts; tests pass one over fake-indexeddb, so sections run in jsdom.
 */
export interface DashboardApi {
  /** The knowledge store (the same IndexedDB as the worker's). */
  db: KnowledgeDb;
  getSettings(): Promise<SettingsView>;
  /**
   * The name versions are written under: the lead's name from Settings (else a plain fallback),
   * with where the change was made ("dashboard" unless said, e.g. "import in the dashboard").
   */
  who(where?: string): Promise<string>;
  /** The agents' own search (the worker's index), so the list finds what agents find. */
  search(text: string, limit: number): Promise<ManualHit[]>;
  /** After a write to the entries: the worker applies the logged change now, and every view hears of it. */
  knowledgeWritten(): Promise<void>;
  /** Calls back whenever the knowledge changed, from any page or the worker; returns the unsubscribe. */
  onKnowledgeChanged(listener: () => void): () => void;
  /** Offers text as a file download (exports, CSV of a table). */
  download(fileName: string, text: string, type: string): void;
  /** Reads and counts the events off the page's thread (a Web Worker); without it, the Reports section counts in the page. */
  reports?(): ReportsEngine;
}

/** The name written into versions when Settings has none. */
export const UNNAMED_LEAD = 'a team lead';

export function leadName(settings: Pick<SettingsView, 'agentName'>, where = 'dashboard'): string {
  return `${settings.agentName.trim().slice(0, 100) || UNNAMED_LEAD} (${where})`;
}
