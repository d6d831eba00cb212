import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Entry } from '../../knowledge/entry.ts';
import type { Ticket } from '../../knowledge/ticket.ts';
import { seededRandom } from '../../knowledge/reports/stats.ts';
import {
  BUILT_IN_SEEDS,
  FIRST_NAMES,
  GREETINGS,
  NOISE,
  PRODUCT_KINDS,
  SIGNATURE_TAILS,
  SIGNOFFS,
  SYLLABLES,
  SYNONYMS,
  type SeedTopic,
} from './synthetic-vocab.ts';

/**
 * Large, deterministic knowledge bases for the speed bench: entries recombine the sample
 * pack's questions and sentences with synonyms, product names and model numbers, so the
 * vocabulary grows with size the way a real catalogue's does (not n copies of 30 entries).
 */

export type Rng = () => number;

/** mulberry32 (the reports' seeded generator): tiny, fast, and the same sequence on every machine. */
export const createRng: (seed: number) => Rng = seededRandom;

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

export const SAMPLE_PACK_PATH = fileURLToPath(new URL('../../knowledge/sample/pack.json', import.meta.url));

/** The sample pack's approved entries as seed topics, or the built-in vocabulary until the pack exists. */
export function loadSeedTopics(path = SAMPLE_PACK_PATH): { topics: SeedTopic[]; source: string } {
  if (!existsSync(path)) return { topics: BUILT_IN_SEEDS, source: 'built-in vocabulary (sample pack not found)' };
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { entries?: unknown[] };
  const topics = (raw.entries ?? [])
    .map((e) => Entry.safeParse(e))
    .flatMap((r) => (r.success && r.data.status === 'approved' ? [r.data] : []))
    .map(({ title, questions, body, tags }) => ({ title, questions, body, tags }));
  if (topics.length === 0) return { topics: BUILT_IN_SEEDS, source: 'built-in vocabulary (sample pack has no approved entries)' };
  return { topics, source: `knowledge/sample/pack.json (${topics.length} approved entries)` };
}

// One pass over the text: every synonym in one pattern, longest first ("business days" before "days").
const SYNONYM_OF = new Map<string, { pair: number; to: string }>(
  SYNONYMS.flatMap(([a, b], pair) => [
    [a, { pair, to: b }],
    [b, { pair, to: a }],
  ]),
);
const ANY_SYNONYM = new RegExp(
  `\\b(${[...SYNONYM_OF.keys()].sort((x, y) => y.length - x.length).join('|')})\\b`,
  'gi',
);
const keepCase = (m: string, to: string): string => (m[0] === m[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to);

// Placeholders, link targets and URLs are code, not prose: never reworded.
const NOT_PROSE = /(\{\{[^}]*\}\}|\]\([^)]*\)|https?:\/\/\S+)/;

/** Swap roughly half of the synonym pairs present (each pair decided once per text, one direction). */
export function vary(text: string, rng: Rng): string {
  const chosen = new Map<number, string | null>();
  const swap = (m: string): string => {
    const syn = SYNONYM_OF.get(m.toLowerCase())!;
    if (!chosen.has(syn.pair)) chosen.set(syn.pair, rng() < 0.5 ? m.toLowerCase() : null);
    return chosen.get(syn.pair) === m.toLowerCase() ? keepCase(m, syn.to) : m;
  };
  return text
    .split(NOT_PROSE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(ANY_SYNONYM, swap)))
    .join('');
}

const sentenceCache = new Map<string, string[]>();
/** The body's plain sentences (Markdown, placeholders and list items left out), for recombining. */
function sentences(body: string): string[] {
  const hit = sentenceCache.get(body);
  if (hit) return hit;
  const plain = body
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\*\*|__/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim())
    .filter((s) => s.length > 20 && /^[A-Z]/.test(s) && /[.!?]$/.test(s) && !/\{\{|^[-*>#]|:$/.test(s));
  const out = plain.length > 0 ? plain : [body.replace(/\{\{[^}]*\}\}/g, '').trim()];
  sentenceCache.set(body, out);
  return out;
}

function productName(rng: Rng): string {
  const name = Array.from({ length: int(rng, 2, 3) }, () => pick(rng, SYLLABLES)).join('');
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${int(rng, 1, 99) * 10} ${pick(rng, PRODUCT_KINDS)}`;
}

const DAY_MS = 86_400_000;
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const isoDay = (rng: Rng, from: number, to: number): string =>
  new Date(from + Math.floor(rng() * ((to - from) / DAY_MS + 1)) * DAY_MS).toISOString().slice(0, 10);
const CREATED = [dayMs('2025-01-01'), dayMs('2026-10-31')] as const;
const REVIEW_BY = [dayMs('2027-09-01'), dayMs('2028-12-31')] as const;

function withProduct(question: string, product: string, rng: Rng): string {
  if (rng() < 0.5 || !/^(how|can|what|when|where|why|is|do|does)\b/i.test(question)) return question;
  return question.replace(/[?.!]?$/, ` for my ${product}?`);
}

export interface GenerateOptions {
  seed?: number;
  topics?: SeedTopic[];
}

/** n valid, approved entries with ids syn-000001.., reviewBy between 2027-09-01 and 2028-12-31. */
export function generateEntries(n: number, options: GenerateOptions = {}): Entry[] {
  const rng = createRng(options.seed ?? 42);
  const topics = options.topics ?? loadSeedTopics().topics;
  // About five entries per product, so rare words repeat a little, as in a real catalogue.
  const products = Array.from({ length: Math.max(20, Math.ceil(n / 5)) }, () => productName(rng));
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const base = topics[i % topics.length]!;
    const donor = pick(rng, topics);
    const product = pick(rng, products);
    const model = `${pick(rng, ['A', 'B', 'X', 'MK', 'V'])}${int(rng, 100, 9999)}`;
    const questions = base.questions.filter(() => rng() < 0.8).map((q) => withProduct(vary(q, rng), product, rng));
    if (questions.length === 0 && base.questions[0]) questions.push(vary(base.questions[0], rng));
    if (rng() < 0.3 && donor.questions.length > 0) questions.push(vary(pick(rng, donor.questions), rng));
    const body = [
      vary(base.body, rng),
      ...(rng() < 0.5 ? [vary(pick(rng, sentences(donor.body)), rng)] : []),
      `This applies to the ${product} (model ${model}) and its accessories.`,
    ].join('\n\n');
    const kind = product.split(' ').at(-1)!;
    const created = isoDay(rng, ...CREATED);
    const entry: Entry = {
      schemaVersion: 1,
      id: `syn-${String(i + 1).padStart(6, '0')}`,
      title: `${vary(base.title, rng)}: ${product}`.slice(0, 200),
      body: body.slice(0, 20_000),
      questions: questions.map((q) => q.slice(0, 500)).slice(0, 200),
      tags: [...new Set([...base.tags, kind])].slice(0, 50),
      locale: 'en',
      status: 'approved',
      owner: `${pick(rng, FIRST_NAMES).toLowerCase()}@example.com`,
      reviewBy: isoDay(rng, ...REVIEW_BY),
      createdAt: `${created}T09:00:00Z`,
      updatedAt: `${created}T09:00:00Z`,
      version: 1,
      source: { format: 'json', file: `synthetic-${n}.json`, row: i + 1 },
      custom: {},
    };
    entries.push(entry);
  }
  return entries;
}

/**
 * A customer's message about `target`, 80-150 words: greeting, some life story, the question in
 * the customer's words (a question and a sentence of the entry, reworded), an order number,
 * more noise, sign-off and an email signature.
 */
export function ticketText(target: Entry, rng: Rng): string {
  const name = pick(rng, FIRST_NAMES);
  const q = target.questions.length > 0 ? pick(rng, target.questions) : target.title;
  const fact = pick(rng, sentences(target.body));
  const core = [
    vary(q, rng).replace(/([^.?!])$/, '$1.'),
    `It is about the ${target.title.split(': ').at(-1) ?? target.title}.`,
    `I read somewhere that ${vary(fact, rng).replace(/^\w/, (c) => c.toLowerCase())} Is that still right?`,
    `My order number is #${int(rng, 10000, 99999)}.`,
  ];
  const head = pick(rng, GREETINGS);
  const tail = [pick(rng, SIGNOFFS), name, pick(rng, SIGNATURE_TAILS)].filter(Boolean);
  const goal = int(rng, 80, 150);
  const middle = [...core];
  let count = words([head, ...middle, ...tail].join(' '));
  while (count < goal) {
    const fits = NOISE.filter((s) => !middle.includes(s) && count + words(s) <= 150);
    if (fits.length === 0) break;
    const s = pick(rng, fits);
    middle.splice(int(rng, 0, middle.length), 0, s);
    count += words(s);
  }
  return [head, '', middle.join(' '), '', ...tail].join('\n');
}

export interface BenchQuery {
  text: string;
  expected: string;
}

/** count ticket-length queries, each about a random entry, deterministic for a seed. */
export function generateQueries(entries: Entry[], count: number, seed = 7): BenchQuery[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const target = pick(rng, entries);
    return { text: ticketText(target, rng), expected: target.id };
  });
}

/** The query as the extension hands it to suggest(): a demo-helpdesk ticket. */
export function asTicket(q: BenchQuery, i: number): Ticket {
  const [first = q.text] = q.text.split('\n').filter((l) => l.length > 20);
  return {
    helpdesk: 'demo',
    id: String(100_000 + i),
    subject: first.slice(0, 80),
    requester: { name: 'Bench Customer', email: 'customer@example.com' },
    latestMessage: q.text,
    thread: [],
    tags: [],
    locale: 'en',
  };
}
