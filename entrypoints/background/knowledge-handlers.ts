import { isSuggestable, type Entry } from '@/knowledge/entry';
import type { Feedback, ImportReportView, KnowledgeStatus, ManualHit, Outcome, SettingsPatchView, SettingsView } from '@/knowledge/messages';
import { applyImport, getSettings, saveSettings, StoreError, type Settings } from '@/knowledge/store';
import { recordFeedback } from './acceptance';
import type { BackgroundDeps } from './deps';
import { manualHits } from './suggestions';
import { agentOf, logAndGoOn, refreshTickets, ticketsRefreshed } from './ticket-handlers';

export const SAMPLE_WHO = 'Agent Assist sample knowledge (Northwind demo shop)';

export async function search(deps: BackgroundDeps, text: string, limit: number): Promise<ManualHit[]> {
  if (!text.trim()) return [];
  return deps.holder.using((index) => manualHits(text, index, (ids) => deps.holder.entries(ids), deps.day(), limit));
}

/**
 * Counted from the index's refs: no entry is read (100k of them took seconds). Catches up on
 * logged changes first: the panel or the dashboard asks right after it imported, so the next
 * ticket finds them. It answers once the worker is done with the change — the open tickets
 * suggested again (by whichever caller applied it: the knowledge watcher may have) and the index
 * warmed — so a ticket read right after the import does not wait behind that work.
 */
export async function knowledgeStatus(deps: BackgroundDeps): Promise<KnowledgeStatus> {
  if ((await deps.holder.changed()).length) await refreshTickets(deps);
  await ticketsRefreshed(deps);
  await deps.holder.settled();
  const index = await deps.holder.get();
  const day = deps.day();
  let suggestable = 0;
  index.forEachRef((e) => {
    if (isSuggestable(e, day)) suggestable++;
  });
  return { total: index.size, suggestable };
}

export async function loadSample(deps: BackgroundDeps): Promise<Outcome<ImportReportView>> {
  return land(deps, await deps.samplePack(), SAMPLE_WHO);
}

async function land(deps: BackgroundDeps, entries: Entry[], who: string): Promise<Outcome<ImportReportView>> {
  try {
    const report = await applyImport(deps.db, { entries, problems: [] }, who);
    const changed = [...report.added, ...report.updated];
    if (changed.length) {
      await deps.holder.changed(changed);
      await refreshTickets(deps);
    }
    return { ok: true, value: report };
  } catch (err) {
    if (err instanceof StoreError) return { ok: false, error: err.message };
    throw err;
  }
}

export function settingsView(s: Settings): SettingsView {
  return {
    agentName: s.agentName,
    agentSignature: s.agentSignature,
    companyName: s.companyName,
    helpdeskDomains: s.helpdeskDomains,
    genericSelectors: s.genericSelectors,
    teamSalt: s.teamSalt ?? null,
    retentionDays: s.retentionDays,
    pilot: s.pilot,
  };
}

export async function readSettings(deps: BackgroundDeps): Promise<SettingsView> {
  return settingsView(await getSettings(deps.db));
}

export async function writeSettings(deps: BackgroundDeps, patch: SettingsPatchView): Promise<Outcome<SettingsView>> {
  try {
    const saved = settingsView(await saveSettings(deps.db, patch));
    // Pilot mode on, off or other tags: open tickets get the suggestions it now allows.
    if (patch.pilot) await refreshTickets(deps);
    return { ok: true, value: saved };
  } catch (err) {
    if (err instanceof StoreError) return { ok: false, error: err.message };
    throw err;
  }
}

export async function feedback(deps: BackgroundDeps, fb: Feedback): Promise<{ ok: boolean }> {
  const settings = await getSettings(deps.db);
  try {
    await recordFeedback(deps.db, fb, deps.tabs.get(fb.tabId), agentOf(settings), deps.now());
    return { ok: true };
  } catch (err) {
    logAndGoOn(err);
    return { ok: false };
  }
}
