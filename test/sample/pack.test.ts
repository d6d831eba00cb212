import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Entry, isSuggestable } from '../../knowledge/entry.ts';
import { isSubsetMarkdown } from '../../knowledge/markdown.ts';
import { findPlaceholders, unknownPlaceholders } from '../../knowledge/placeholders.ts';
import { exportEntries, importFiles } from '../../knowledge/standardise.ts';
import { Ticket } from '../../knowledge/ticket.ts';

// The bundled sample pack feeds the demo, the tests and the relevance bench, so its shape is a contract.
const DAY = '2026-11-23';
const raw = readFileSync(new URL('../../knowledge/sample/pack.json', import.meta.url), 'utf8');
const pack = JSON.parse(raw) as { format: string; schemaVersion: number; entries: unknown[] };
const entries = pack.entries.map((e) => Entry.parse(e));
const byStatus = (status: Entry['status']) => entries.filter((e) => e.status === status);
const expired = byStatus('approved').filter((e) => !isSuggestable(e, DAY));
const suggestable = entries.filter((e) => isSuggestable(e, DAY));

function canonical(p: { format: string; schemaVersion: number; entries: Entry[] }): string {
  const sorted = [...p.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${JSON.stringify({ format: p.format, schemaVersion: p.schemaVersion, entries: sorted }, null, 2)}\n`;
}

describe('sample pack', () => {
  it('is an agent-assist knowledge file whose every entry parses', () => {
    expect(pack.format).toBe('agent-assist/knowledge');
    expect(pack.schemaVersion).toBe(1);
    for (const e of pack.entries) expect(Entry.safeParse(e).error).toBeUndefined();
  });

  it('is in the one canonical form: schema key order, sorted ids, 2-space indent, trailing newline', () => {
    expect(canonical({ ...pack, entries })).toBe(raw);
  });

  it('imports without a single problem and exports back to the same bytes', () => {
    const result = importFiles([{ name: 'pack.json', bytes: new TextEncoder().encode(raw) }], { now: new Date('2026-11-23T12:00:00Z') });
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual(entries);
    const [file] = exportEntries(entries, 'json');
    expect(new TextDecoder().decode(file!.bytes)).toBe(raw);
  });

  it('has unique ids and source paths that point at the entry', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    entries.forEach((e, i) => expect(e.source).toEqual({ format: 'json', file: 'pack.json', path: `entries[${i}]` }));
  });

  it('gives every approved entry an owner but the one planted for the review queue (and one draft is ownerless)', () => {
    for (const e of byStatus('approved')) if (e.id !== 'product-size-advice') expect(e.owner, e.id).toMatch(/^[a-z.]+@northwind\.example$/);
    expect(entries.filter((e) => e.owner === '').map((e) => [e.id, e.status])).toEqual([
      ['product-size-advice', 'approved'],
      ['shipping-australia-new-zealand', 'draft'],
    ]);
  });

  it('has 60-80 suggestable entries plus every governance state', () => {
    expect(suggestable.length).toBeGreaterThanOrEqual(60);
    expect(suggestable.length).toBeLessThanOrEqual(80);
    expect(byStatus('draft').length).toBeGreaterThanOrEqual(3);
    expect(byStatus('in_review').length).toBeGreaterThanOrEqual(2);
    expect(expired.length).toBeGreaterThanOrEqual(3);
    expect(byStatus('archived').length).toBeGreaterThanOrEqual(2);
  });

  it('reviews approved entries between 2027-09-01 and 2028-12-31, expired ones earlier in 2026', () => {
    for (const e of suggestable) expect(e.reviewBy! >= '2027-09-01' && e.reviewBy! <= '2028-12-31', e.id).toBe(true);
    for (const e of expired) expect(e.reviewBy! >= '2026-01-01' && e.reviewBy! < DAY, e.id).toBe(true);
  });

  it('covers every category of the shop and has German, French and Spanish entries', () => {
    const tags = new Set(suggestable.flatMap((e) => e.tags));
    for (const t of ['orders', 'shipping', 'returns', 'refunds', 'payments', 'accounts', 'product care', 'warranty', 'privacy'])
      expect(tags, t).toContain(t);
    const locales = suggestable.map((e) => e.locale);
    for (const l of ['de', 'fr', 'es']) expect(locales, l).toContain(l);
    expect(locales.filter((l) => l !== 'en').length).toBeGreaterThanOrEqual(4);
  });

  it('uses only known placeholders, greets by name and signs off', () => {
    for (const e of entries) {
      expect(unknownPlaceholders(e.body), e.id).toEqual([]);
      const names = findPlaceholders(e.body).map((p) => p.name);
      expect(names, e.id).toContain('customer.first_name');
      expect(e.body.endsWith('{{agent.signature}}'), e.id).toBe(true);
    }
    const agentFilled = entries.filter((e) => /\{\{(order\.number|order\.tracking_url|refund\.amount)\}\}/.test(e.body));
    expect(agentFilled.length).toBeGreaterThanOrEqual(10);
  });

  it('writes bodies of 300-1200 characters with 2-6 questions, links only to the shop', () => {
    for (const e of entries) {
      expect(e.body.length, e.id).toBeGreaterThanOrEqual(300);
      expect(e.body.length, e.id).toBeLessThanOrEqual(1200);
      expect(e.questions.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.questions.length, e.id).toBeLessThanOrEqual(6);
      for (const [, url] of e.body.matchAll(/\]\(([^)]*)\)/g)) expect(url, e.id).toMatch(/^https:\/\/northwind\.example(\/|$)/);
      expect(isSubsetMarkdown(e.body), e.id).toBe(true);
    }
  });

  it('dates changes in 2025-2026, never before creation or after the test day', () => {
    for (const e of entries) {
      expect(e.createdAt >= '2025-01-01' && e.createdAt <= e.updatedAt && e.updatedAt < DAY, e.id).toBe(true);
    }
  });
});

const samples = (JSON.parse(readFileSync(new URL('../../knowledge/sample/tickets.json', import.meta.url), 'utf8')) as unknown[]).map(
  (s) => z.object({ ticket: Ticket, expected: z.string() }).strict().parse(s),
);
const byId = new Map(entries.map((e) => [e.id, e]));
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('sample tickets', () => {
  it('has at least 150 demo tickets numbered from 1001, open or pending', () => {
    expect(samples.length).toBeGreaterThanOrEqual(150);
    samples.forEach(({ ticket }, i) => {
      expect(ticket.id).toBe(String(1001 + i));
      expect(ticket.helpdesk).toBe('demo');
      expect(['open', 'pending']).toContain(ticket.status);
    });
  });

  it('expects only entries an agent could be offered on the test day, or "none"', () => {
    for (const { ticket, expected } of samples) {
      if (expected === 'none') continue;
      const entry = byId.get(expected);
      expect(entry, `ticket ${ticket.id}: ${expected}`).toBeDefined();
      expect(isSuggestable(entry!, DAY), `ticket ${ticket.id}: ${expected}`).toBe(true);
      expect([ticket.locale, 'en'], `ticket ${ticket.id}`).toContain(entry!.locale);
    }
    expect(samples.filter((s) => s.expected === 'none').length).toBeGreaterThanOrEqual(20);
  });

  it('asks about every suggestable entry at least once', () => {
    const asked = new Set(samples.map((s) => s.expected));
    expect(suggestable.filter((e) => !asked.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('has German, French and Spanish tickets, expecting the entry in that language where one exists', () => {
    for (const locale of ['de', 'fr', 'es']) {
      const inLocale = samples.filter((s) => s.ticket.locale === locale);
      expect(inLocale.length, locale).toBeGreaterThanOrEqual(5);
      for (const { ticket, expected } of inLocale) {
        const translated = byId.get(`${expected}-${locale}`);
        expect(translated === undefined || !isSuggestable(translated, DAY), `ticket ${ticket.id} should expect ${expected}-${locale}`).toBe(true);
      }
    }
  });

  it('mixes one-liners, ordinary and long messages, and earlier threads', () => {
    const oneLiners = samples.filter(({ ticket: t }) => !t.latestMessage.includes('\n') && words(t.latestMessage) <= 30);
    const long = samples.filter(({ ticket: t }) => words(t.latestMessage) >= 100);
    expect(oneLiners.length / samples.length).toBeGreaterThanOrEqual(0.15);
    expect(long.length / samples.length).toBeGreaterThanOrEqual(0.25);
    for (const { ticket } of long) expect(words(ticket.latestMessage), ticket.id).toBeLessThanOrEqual(250);
    expect(samples.filter((s) => s.ticket.thread.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('uses only reserved example domains for customers', () => {
    for (const { ticket } of samples) expect(ticket.requester.email, ticket.id).toMatch(/@([a-z-]+\.)?example\.(com|net|org)$/);
  });
});
