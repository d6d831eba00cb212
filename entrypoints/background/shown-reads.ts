/**
 * Which read of a tab's ticket has been counted as "shown" (or "no confident answer"). The tab
 * states are in memory only, so after a worker restart the tab sends the same read again
 * (getTabState asks it to): this small per-tab marker, kept in storage.session (cleared when the
 * browser closes, never written to disk, not readable by content scripts), keeps that read from
 * being counted twice. It holds a random read id, no ticket data.
 */
export interface ShownReads {
  /** True the first time this read of this tab is claimed; false for the same read again. */
  claim(tabId: number, readId: string): Promise<boolean>;
  forget(tabId: number): Promise<void>;
}

/** The part of chrome.storage.session (browser.storage.session) the markers need. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const PREFIX = 'shownRead:';

export function sessionShownReads(area: SessionArea | undefined): ShownReads {
  // The same read can arrive twice before storage answers: memory decides within one worker's life.
  const claimed = new Map<number, string>();
  return {
    async claim(tabId, readId) {
      if (claimed.get(tabId) === readId) return false;
      claimed.set(tabId, readId);
      const key = `${PREFIX}${tabId}`;
      try {
        const before = (await area!.get(key))[key];
        if (before === readId) return false;
        await area!.set({ [key]: readId });
      } catch {
        // No session storage (an old browser): counted once per worker life, as before.
      }
      return true;
    },
    async forget(tabId) {
      claimed.delete(tabId);
      try {
        await area!.remove(`${PREFIX}${tabId}`);
      } catch {
        // Nothing stored, or no session storage: nothing to forget.
      }
    },
  };
}
