/**
 * "Copy a diagnosis" for a failed read: which selectors the adapter tried and how many elements
 * each matched, the page's shape and a few version hints, so a team lead can report the change or
 * save selectors for it. Selectors, counts, class names and file names only: never page text, so
 * no customer data leaves the page this way.
 */
import type { ReadDiagnosis } from '../../knowledge/messages';
import type { HelpdeskAdapter } from './adapter';
import { deepElements, probing } from './dom';

const MAX_PROBES = 80;

/** Host and path with numbers and anything e-mail-like masked: the page's kind, not whose ticket. */
export function pageShape(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((part) => (part.includes('@') ? '…' : part.replace(/\d+/g, '#')))
    .join('/');
  return `${url.host}${path}`.slice(0, 300);
}

/** Markup-level hints of the page's version: generator, root class names, script file names, shadow roots. */
export function versionHints(doc: Document): string[] {
  const hints: string[] = [];
  const generator = doc.querySelector('meta[name="generator"]')?.getAttribute('content');
  if (generator) hints.push(`generator: ${generator.slice(0, 100)}`);
  for (const el of [doc.documentElement, doc.body]) {
    const classes = Array.from(el?.classList ?? []).slice(0, 10).join(' ');
    if (classes) hints.push(`${el!.localName} class: ${classes.slice(0, 150)}`);
  }
  const scripts = Array.from(doc.querySelectorAll('script[src]'), (s) => (s.getAttribute('src') ?? '').split(/[?#]/)[0]!.split('/').pop() ?? '')
    .filter(Boolean)
    .slice(0, 5);
  if (scripts.length) hints.push(`scripts: ${scripts.join(' ').slice(0, 180)}`);
  let shadowRoots = 0;
  for (const el of deepElements(doc)) if (el.shadowRoot) shadowRoots++;
  hints.push(`open shadow roots: ${shadowRoots}`);
  return hints;
}

/** Reads the page again with every selector lookup recorded. */
export function diagnose(adapter: HelpdeskAdapter, doc: Document, url: URL): ReadDiagnosis {
  const { probes } = probing(() => adapter.readTicket(doc, url));
  return {
    adapter: adapter.id,
    writtenAgainst: adapter.writtenAgainst.slice(0, 500),
    page: pageShape(url),
    probes: [...probes].slice(0, MAX_PROBES).map(([selector, count]) => ({ selector: selector.slice(0, 300), count })),
    hints: versionHints(doc),
  };
}
