import type { Entry } from './entry.ts';

type Linked = Pick<Entry, 'id' | 'locale' | 'translationGroup'>;

/**
 * Two entries of one translation group in the same locale: two answers claim to be the German
 * version of one article. This is the one duplicate check across locales: entries of different
 * locales are compared only when they are marked as translations of each other (knowledge/quality.ts
 * compares words within one locale only; words cannot be compared across languages).
 */
export interface TranslationClash {
  group: string;
  locale: string;
  /** Two or more, sorted. */
  ids: string[];
}

export function translationClashes(entries: readonly Linked[]): TranslationClash[] {
  const byKey = new Map<string, TranslationClash>();
  for (const e of entries) {
    if (!e.translationGroup) continue;
    const key = `${e.translationGroup}\u0000${e.locale}`;
    const found = byKey.get(key);
    if (found) found.ids.push(e.id);
    else byKey.set(key, { group: e.translationGroup, locale: e.locale, ids: [e.id] });
  }
  return [...byKey.values()]
    .filter((c) => c.ids.length > 1)
    .map((c) => ({ ...c, ids: [...new Set(c.ids)].sort() }))
    .filter((c) => c.ids.length > 1)
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.locale < b.locale ? -1 : 1));
}

/** The other locales of an entry's answer, by locale (none when it has no translation group). */
export function translationsOf<T extends Linked>(entry: Linked, all: readonly T[]): T[] {
  if (!entry.translationGroup) return [];
  return all.filter((e) => e.translationGroup === entry.translationGroup && e.id !== entry.id).sort((a, b) => (a.locale < b.locale ? -1 : 1));
}
