/**
 * HTML of the demo helpdesk, used by the server (first load) and the page script (single-page
 * navigation). The markup contract read by entrypoints/helpdesk.content/adapters/demo.ts:
 * [data-demo-ticket-id], [data-demo-subject], [data-demo-requester-name|email],
 * .demo-message[data-direction][data-author][data-at] > .demo-message-body, [data-demo-reply],
 * [data-demo-tags] .tag, [data-demo-status]; ticket URLs are /tickets/<id>.
 */
export interface DemoMessage {
  direction: 'customer' | 'agent' | 'note';
  author: string;
  at: string;
  text: string;
}

export interface DemoTicket {
  id: string;
  subject: string;
  requester: { name: string; email: string };
  status: string;
  tags: string[];
  messages: DemoMessage[];
}

export type DemoTicketSummary = Pick<DemoTicket, 'id' | 'subject' | 'status'> & { requester: string };

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.split('\n').map(esc).join('<br>')}</p>`)
    .join('');
}

const WHO: Record<DemoMessage['direction'], string> = { customer: 'Customer', agent: 'Agent reply', note: 'Internal note' };

function message(m: DemoMessage): string {
  const when = m.at.slice(0, 16).replace('T', ' ');
  return `<article class="demo-message demo-${m.direction}" data-direction="${m.direction}" data-author="${esc(m.author)}" data-at="${esc(m.at)}">
  <header><strong>${esc(m.author)}</strong> <span class="demo-kind">${WHO[m.direction]}</span> <time datetime="${esc(m.at)}">${esc(when)}</time></header>
  <div class="demo-message-body">${paragraphs(m.text)}</div>
</article>`;
}

/** The ticket view (the <main> content). */
export function ticketMain(t: DemoTicket): string {
  return `<article class="demo-ticket" data-demo-ticket-id="${esc(t.id)}">
  <h1><span class="demo-number">#${esc(t.id)}</span> <span data-demo-subject>${esc(t.subject)}</span></h1>
  <p class="demo-requester"><span data-demo-requester-name>${esc(t.requester.name)}</span>
    ${t.requester.email ? `&lt;<a data-demo-requester-email href="mailto:${esc(t.requester.email)}">${esc(t.requester.email)}</a>&gt;` : ''}
    · Status: <span data-demo-status class="demo-status">${esc(t.status)}</span></p>
  <ul data-demo-tags class="demo-tags" aria-label="Tags">${t.tags.map((tag) => `<li class="tag">${esc(tag)}</li>`).join('')}</ul>
  <section class="demo-thread" aria-label="Conversation">
${t.messages.map(message).join('\n')}
  </section>
  <form class="demo-reply-form" action="/tickets/${esc(t.id)}/reply" method="post" aria-label="Reply">
    <div data-demo-reply class="demo-editor"></div>
    <p class="demo-actions"><button type="submit" data-demo-send>Send reply</button>
    <span class="demo-hint">The demo never sends anything.</span></p>
  </form>
</article>`;
}

/** The ticket list view (the <main> content at /tickets). */
export function listMain(list: DemoTicketSummary[]): string {
  return `<h1>All tickets</h1>
<table class="demo-table"><thead><tr><th>#</th><th>Subject</th><th>Requester</th><th>Status</th></tr></thead><tbody>
${list.map((t) => `<tr><td>${esc(t.id)}</td><td><a href="/tickets/${esc(t.id)}" data-demo-link>${esc(t.subject)}</a></td><td>${esc(t.requester)}</td><td>${esc(t.status)}</td></tr>`).join('\n')}
</tbody></table>`;
}

function sidebar(list: DemoTicketSummary[], currentId: string | undefined): string {
  return list
    .map((t) => `<li><a href="/tickets/${esc(t.id)}" data-demo-link${t.id === currentId ? ' aria-current="page"' : ''}><span class="demo-number">#${esc(t.id)}</span> ${esc(t.subject)}<small>${esc(t.requester)}</small></a></li>`)
    .join('');
}

export function pageTitle(t: DemoTicket | undefined): string {
  return t ? `#${t.id} ${t.subject} · Northwind Support` : 'All tickets · Northwind Support';
}

/** A whole page: the first load of /tickets or /tickets/<id>. */
export function page(list: DemoTicketSummary[], ticket: DemoTicket | undefined): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(pageTitle(ticket))}</title>
<link rel="stylesheet" href="/assets/app.css"><link rel="stylesheet" href="/assets/demo.css">
</head><body>
<header class="demo-bar"><a class="demo-brand" href="/tickets" data-demo-link>Northwind Support</a>
  <label class="demo-search">Search <input type="search" placeholder="Search tickets"></label>
  <span class="demo-user">Sam Support</span></header>
<div class="demo-layout">
  <nav class="demo-list" aria-label="Tickets"><ul>${sidebar(list, ticket?.id)}</ul></nav>
  <main id="demo-main">${ticket ? ticketMain(ticket) : listMain(list)}</main>
</div>
<script type="module" src="/assets/app.js"></script>
</body></html>
`;
}

export function summary(t: DemoTicket): DemoTicketSummary {
  return { id: t.id, subject: t.subject, status: t.status, requester: t.requester.name };
}
