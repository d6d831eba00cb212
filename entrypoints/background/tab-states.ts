import type { TabState } from '@/knowledge/messages';

/**
 * The latest ticket and suggestions per tab, in memory only: customer text is never written to
 * storage. When the service worker restarts the map is empty and the panel asks the tab's content
 * script to read again (see handlers.ts, getTabState).
 */
export class TabStates {
  private readonly states = new Map<number, TabState>();

  get(tabId: number): TabState | undefined {
    return this.states.get(tabId);
  }

  set(state: TabState): void {
    this.states.set(state.tabId, state);
  }

  delete(tabId: number): void {
    this.states.delete(tabId);
  }

  /** Tabs holding a ticket: their suggestions are recomputed when the knowledge changes. */
  withTickets(): Extract<TabState, { kind: 'ticket' }>[] {
    return [...this.states.values()].filter((s): s is Extract<TabState, { kind: 'ticket' }> => s.kind === 'ticket');
  }
}
