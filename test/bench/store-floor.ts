import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/**
 * The floor under an import on this machine: the same entries written with IndexedDB alone (no
 * Dexie, no checks, no search index, nothing else running), in one transaction, into a scratch
 * database of the extension's origin — entry rows with one history row each, as the store writes
 * an import, and entry rows alone. The import's own figure is measured against it: what the
 * product adds over the store it writes to. Seconds.
 */
export async function storeFloor(page: Page, files: readonly string[]): Promise<{ withHistory: number; entriesOnly: number }> {
  await page.evaluate(() => {
    (window as unknown as { benchRaw: unknown[] }).benchRaw = [];
  });
  for (const file of files) {
    const entries = (JSON.parse(await readFile(file, 'utf8')) as { entries: unknown[] }).entries;
    for (let i = 0; i < entries.length; i += 5000) {
      await page.evaluate((part) => {
        (window as unknown as { benchRaw: unknown[] }).benchRaw.push(...part);
      }, entries.slice(i, i + 5000));
    }
  }
  const withHistory = await writeAll(page, true);
  const entriesOnly = await writeAll(page, false);
  await page.evaluate(() => {
    (window as unknown as { benchRaw?: unknown[] }).benchRaw = undefined;
  });
  return { withHistory: withHistory / 1000, entriesOnly: entriesOnly / 1000 };
}

/** ms to write every entry of window.benchRaw (and a history row each) in one transaction, until it completes. */
function writeAll(page: Page, history: boolean): Promise<number> {
  // (no named helpers inside: tsx would wrap them in a __name the page does not have)
  return page.evaluate(async (history) => {
    const entries = (window as unknown as { benchRaw: { id: string; version: number }[] }).benchRaw;
    const name = `bench-store-floor-${history ? 'history' : 'entries'}`;
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = () => resolve(undefined);
    });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('entries', { keyPath: 'id' });
        r.result.createObjectStore('entryVersions', { keyPath: ['id', 'version'] });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const t0 = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['entries', 'entryVersions'], 'readwrite');
      const rows = tx.objectStore('entries');
      const versions = tx.objectStore('entryVersions');
      const at = new Date().toISOString();
      for (const e of entries) {
        rows.put(e);
        if (history) versions.add({ id: e.id, version: e.version, who: 'bench', at, change: 'imported' });
      }
      tx.oncomplete = () => resolve(undefined);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    const ms = performance.now() - t0;
    db.close();
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = () => resolve(undefined);
    });
    return ms;
  }, history);
}
