import { useEffect, useRef, useState } from 'react';

/**
 * The dashboard's sections, addressed by the URL's hash so a link, the back button and a reload
 * land where the lead was: `#knowledge`, `#import`, `#settings`, `#entry/<id>` (the entry
 * editor), `#entry/new` (a new entry; an entry whose id is "new" is `#entry/%6Eew`).
 */
export type Route = { section: 'knowledge' } | { section: 'import' } | { section: 'settings' } | { section: 'entry'; id: string } | { section: 'new-entry' };

export const SECTIONS = [
  { section: 'knowledge', label: 'Knowledge' },
  { section: 'import', label: 'Import' },
  { section: 'settings', label: 'Settings' },
] as const satisfies readonly { section: Route['section']; label: string }[];

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [head, ...rest] = raw.split('/');
  if (head === 'import') return { section: 'import' };
  if (head === 'settings') return { section: 'settings' };
  if (head === 'entry' && rest.length) {
    if (rest.join('/') === 'new') return { section: 'new-entry' };
    try {
      return { section: 'entry', id: decodeURIComponent(rest.join('/')) };
    } catch {
      return { section: 'knowledge' };
    }
  }
  return { section: 'knowledge' };
}

export function routeHash(route: Route): string {
  if (route.section === 'new-entry') return '#entry/new';
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
