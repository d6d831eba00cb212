import { useEffect, useState } from 'react';

/**
 * The dashboard's sections, addressed by the URL's hash so a link, the back button and a reload
 * land where the lead was: `#knowledge`, `#import`, `#entry/<id>` (the entry editor).
 */
export type Route = { section: 'knowledge' } | { section: 'import' } | { section: 'entry'; id: string };

export const SECTIONS = [
  { section: 'knowledge', label: 'Knowledge' },
  { section: 'import', label: 'Import' },
] as const satisfies readonly { section: Route['section']; label: string }[];

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [head, ...rest] = raw.split('/');
  if (head === 'import') return { section: 'import' };
  if (head === 'entry' && rest.length) {
    try {
      return { section: 'entry', id: decodeURIComponent(rest.join('/')) };
    } catch {
      return { section: 'knowledge' };
    }
  }
  return { section: 'knowledge' };
}

export function routeHash(route: Route): string {
  return route.section === 'entry' ? `#entry/${encodeURIComponent(route.id)}` : `#${route.section}`;
}

/** The current route, following the hash (links, back and forward). */
export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [route, (r) => (location.hash = routeHash(r))];
}
