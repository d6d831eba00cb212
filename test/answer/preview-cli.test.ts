import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, usage } from '../../knowledge/cli/main.ts';

async function kb(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const CSV = [
  'id,title,body,questions,tags,status,review_by',
  '"order-status","Where is my order","Hi {{customer.first_name|there}},\n\norder **{{order.number}}** ships today: [track it](https://track.example/{{order.number}}).\nQuestions? Reply here.\n\nBest,\n{{agent.name}}","Where is my order?",shipping,approved,2027-12-31',
].join('\n');

const TICKET = {
  helpdesk: 'osticket',
  id: '1001',
  subject: 'Order {{agent.name}}',
  requester: { name: 'Dr. [Jonas](https://evil.example/verify) *Doe*', email: 'j@example.com' },
  latestMessage: 'Where is it?',
  thread: [],
  tags: [],
};

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-preview-'));
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  return {
    kb: file('kb.csv', CSV),
    ticket: file('ticket.json', JSON.stringify(TICKET)),
    freescout: file('freescout.json', JSON.stringify({ ...TICKET, helpdesk: 'freescout' })),
    values: file('values.json', JSON.stringify({ 'order.number': 'NW1', 'agent.name': 'Ana *Lima*' })),
    file,
  };
}

describe('kb preview', () => {
  const f = setup();
  const base = ['preview', '--kb', f.kb, '--entry', 'order-status', '--ticket', f.ticket, '--values', f.values];

  it('prints what a plain-text reply box gets: values as typed, links as "label (url)"', async () => {
    const r = await kb(...base);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe('Hi [Jonas](https://evil.example/verify),\n\norder NW1 ships today: track it (https://track.example/NW1).\nQuestions? Reply here.\n\nBest,\nAna *Lima*');
  });

  it('prints what a rich editor gets with --format html: the entry\u2019s markup, the values as text', async () => {
    const r = await kb(...base, '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '<p>Hi [Jonas](https://evil.example/verify),</p>\n<p>order <strong>NW1</strong> ships today: <a href="https://track.example/NW1">track it</a>.<br>Questions? Reply here.</p>\n<p>Best,<br>Ana *Lima*</p>',
    );
  });

  it('prints the filled Markdown with --format markdown, values escaped', async () => {
    const r = await kb(...base, '--format', 'markdown');
    expect(r.out).toContain('Hi \\[Jonas\\]\\(https\\:\\/\\/evil\\.example\\/verify\\),');
    expect(r.out).toContain('Ana \\*Lima\\*');
  });

  it('leaves out the entry\u2019s greeting and sign-off where the helpdesk adds its own, as the panel does', async () => {
    const r = await kb('preview', '--kb', f.kb, '--entry', 'order-status', '--ticket', f.freescout, '--values', f.values);
    expect(r.out).toBe('order NW1 ships today: track it (https://track.example/NW1).\nQuestions? Reply here.');
    expect((await kb('preview', '--kb', f.kb, '--entry', 'order-status', '--ticket', f.freescout, '--values', f.values, '--keep-greeting')).out).toMatch(/^Hi \[Jonas\]/);
  });

  it('exits 2 and names the placeholders left unfilled', async () => {
    const r = await kb('preview', '--kb', f.kb, '--entry', 'order-status', '--ticket', f.ticket);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe('order-status: no value for order.number (order number), agent.name (your name); add them to --values <values.json>');
  });

  it.each([
    [{ ...TICKET, id: 7 }, 'ticket.json, id: Invalid input: expected string, received number'],
    [{ ...TICKET, requester: { name: ['x'] } }, 'ticket.json, requester.name: Invalid input: expected string, received array'],
  ])('names the file and field of a bad ticket (%#)', async (ticket, line) => {
    f.file('ticket.json', JSON.stringify(ticket));
    const r = await kb(...base);
    f.file('ticket.json', JSON.stringify(TICKET));
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`${path.join(path.dirname(f.kb), line)}`);
  });

  it.each([
    ['{"order.nr": "1"}', /values\.json, order\.nr: not a placeholder; use one of customer\.first_name/],
    ['{"order.number": 7}', /values\.json, order\.number: expected text, got number/],
    ['["NW1"]', /values\.json: expected an object like \{"order\.number": "A-1"\}/],
    ['{"order.number": "NW1",}', /values\.json: not valid JSON/],
  ])('names the file and field of bad values: %s', async (text, message) => {
    const values = f.file('bad-values.json', text);
    const r = await kb('preview', '--kb', f.kb, '--entry', 'order-status', '--ticket', f.ticket, '--values', values);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it('names a missing file, a missing entry and a missing argument', async () => {
    expect((await kb('preview', '--kb', f.kb, '--entry', 'order-status', '--ticket', 'nope.json')).err).toBe('nope.json: no such file (--ticket)');
    expect((await kb('preview', '--kb', f.kb, '--entry', 'nope', '--ticket', f.ticket)).err).toBe(`--entry nope: no entry with this id in ${f.kb}`);
    expect((await kb('preview', '--kb', f.kb, '--ticket', f.ticket)).err).toMatch(/^--entry is required\nusage: npm run kb -- preview/);
  });

  it('is listed in the CLI\u2019s help, and has its own', async () => {
    expect(usage()).toMatch(/^ {2}preview +an entry's answer for a ticket/m);
    const r = await kb('preview', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--format html +what a rich editor gets/);
  });
});
