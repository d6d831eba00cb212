import { useEffect, useRef, useState } from 'react';

/**
 * The dashboard's sections, addressed by the URL's hash so a link, the back button and a reload
 * land where the lead was: `#knowledge`, `#review`, `#import`, `#settings`, `#entry/<id>` (the entry
 * editor), `#entry/new` (a new entry; an entry whose id is "new" is `#entry/%6Eew`),
 * `#entry/new?title=…&questions=…&questions=…&tags=…` (a new entry prefilled, e.g. from a gap topic
 * of the Reports section), `#reports`.
 */
export type Route =
  | { section: 'knowledge' }
  | { section: 'review' }
  | { section: 'import' }
  | { section: 'settings' }
  | { section: 'reports' }
  | { section: 'entry'; id: string }
  | { section: 'new-entry'; prefill?: EntryPrefill };

/** What a link may fill a new entry's form with: the editor starts from it, nothing is saved until the lead saves. */
export interface EntryPrefill {
  title?: string;
  questions?: string[];
  tags?: string[];
}

export const SECTIONS = [
  { section: 'knowledge', label: 'Knowledge' },
  { section: 'review', label: 'Review queue' },
  { section: 'import', label: 'Import' },
  { section: 'settings', label: 'Settings' },
  { section: 'reports', label: 'Reports' },
] as const satisfies readonly { section: Route['section']; label: string }[];

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [head, ...rest] = raw.split('/');
  if (head === 'import') return { section: 'import' };
  if (head === 'settings') return { section: 'settings' };
  if (head === 'review') return { section: 'review' };
  if (head === 'reports') return { section: 'reports' };
  if (head === 'entry' && rest.length) {
    if (rest.join('/') === 'new') return { section: 'new-entry' };
    if (rest.join('/').startsWith('new?')) return { section: 'new-entry', prefill: prefillOf(new URLSearchParams(rest.join('/').slice(4))) };
    try {
      return { section: 'entry', id: decodeURIComponent(rest.join('/')) };
    } catch {
      return { section: 'knowledge' };
    }
  }
  return { section: 'knowledge' };
}

/** Only the fields a prefill may set, each within the entry schema's sizes. */
function prefillOf(q: URLSearchParams): EntryPrefill {
  const title = q.get('title')?.slice(0, 200);
  const questions = q.getAll('questions').map((x) => x.slice(0, 500)).filter(Boolean).slice(0, 20);
  const tags = q.getAll('tags').map((x) => x.slice(0, 64)).filter(Boolean).slice(0, 20);
  return { ...(title ? { title } : {}), ...(questions.length ? { questions } : {}), ...(tags.length ? { tags } : {}) };
}

export function routeHash(route: Route): string {
  if (route.section === 'new-entry') {
    const q = new URLSearchParams();
    if (route.prefill?.title) q.set('title', route.prefill.title);
    for (const x of route.prefill?.questions ?? []) q.append('questions', x);
    for (const x of route.prefill?.tags ?? []) q.append('tags', x);
    return q.size ? `#entry/new?${q}` : '#entry/new';
  }
  if (route.section === 'entry') return route.id === 'new' ? '#entry/%6Eew' : `#entry/${encodeURIComponent(route.id)}`;
  return `#${route.section}`;
}

let leaving: (() => boolean) | undefined;

/**
 * A page with unsaved changes asks before the route changes: `ask` returns false to stay (the
 * hash is put back). One at a time; pass undefined to stop asking.
 */
export function guardLeaving(ask: (() => boolean) | undefined): void {
  leaving = ask;
}

/** The current route, following the hash (links, back and forward). */
export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const shown = useRef(route);
  useEffect(() => {
    const onHash = () => {
      const next = parseRoute(location.hash);
      if (routeHash(next) === routeHash(shown.current)) return;
      if (leaving && !leaving()) {
        // Stay: the address shows the page still open (no new hashchange from replaceState).
        history.replaceState(history.state, '', routeHash(shown.current));
        return;
      }
      shown.current = next;
      setRoute(next);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [route, (r) => (location.hash = routeHash(r))];
}
