import { vi } from 'vitest';
import type { DashboardApi } from '../../entrypoints/dashboard/api.ts';
import type { SettingsView } from '../../knowledge/messages.ts';
import { freshDb } from '../store/helpers.ts';

/**
 * A dashboard API over a fresh fake-indexeddb store: sections read and write the real store code;
 * only the worker's parts (its search, the knowledge-changed broadcast, downloads) are faked.
 * `changed()` plays another view's write: every onKnowledgeChanged listener hears it.
 */
export function fakeDashboardApi(overrides: Partial<DashboardApi> = {}): DashboardApi & { changed(): void; downloads: { fileName: string; text: string }[] } {
  const listeners = new Set<() => void>();
  const downloads: { fileName: string; text: string }[] = [];
  const settings: SettingsView = {
    agentName: 'Lee Lead',
    agentSignature: '',
    companyName: 'Northwind',
  } as SettingsView;
  const api = {
    db: freshDb(),
    getSettings: vi.fn(async () => settings),
    who: vi.fn(async (where = 'dashboard') => `Lee Lead (${where})`),
    search: vi.fn(async () => []),
    knowledgeWritten: vi.fn(async () => {
      for (const l of listeners) l();
    }),
    onKnowledgeChanged(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    download: vi.fn((fileName: string, text: string) => downloads.push({ fileName, text })),
    changed: () => {
      for (const l of listeners) l();
    },
    downloads,
    ...overrides,
  };
  return api as DashboardApi & { changed(): void; downloads: typeof downloads };
}
