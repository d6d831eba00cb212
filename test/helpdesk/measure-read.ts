// Measures readTicket and findReplyBox on every saved page (jsdom, warm): how much each DOM-change
// batch costs the content script. Usage: npx tsx test/helpdesk/measure-read.ts
import { adapterFor } from '../../entrypoints/helpdesk.content/adapters';
import { loadFixtures } from './fixtures';

const RUNS = 50;
for (const f of loadFixtures()) {
  const url = new URL(f.expected.url);
  const adapter = adapterFor(url, f.expected.generic ? { genericSelectors: [f.expected.generic] } : {})!;
  const doc = f.document();
  for (let i = 0; i < 5; i++) adapter.readTicket(doc, url);
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) {
    adapter.readTicket(doc, url);
    adapter.findReplyBox(doc);
    adapter.findNoteBox(doc);
  }
  const ms = (performance.now() - t0) / RUNS;
  console.log(`${`${f.folder}/${f.name}`.padEnd(48)} ${String(Math.round(f.bytes / 1024)).padStart(3)} KB  ${ms.toFixed(2)} ms`);
}
