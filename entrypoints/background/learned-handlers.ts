import type { LearnedPhrasingView, Outcome, RemoveLearnedRequest } from '@/knowledge/messages';
import { listEntries, listLearned, removeLearnedOf, removeLearnedPhrasing } from '@/knowledge/store';
import type { BackgroundDeps } from './deps';
import { refreshTickets } from './ticket-handlers';

/**
 * Every learned phrasing with its entry's title (absent when the entry is gone), oldest first.
 * Rows of one entry with the same text are one phrasing to the index: listed once, with how many.
 */
export async function learnedList(deps: BackgroundDeps): Promise<LearnedPhrasingView[]> {
  const [rows, entries] = await Promise.all([listLearned(deps.db), listEntries(deps.db)]);
  const titles = new Map(entries.map((e) => [e.id, e.title]));
  const out = new Map<string, LearnedPhrasingView>();
  for (const r of rows) {
    if (r.id === undefined) continue;
    const key = JSON.stringify([r.entryId, r.text]);
    const seen = out.get(key);
    if (seen) seen.times++;
    else out.set(key, { id: r.id, entryId: r.entryId, entryTitle: titles.get(r.entryId), text: r.text, terms: r.terms, who: r.who, at: r.at, times: 1 });
  }
  return [...out.values()];
}

/**
 * Forgets learned phrasings: the rows go, then the live index and its cache follow the table
 * (the watcher in index.ts would too, a moment later: here the suggestions are fresh before the
 * panel hears back), and open tickets get suggestions without them.
 */
export async function forgetLearned(deps: BackgroundDeps, req: RemoveLearnedRequest): Promise<Outcome<{ removed: number }>> {
  const removed = req.kind === 'one' ? Number(await removeLearnedPhrasing(deps.db, req.id)) : await removeLearnedOf(deps.db, req.entryId);
  const changed = await deps.holder.learnedChanged();
  if (changed.length) await refreshTickets(deps);
  return { ok: true, value: { removed } };
}
