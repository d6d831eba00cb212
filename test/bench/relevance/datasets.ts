import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Entry } from '../../../knowledge/entry.ts';
import { Ticket } from '../../../knowledge/ticket.ts';
import { categories, knowledgeBase, queries, trainRows, type Row } from '../banking77.ts';
import Papa from 'papaparse';
import { heldOutIds } from './heldout.ts';
import type { Labelled } from './ours.ts';

export interface Dataset {
  name: string;
  entries: Entry[];
  queries: Labelled[];
}

const PACK = fileURLToPath(new URL('../../../knowledge/sample/pack.json', import.meta.url));
const TICKETS = fileURLToPath(new URL('../../../knowledge/sample/tickets.json', import.meta.url));

export function banking77Test(k: number): Dataset {
  return {
    name: `BANKING77 test, K=${k === Infinity ? 'all' : k}`,
    entries: knowledgeBase(k),
    queries: queries().map((q) => ({ id: q.id, text: q.text, relevant: [q.relevant] })),
  };
}

/** Every nth item from `start`: deterministic samples and splits. */
export const every = <T>(xs: readonly T[], n: number, start = 0): T[] => xs.filter((_, i) => i % n === start);

/**
 * BANKING77 train only (never test): K examples per category form the knowledge base, every
 * 7th category is left out of it (its queries' right answer is "none"), and the remaining
 * train utterances are queries, split alternately into `fit` and `heldOut`.
 */
export function banking77Calibration(k: number): { entries: Entry[]; fit: Labelled[]; heldOut: Labelled[] } {
  const cats = categories();
  const kept = cats.filter((_, i) => i % 7 !== 3);
  const byCat = new Map<string, Row[]>(cats.map((c) => [c, []]));
  for (const r of trainRows()) byCat.get(r.category)?.push(r);
  const kbRows: Row[] = [];
  const qs: Labelled[] = [];
  for (const [cat, rows] of byCat) {
    const n = k === Infinity ? Math.floor(rows.length / 2) : k;
    if (kept.includes(cat)) kbRows.push(...rows.slice(0, n));
    rows.slice(n).forEach((r, i) => qs.push({ id: `${cat}-${i}`, text: r.text, relevant: kept.includes(cat) ? [cat] : [] }));
  }
  const sampled = every(qs, 3);
  return { entries: knowledgeBase(Infinity, kbRows, kept), fit: every(sampled, 2, 0), heldOut: every(sampled, 2, 1) };
}

/** The sample pack and tickets, or undefined while they are not written yet. */
export function sampleTickets(): { entries: Entry[]; all: Labelled[]; fit: Labelled[]; heldOut: Labelled[] } | undefined {
  if (!existsSync(PACK) || !existsSync(TICKETS)) return undefined;
  const pack = JSON.parse(readFileSync(PACK, 'utf8')) as { entries: unknown[] };
  const entries = pack.entries.map((e) => Entry.parse(e));
  const raw = JSON.parse(readFileSync(TICKETS, 'utf8')) as { ticket: unknown; expected: string }[];
  const all = raw.map((t, i) => {
    const ticket = Ticket.parse(t.ticket);
    return { id: ticket.id || String(i), ticket, relevant: t.expected === 'none' ? [] : [t.expected] };
  });
  const held = heldOutIds();
  return { entries, all, fit: all.filter((t) => !held.has(t.id)), heldOut: all.filter((t) => held.has(t.id)) };
}

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

function csv<T>(file: string): T[] {
  const parsed = Papa.parse<T>(readFileSync(DATA + file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

export const hasData = (dir: string): boolean => existsSync(DATA + dir);

function benchEntry(id: string, title: string, body: string, questions: string[], locale: string, file: string): Entry {
  return {
    schemaVersion: 1,
    id,
    title: title.slice(0, 300) || id,
    body: body || title || id,
    questions: questions.map((q) => q.slice(0, 500)).slice(0, 200),
    tags: [],
    locale,
    status: 'approved',
    owner: 'bench',
    createdAt: '2020-01-01T00:00:00Z',
    updatedAt: '2020-01-01T00:00:00Z',
    version: 1,
    source: { format: 'csv', file },
    custom: {},
  };
}

/** The "stackfaq-kb" protocol of ../shared/data/stackfaq/README.md: long answers, no example questions. */
export function stackfaq(split: 'dev' | 'test'): Dataset {
  const answers = csv<{ id: string; title: string; body: string }>('stackfaq/answers.csv');
  const qs = csv<{ id: string; text: string; answer_id: string }>(`stackfaq/queries_${split}.csv`);
  return {
    name: `StackFAQ ${split} (long answers, no example questions)`,
    entries: answers.map((a) => benchEntry(a.id, a.title, a.body, [], 'en', 'answers.csv')),
    queries: qs.map((q) => ({ id: q.id, text: q.text, relevant: [q.answer_id] })),
  };
}

export const XSID_LANGUAGES = ['en', 'de', 'it', 'nl', 'zh', 'ja'] as const;

/**
 * The "xsid-kb" protocol, "multi" variant (../shared/data/xsid/README.md): one entry per intent and
 * language with K = 5 validation sentences as questions; every test sentence (less those equal to
 * a question) is a query; its language is not given; an intent without an entry has no answer.
 */
export function xsid(): Dataset & { languageOf: Map<string, string> } {
  const entries: Entry[] = [];
  const queries: Labelled[] = [];
  const languageOf = new Map<string, string>();
  for (const lang of XSID_LANGUAGES) {
    const byIntent = new Map<string, string[]>();
    for (const r of csv<{ id: string; text: string; intent: string }>(`xsid/${lang}.valid.csv`)) {
      const list = byIntent.get(r.intent) ?? [];
      if (list.length < 5) list.push(r.text.trim());
      byIntent.set(r.intent, list);
    }
    const idOf = (intent: string) => `${intent.replace(/\//g, '.')}.${lang}`;
    for (const [intent, questions] of byIntent) entries.push(benchEntry(idOf(intent), questions[0]!, questions[0]!, questions, lang, `${lang}.valid.csv`));
    const asked = new Set([...byIntent.values()].flat().map((q) => q.toLowerCase()));
    for (const r of csv<{ id: string; text: string; intent: string }>(`xsid/${lang}.test.csv`)) {
      if (asked.has(r.text.trim().toLowerCase())) continue;
      const id = `${lang}-${r.id}`;
      languageOf.set(id, lang);
      queries.push({ id, text: r.text, relevant: byIntent.has(r.intent) ? [idOf(r.intent)] : [] });
    }
  }
  return { name: 'xSID multi (6 languages, language not given)', entries, queries, languageOf };
}
