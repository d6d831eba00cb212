import { describe, expect, it } from 'vitest';
import { importFiles } from '../../knowledge/standardise.ts';
import { NOW, fixture, importText, lines } from './helpers.ts';

describe('Zendesk macros', () => {
  const result = importFiles([fixture('zendesk-macros.json')], { now: NOW });

  it('turns HTML replies into Markdown with our placeholders, keeping dates and the URL', () => {
    expect(result.entries[0]).toEqual({
      schemaVersion: 1, id: 'zendesk-macro-360001', title: 'Returns::Label sent',
      body: 'Hi {{customer.first_name}},\n\nyour **return label** is attached. [Track it here](https://northwind.example/returns).\n\n{{agent.signature}}',
      questions: [], tags: [], locale: 'en', status: 'approved', owner: '',
      createdAt: '2025-03-01T10:00:00Z', updatedAt: '2026-04-02T11:30:00Z', version: 1,
      source: { format: 'zendesk-macros', file: 'zendesk-macros.json', path: 'macro 1 (id 360001)' },
      custom: { zendesk_description: 'Send the prepaid label', zendesk_url: 'https://example.zendesk.com/api/v2/macros/360001.json' },
    });
  });

  it('reads plain comment_value given as [channel, text]; inactive macros are archived', () => {
    expect(result.entries[1]).toMatchObject({ id: 'zendesk-macro-360002', status: 'archived', body: 'Hi {{customer.name}}, your parcel is delayed.' });
  });

  it('skips macros without reply text with a warning, and names unknown placeholders', () => {
    expect(lines(result, 'warning')).toEqual([
      'zendesk-macros.json macro 3 (id 360003), actions: has no reply text (no comment_value or comment_value_html action), so it was skipped',
    ]);
    expect(lines(result)).toHaveLength(1);
    expect(lines(result)[0]).toMatch(/^zendesk-macros\.json macro 4 \(id 360004\), body: uses the placeholder \{\{ticket\.requester\.custom_fields\.points/);
  });

  it('reports a macro without an id', () => {
    expect(lines(importText('m.json', '{"macros":[{"title":"x","actions":[]}]}'))).toEqual([
      'm.json macro 1, id: is missing',
    ]);
  });
});

describe('Zendesk Guide articles', () => {
  const result = importFiles([fixture('zendesk-guide.json')], { now: NOW });

  it('sanitises the HTML body into the Markdown subset, labels become tags, locale normalised', () => {
    expect(lines(result)).toEqual([]);
    expect(result.entries[0]).toMatchObject({
      id: 'zendesk-article-115001-en-us',
      body: '### Reset\n\nGo to [the reset page](https://northwind.example/reset) and enter your email.\n\n- Check spam\n- The link works for 24 hours',
      tags: ['account', 'password'], locale: 'en-US', status: 'approved',
      custom: { zendesk_url: 'https://help.northwind.example/hc/en-us/articles/115001' },
    });
  });

  it('keeps drafts as drafts', () => {
    expect(result.entries[1]).toMatchObject({ id: 'zendesk-article-115002-de', status: 'draft', locale: 'de' });
  });

  it('reports an article with an empty body', () => {
    expect(lines(importText('g.json', '{"articles":[{"id":1,"title":"T","body":"<p> <img src=x></p>"}]}'))).toEqual([
      'g.json article 1 (id 1), body: has no text once formatting is removed; every entry needs an answer (body)',
    ]);
  });
});
