/**
 * What one DOM-change batch costs the content script (the MutationObserver callback only; the
 * ticket is read later, once per quiet period: see test/helpdesk/measure-read.ts for that).
 * jsdom is slower than a browser, so these are upper bounds. Run: npx tsx test/background/measure-watch.ts
 */
import { JSDOM } from 'jsdom';
import { TicketWatcher } from '../../entrypoints/helpdesk.content/watch';

const dom = new JSDOM('<!doctype html><body></body>');
const { document } = dom.window;
const thread = document.createElement('div');
for (let i = 0; i < 300; i++) thread.insertAdjacentHTML('beforeend', `<article class="msg"><header>Customer ${i}</header><div class="body"><p>Message ${i} with some text</p></div></article>`);
document.body.append(thread);
document.body.insertAdjacentHTML('beforeend', '<form><div class="editor"><div contenteditable="true"><p>Dear customer, </p></div></div></form>');
const editorP = document.querySelector('[contenteditable] p')!;

let timers = 0;
const watcher = new TicketWatcher({
  doc: document as unknown as Document,
  url: () => new URL('https://help.example/tickets/1'),
  adapter: () => null,
  send: () => undefined,
  setTimeout: () => ++timers,
  clearTimeout: () => undefined,
  now: () => performance.now(),
  wallClock: () => Date.now(),
});

type Rec = Pick<MutationRecord, 'target'>;
const typing: Rec[] = [{ target: editorP.firstChild! }, { target: editorP }];
const newMessage: Rec[] = [{ target: thread }];
const busyPage: Rec[] = Array.from({ length: 200 }, (_, i) => ({ target: thread.children[i]! }));

function time(name: string, batch: Rec[], n = 20_000): void {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) watcher.onMutations(batch as MutationRecord[]);
  const us = ((performance.now() - t0) / n) * 1000;
  console.log(`${name.padEnd(34)} ${batch.length.toString().padStart(4)} records  ${us.toFixed(2).padStart(7)} µs per batch`);
}

time('typing in the reply editor', typing);
time('a new message in the thread', newMessage);
time('a busy re-render (200 records)', busyPage);
