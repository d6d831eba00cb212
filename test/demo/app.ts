import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { listMain, pageTitle, ticketMain, type DemoTicket, type DemoTicketSummary } from './render';

/**
 * The demo helpdesk's page script: a Quill reply editor, and single-page navigation (links fetch
 * JSON from the same server and swap <main> without a reload, as self-hosted helpdesks do).
 * Sending is off: a submit or a click on Send is counted (tests read the counts) and stopped.
 */
interface DemoPageApi {
  submits: number;
  sendClicks: number;
  navigations: number;
  reply(): { text: string; html: string } | null;
}

declare global {
  interface Window {
    demo: DemoPageApi;
  }
}

let quill: Quill | null = null;

const api: DemoPageApi = {
  submits: 0,
  sendClicks: 0,
  navigations: 0,
  reply: () => (quill ? { text: quill.getText().replace(/\n$/, ''), html: quill.getSemanticHTML() } : null),
};
window.demo = api;

function mountEditor(): void {
  const box = document.querySelector<HTMLElement>('[data-demo-reply]');
  quill = box ? new Quill(box, { theme: 'snow', placeholder: 'Write your reply…', modules: { toolbar: [['bold', 'italic', 'link'], [{ list: 'ordered' }, { list: 'bullet' }]] } }) : null;
  quill?.root.setAttribute('aria-label', 'Reply');
}

function markCurrent(id: string | undefined): void {
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('.demo-list a'))) {
    if (a.pathname === `/tickets/${id}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function show(pathname: string): Promise<void> {
  const id = /^\/tickets\/([\w-]+)\/?$/.exec(pathname)?.[1];
  const res = await fetch(id ? `/api/tickets/${encodeURIComponent(id)}` : '/api/tickets');
  const main = document.querySelector('#demo-main')!;
  if (!res.ok) {
    main.innerHTML = '<h1>Ticket not found</h1>';
    return;
  }
  if (id) {
    const ticket = (await res.json()) as DemoTicket;
    main.innerHTML = ticketMain(ticket);
    document.title = pageTitle(ticket);
  } else {
    main.innerHTML = listMain((await res.json()) as DemoTicketSummary[]);
    document.title = pageTitle(undefined);
  }
  markCurrent(id);
  mountEditor();
  api.navigations++;
  document.body.dataset.demoNavigations = String(api.navigations);
}

document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  if (target?.closest('[data-demo-send]')) api.sendClicks++;
  const link = target?.closest<HTMLAnchorElement>('a[data-demo-link]');
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  if (link.pathname === location.pathname) return;
  history.pushState(null, '', link.pathname);
  void show(link.pathname);
});

document.addEventListener('submit', (e) => {
  e.preventDefault();
  api.submits++;
  document.body.dataset.demoSubmits = String(api.submits);
  const hint = document.querySelector('.demo-hint');
  if (hint) hint.textContent = 'Sending is switched off in the demo: nothing was sent.';
});

window.addEventListener('popstate', () => void show(location.pathname));

mountEditor();
document.body.dataset.demoReady = 'true';
