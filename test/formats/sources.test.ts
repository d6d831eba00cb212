import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, exportEntries } from '../../knowledge/formats/index.ts';
import { importFiles, type ImportResult } from '../../knowledge/standardise.ts';
import { NOW, importText, lines } from './helpers.ts';

const DIR = path.resolve(import.meta.dirname, '../fixtures/formats');
const sample = (name: string) => ({ name, bytes: readFileSync(path.join(DIR, name)) });
const read = (name: string): ImportResult => importFiles([sample(name)], { now: NOW });

describe('each sample is recognised by its content alone', () => {
  it.each([
    ['helpscout-saved-replies.json', 'helpscout-saved-replies'],
    ['helpscout-saved-replies-list.json', 'helpscout-saved-replies'],
    ['freshdesk-canned-responses.json', 'freshdesk-canned-responses'],
    ['front-message-templates.json', 'front-message-templates'],
    ['intercom-saved-replies.json', 'intercom-saved-replies'],
    ['zendesk-guide-translations.json', 'zendesk-guide'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat('export.json', readFileSync(path.join(DIR, name), 'utf8'))).toBe(format);
  });

  it('recognises one item fetched on its own, and falls back to our own format', () => {
    expect(detectFormat('t.json', '{"id": "rsp_9", "name": "x", "body": "<p>y</p>"}')).toBe('front-message-templates');
    expect(detectFormat('r.json', '{"id": 7, "title": "Hours", "content_html": "<p>9</p>"}')).toBe('freshdesk-canned-responses');
    expect(detectFormat('s.json', '{"id": 7, "name": "Hours", "text": "<p>9</p>"}')).toBe('helpscout-saved-replies');
    expect(detectFormat('k.json', '{"entries": []}')).toBe('json');
  });
});

describe('Help Scout saved replies', () => {
  const result = read('helpscout-saved-replies.json');

  it('reads the HTML text with Help Scout placeholders, approved, id from the reply', () => {
    expect(result.entries[0]).toMatchObject({
      id: 'helpscout-saved-reply-123456', title: 'Returns: label sent', status: 'approved',
      body: 'Hi {{customer.first_name|there}},\nYour **return label** is attached. [Track the return here](https://northwind.example/returns).\n{{agent.signature}}',
      source: { format: 'helpscout-saved-replies', file: 'helpscout-saved-replies.json', path: 'saved reply 1 (id 123456)' },
    });
  });

  it('falls back to the chat text when there is no email text', () => {
    expect(result.entries[1]).toMatchObject({ id: 'helpscout-saved-reply-234567', body: 'Hi there,\nYes, you can visit us in person.\n\nOur shop is open Monday to Friday.' });
  });

  it('names an unknown placeholder by reply and field', () => {
    expect(lines(result)).toEqual([expect.stringMatching(/^helpscout-saved-replies\.json saved reply 3 \(id 345678\), text: uses the placeholder \{%customer\.loyaltyTier%\}/)]);
  });

  it('refuses the list endpoint\'s previews, saying which call has the whole text', () => {
    expect(lines(read('helpscout-saved-replies-list.json'))).toEqual([
      'helpscout-saved-replies-list.json saved reply 1 (id 123456), text: is missing: this is the list endpoint\'s short preview; export each reply with GET /v2/mailboxes/{mailbox}/saved-replies/{id}, which has the whole text',
      'helpscout-saved-replies-list.json saved reply 2 (id 345678), text: is missing: this is the list endpoint\'s short preview; export each reply with GET /v2/mailboxes/{mailbox}/saved-replies/{id}, which has the whole text',
    ]);
  });
});

describe('Freshdesk canned responses', () => {
  const result = read('freshdesk-canned-responses.json');

  it('prefers content_html, converts Freshdesk placeholders, keeps the folder, stores dates in UTC', () => {
    expect(result.entries).toEqual([expect.objectContaining({
      id: 'freshdesk-canned-response-82000005490', status: 'approved',
      body: 'Hi {{customer.first_name}},\nThank you for writing to us. We will get back to you shortly.\nRegards,\n{{agent.name}}',
      createdAt: '2020-09-08T11:08:10Z', updatedAt: '2020-09-08T11:08:10Z', custom: { freshdesk_folder_id: '82000010465' },
    })]);
  });

  it('warns about attachments and names a bad date by response and field', () => {
    expect(lines(result, 'warning')).toEqual(['freshdesk-canned-responses.json canned response 2 (id 82000005491), attachments: has 1 attachment, which Agent Assist does not import; the text was imported']);
    expect(lines(result)).toEqual(['freshdesk-canned-responses.json canned response 2 (id 82000005491), updated_at: "31/02/2021" is not a date and time (write it as ISO 8601, e.g. 2026-01-31T09:00:00Z)']);
  });

  it('reads a single response fetched on its own, plain content when there is no HTML', () => {
    const one = importText('one.json', JSON.stringify({ id: 7, title: 'Hours', content: 'We are open 9 to 5.', folder_id: 1 }));
    expect(one.entries[0]).toMatchObject({ id: 'freshdesk-canned-response-7', body: 'We are open 9 to 5.' });
  });
});

describe('Front message templates', () => {
  const result = read('front-message-templates.json');

  it('reads _results, HTML bodies with Front placeholders, Unix-second dates, subject and link kept', () => {
    expect(result.entries).toEqual([expect.objectContaining({
      id: 'front-template-rsp_42', title: 'Delivery delayed', status: 'approved',
      body: 'Hi {{customer.first_name}},\n\nYour parcel is delayed by a day. [Track it](https://northwind.example/track).\n\n{{agent.signature}}',
      createdAt: '2023-11-14T22:13:20.500Z', updatedAt: '2023-11-15T22:13:20Z',
      custom: { front_subject: 'About your delivery', front_url: 'https://api2.frontapp.com/message_templates/rsp_42' },
    })]);
  });

  it('names the template and field of an empty name', () => {
    expect(lines(result)).toEqual(['front-message-templates.json message template 2 (id rsp_43), name: is empty; every entry needs a title']);
  });

  it('names a date too far in the future for any calendar by template and field (found by the fuzz test)', () => {
    const doc = { _results: [{ id: 'rsp_9', name: 'Far', body: '<p>Hi</p>', updated_at: 8640000000000.001 }] };
    const far = importText('front.json', JSON.stringify(doc));
    expect(far.entries).toEqual([]);
    expect(lines(far)).toEqual([expect.stringMatching(/^front\.json message template 1 \(id rsp_9\), updated_at: .*date and time/)]);
  });
});

describe('Intercom saved replies (macros)', () => {
  const result = read('intercom-saved-replies.json');

  it('converts <attribute> tags and {{user.…|fallback:…}}: Intercom\'s user is the customer', () => {
    expect(result.entries[0]).toMatchObject({ id: 'intercom-saved-reply-123', body: expect.stringMatching(/^Hi \{\{customer\.first_name\|there\}\}, your order is on its way\.\n\nThanks for shopping with \{\{company\.name\}\}/), custom: { intercom_available_on: 'inbox, messenger' } });
    expect(result.entries[1]).toMatchObject({ id: 'intercom-saved-reply-124', body: 'Hi {{customer.name|there}}, your plan renews next week.' });
  });

  it('names an attribute it does not know instead of guessing', () => {
    expect(lines(result)).toEqual([expect.stringMatching(/^intercom-saved-replies\.json saved reply 3 \(id 125\), body: uses the Intercom attribute \{\{user\.custom_attributes\.tier\}\}/)]);
  });
});

describe('Zendesk Guide translations', () => {
  const result = read('zendesk-guide-translations.json');

  it('gives one entry per locale, linked by the article\'s translation group; outdated is in review', () => {
    expect(result.entries.map((e) => [e.id, e.locale, e.status, e.translationGroup])).toEqual([
      ['zendesk-article-768934-en-us', 'en-US', 'approved', 'zendesk-article-768934'],
      ['zendesk-article-768934-de', 'de', 'in_review', 'zendesk-article-768934'],
      ['zendesk-article-768934-fr', 'fr', 'draft', 'zendesk-article-768934'],
    ]);
  });

  it('skips translations of sections with a warning', () => {
    expect(lines(result, 'warning')).toEqual(['zendesk-guide-translations.json translation 4 (id 990001), source_type: is a translation of a section, not of an article; skipped']);
  });

  it('reads translations sideloaded on articles in place of the article', () => {
    const doc = { articles: [{ id: 5, title: 'Hours', body: '<p>9 to 5</p>', locale: 'en', translations: [
      { id: 1, locale: 'en', title: 'Hours', body: '<p>9 to 5</p>' },
      { id: 2, locale: 'nl', title: 'Openingstijden', body: '<p>9 tot 5</p>' },
    ] }] };
    const r = importText('a.json', JSON.stringify(doc));
    expect(r.entries.map((e) => [e.id, e.translationGroup])).toEqual([['zendesk-article-5-en', 'zendesk-article-5'], ['zendesk-article-5-nl', 'zendesk-article-5']]);
  });

  it('keeps the translation group through every export format', () => {
    for (const format of ['json', 'csv', 'markdown'] as const) {
      const back = importFiles(exportEntries(result.entries, format), { now: NOW });
      expect(back.entries.map((e) => e.translationGroup), format).toEqual(result.entries.map(() => 'zendesk-article-768934'));
    }
  });
});
