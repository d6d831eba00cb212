// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelpdeskAdapter, ReadResult } from '@/entrypoints/helpdesk.content/adapter';
import { insideEditor, QUIET_MS, TicketWatcher, type Sent } from '@/entrypoints/helpdesk.content/watch';
import { insertReply } from '@/entrypoints/helpdesk.content/replies';

/** An adapter over a tiny page: <h1> subject, .msg customer messages, <textarea> reply box. */
function pageAdapter(reads: { count: number }): HelpdeskAdapter {
  return {
    id: 'demo',
    name: 'Demo helpdesk',
    writtenAgainst: 'test',
    matches: (url) => url.pathname.startsWith('/tickets/'),
    readTicket: (doc, url): ReadResult => {
      reads.count++;
      const subject = doc.querySelector('h1')?.textContent ?? '';
      const msgs = [...doc.querySelectorAll('.msg')].map((m) => m.textContent ?? '');
      if (!subject) return { ok: false, helpdesk: 'demo', reason: 'subject not found' };
      return {
        ok: true,
        ticket: { helpdesk: 'demo', id: url.pathname.split('/')[2]!, subject, requester: {}, latestMessage: msgs.at(-1) ?? '', thread: [], tags: [] },
      };
    },
    findReplyBox: (doc) => doc.querySelector('textarea'),
    findNoteBox: (doc) => doc.querySelector('#ed'),
  };
}

let url = 'https://help.example/tickets/1';
let sent: Sent[];
let reads: { count: number };
let watcher: TicketWatcher;
let observer: MutationObserver;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<h1>Parcel late</h1><div id="thread"><p class="msg">Where is my parcel?</p></div><textarea></textarea><div contenteditable="true" id="ed"><p>x</p></div>';
  url = 'https://help.example/tickets/1';
  sent = [];
  reads = { count: 0 };
  const adapter = pageAdapter(reads);
  watcher = new TicketWatcher({
    doc: document,
    url: () => new URL(url),
    adapter: (u) => (adapter.matches(u) ? adapter : null),
    send: (s) => sent.push(s),
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
    now: () => Date.now(),
    wallClock: () => Date.now(),
  });
  observer = new MutationObserver((records) => watcher.onMutations(records));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
});

afterEach(() => {
  observer.disconnect();
  vi.useRealTimers();
});

/** Lets the MutationObserver deliver its batch, then runs due timers. */
async function settle(ms = QUIET_MS + 10) {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

describe('content script: following the ticket', () => {
  it('sends the ticket once; an identical re-read is not sent again', async () => {
    watcher.readNow();
    watcher.readNow();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'ticket', ticket: { subject: 'Parcel late' } });
  });

  it('coalesces a burst of DOM changes into one read and sends the new customer message', async () => {
    watcher.readNow();
    for (let i = 0; i < 20; i++) document.getElementById('thread')!.append(Object.assign(document.createElement('span'), { textContent: `noise ${i}` }));
    const p = document.createElement('p');
    p.className = 'msg';
    p.textContent = 'Any news?';
    document.getElementById('thread')!.append(p);
    await settle();
    expect(reads.count).toBe(2);
    expect(sent.at(-1)).toMatchObject({ kind: 'ticket', ticket: { latestMessage: 'Any news?' } });
  });

  it('typing in the reply editor does not re-read the ticket', async () => {
    watcher.readNow();
    document.querySelector('#ed p')!.textContent = 'Dear customer';
    document.getElementById('ed')!.append(document.createElement('br'));
    await settle();
    expect(reads.count).toBe(1);
    expect(insideEditor(document.querySelector('#ed p')!)).toBe(true);
    expect(insideEditor(document.querySelector('h1')!)).toBe(false);
  });

  it('follows single-page navigation and says when the page left the ticket', async () => {
    watcher.readNow();
    url = 'https://help.example/tickets/2';
    document.querySelector('h1')!.textContent = 'Wrong size';
    watcher.onNavigate();
    await settle();
    expect(sent.at(-1)).toMatchObject({ kind: 'ticket', ticket: { id: '2', subject: 'Wrong size' } });
    url = 'https://help.example/views/all';
    watcher.onNavigate();
    await settle();
    expect(sent.at(-1)).toEqual({ kind: 'none' });
  });

  it('reports a read failure only when it persists (a loading thread does not flash "failed")', async () => {
    document.querySelector('h1')!.textContent = '';
    watcher.readNow();
    expect(sent).toHaveLength(0);
    await settle(1000);
    expect(sent).toEqual([{ kind: 'failed', failure: { helpdesk: 'Demo helpdesk', reason: 'subject not found', url } }]);
  });

  it('a forced read (background lost its state) sends even an unchanged ticket', () => {
    watcher.readNow();
    watcher.readNow(true);
    expect(sent).toHaveLength(2);
  });

  it('stamps each read with the wall-clock time it happened; a forced resend of the same read keeps its stamp', async () => {
    const readAt = Date.now();
    watcher.readNow();
    const first = sent[0] as Extract<Sent, { kind: 'ticket' }>;
    expect(first.readAt).toBe(readAt);
    expect(first.readId).toMatch(/^[a-z0-9]+-[a-z0-9]+$/);
    await vi.advanceTimersByTimeAsync(60_000);
    watcher.readNow(true);
    expect(sent[1]).toMatchObject({ kind: 'ticket', readAt, readId: first.readId });
    // A changed ticket is a new read.
    document.querySelector('.msg')!.textContent = 'Still waiting';
    await settle();
    const third = sent[2] as Extract<Sent, { kind: 'ticket' }>;
    expect(third.readAt).toBeGreaterThanOrEqual(readAt + 60_000);
    expect(third.readId).not.toBe(first.readId);
  });

  it('coming back to the same ticket after leaving it is a new read', async () => {
    watcher.readNow();
    const first = sent[0] as Extract<Sent, { kind: 'ticket' }>;
    url = 'https://help.example/views/all';
    watcher.readNow();
    url = 'https://help.example/tickets/1';
    watcher.readNow(true);
    expect(sent.map((s) => s.kind)).toEqual(['ticket', 'none', 'ticket']);
    expect((sent[2] as { readId: string }).readId).not.toBe(first.readId);
  });
});

describe('content script: insert requests', () => {
  it('inserts into the reply box and never submits', () => {
    const form = document.createElement('form');
    const submitted = vi.fn((e: Event) => e.preventDefault());
    form.addEventListener('submit', submitted);
    const box = document.createElement('textarea');
    box.value = 'Hi, ';
    // jsdom has no layout: give the box a box, as a browser would.
    box.getClientRects = () => [{ width: 300, height: 80 }] as unknown as DOMRectList;
    form.append(box);
    document.body.append(form);
    box.focus();
    box.setSelectionRange(4, 4);
    const out = insertReply({ reply: box, note: null }, { text: 'your parcel ships today.' });
    expect(out).toMatchObject({ ok: true, into: 'reply' });
    expect(box.value).toBe('Hi, your parcel ships today.');
    expect(submitted).not.toHaveBeenCalled();
  });

  it('without a reply box it says so (the panel then copies to the clipboard)', () => {
    expect(insertReply({ reply: null, note: null }, { text: 'x' })).toMatchObject({ ok: false, method: 'none' });
    expect(insertReply({ reply: document.querySelector('textarea'), note: null }, { text: 42 })).toMatchObject({ ok: false });
  });

  it('never falls back to the focused editor: with no editor the adapter knows, nothing goes in', () => {
    const ta = document.querySelector('textarea')!;
    ta.focus();
    expect(document.activeElement).toBe(ta);
    expect(insertReply({ reply: null, note: null }, { text: 'Your parcel ships today.' })).toMatchObject({ ok: false, method: 'none', into: 'reply' });
    // On a page no adapter reads (generic selection mode) it says why, and the panel copies instead.
    const generic = insertReply({ reply: null, note: null, known: false }, { text: 'Your parcel ships today.' });
    expect(generic).toMatchObject({ ok: false, method: 'none' });
    expect(generic.reason).toMatch(/never types into whatever has focus/);
    expect(ta.value).toBe('');
  });

  it('with only the internal note open, it leaves the note alone and says the note is open', () => {
    const note = document.querySelector<HTMLElement>('#ed')!;
    note.focus();
    const out = insertReply({ reply: null, note }, { text: 'Your parcel ships today.' });
    expect(out).toMatchObject({ ok: false, method: 'none', into: 'reply', noteOpen: true });
    expect(out.reason).toMatch(/internal note/);
    expect(note.textContent).toBe('x');
  });

  it('goes into the internal note only when the agent chose it, and says so', () => {
    const note = document.createElement('textarea');
    note.getClientRects = () => [{ width: 300, height: 80 }] as unknown as DOMRectList;
    document.body.append(note);
    const reply = document.querySelector('textarea')!;
    expect(insertReply({ reply, note }, { text: 'Refund issued.', into: 'note' })).toMatchObject({ ok: true, into: 'note' });
    expect(note.value).toBe('Refund issued.');
    expect(reply.value).toBe('');
    expect(insertReply({ reply, note: null }, { text: 'Refund issued.', into: 'note' })).toMatchObject({ ok: false, into: 'note' });
    expect(reply.value).toBe('');
  });

  it('the watcher hands over the adapter\'s reply and note editors, none without an adapter', () => {
    expect(watcher.editors()).toEqual({ reply: document.querySelector('textarea'), note: document.querySelector('#ed'), known: true });
    url = 'https://help.example/views/all';
    expect(watcher.editors()).toEqual({ reply: null, note: null, known: false });
  });
});
