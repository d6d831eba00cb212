/**
 * The few `chrome.*` calls the tests make inside sw.evaluate()/page.evaluate() callbacks, which run
 * in the browser. Each test module declares `chrome` itself (`declare const chrome: ChromeApi`), so
 * no global leaks into the project's types.
 */
export interface ChromeApi {
  runtime: {
    getManifest(): { manifest_version: number; host_permissions?: string[]; [k: string]: unknown };
    getContexts(filter: object): Promise<{ contextType: string; documentUrl?: string }[]>;
  };
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string; active?: boolean; windowId?: number }[]>;
    /** The tab the calling page is in; undefined in a side panel (or any page that is not a tab). */
    getCurrent(): Promise<{ id?: number } | undefined>;
  };
  sidePanel: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
}
