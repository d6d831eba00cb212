// Prints what the adapter chosen by URL reads from a saved page: for writing a new fixture's
// expected JSON (check every field by eye against the page before saving it).
// Usage: npx tsx test/helpdesk/print-ticket.ts <file.html> <url> [generic selectors JSON]
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { adapterFor } from '../../entrypoints/helpdesk.content/adapters/index.ts';
const [file, url, generic] = process.argv.slice(2);
const u = new URL(url!);
const doc = new JSDOM(readFileSync(file!, 'utf8'), { url: u.href }).window.document;
const a = adapterFor(u, generic ? { genericSelectors: [JSON.parse(generic)] } : {});
if (!a) { console.log('no adapter'); process.exit(1); }
const t0 = performance.now();
const r = a.readTicket(doc, u);
const ms = performance.now() - t0;
const box = a.findReplyBox(doc);
const note = a.findNoteBox(doc);
console.log(JSON.stringify(r, null, 2));
console.error(a.id, 'replyBox:', box ? box.outerHTML.slice(0, 160) : null, 'noteBox:', note ? note.outerHTML.slice(0, 160) : null, 'ms', ms.toFixed(2));
