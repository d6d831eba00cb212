import { describe, expect, it } from 'vitest';
import { DIALECT_NAMES, unifyPlaceholders } from '../../knowledge/formats/placeholder-dialects.ts';
import { PLACEHOLDERS } from '../../knowledge/placeholders.ts';
import { importText, lines } from './helpers.ts';

describe('placeholder dialects', () => {
  it.each([
    ['Zendesk', 'Hi {{ticket.requester.first_name}}, ticket #{{ticket.id}} ({{ticket.title}}). {{current_user.signature}}', 'Hi {{customer.first_name}}, ticket #{{ticket.id}} ({{ticket.subject}}). {{agent.signature}}'],
    ['Zendesk with a Liquid default', '{{ticket.requester.first_name | default: "there"}}', '{{customer.first_name|there}}'],
    ['Freshdesk', 'Dear {{ticket.requester.name}} <{{ticket.requester.email}}>, {{ticket.agent.name}} at {{helpdesk_name}}', 'Dear {{customer.name}} <{{customer.email}}>, {{agent.name}} at {{company.name}}'],
    ['Help Scout', 'Hi {%customer.firstName,fallback=there%}, {%user.firstName%} from {%mailbox.name%}', 'Hi {{customer.first_name|there}}, {{agent.first_name}} from {{company.name}}'],
    ['Front', 'Hello {{recipient.first_name}} {{recipient.last_name}}, {{user.first_name}}', 'Hello {{customer.first_name}} {{customer.last_name}}, {{agent.first_name}}'],
    ['osTicket', 'Dear %{ticket.name.first}, ticket %{ticket.number}: %{ticket.subject}. %{staff.signature}', 'Dear {{customer.first_name}}, ticket {{ticket.id}}: {{ticket.subject}}. {{agent.signature}}'],
    ['FreeScout', '{%customer.fullName%} <{%customer.email%}>, #{%conversation.number%}, {%user.fullName%}', '{{customer.name}} <{{customer.email}}>, #{{ticket.id}}, {{agent.name}}'],
    ['our own syntax', '{{customer.first_name|there}} {{ order.number }}', '{{customer.first_name|there}} {{order.number}}'],
  ])('%s', (_name, input, expected) => {
    expect(unifyPlaceholders(input)).toEqual({ text: expected, errors: [] });
  });

  it('maps every dialect name to a placeholder that exists', () => {
    for (const table of Object.values(DIALECT_NAMES)) {
      for (const target of Object.values(table)) expect(Object.keys(PLACEHOLDERS)).toContain(target);
    }
  });

  it('names unknown placeholders of every dialect as written', () => {
    const { errors } = unifyPlaceholders('{{ticket.requester.shoe_size}} {%customer.shoeSize%} %{ticket.shoe}');
    expect(errors.map((e) => e.split(',')[0])).toEqual([
      'uses the placeholder {{ticket.requester.shoe_size}}',
      'uses the placeholder {%customer.shoeSize%}',
      'uses the placeholder %{ticket.shoe}',
    ]);
  });

  it('refuses template logic it cannot run', () => {
    expect(unifyPlaceholders('{% if ticket.requester.first_name %}Hi{% endif %}').errors[0]).toMatch(/^uses template logic \{% if ticket\.requester/);
  });

  it('reports unknown placeholders on import with file, row and field', () => {
    expect(lines(importText('macros.csv', 'title,body\nA,Hi {{customer.nickname}}\n'))[0]).toMatch(
      /^macros\.csv row 2, body: uses the placeholder \{\{customer\.nickname\}\}, which Agent Assist does not know; use one of \{\{customer\.first_name\}\}/,
    );
  });

  it('converts placeholders inside HTML without escaping their underscores', () => {
    const result = importText('g.json', JSON.stringify({ articles: [{ id: 7, title: 'T', body: '<p>Hi <b>{{ticket.requester.first_name}}</b>, <a href="https://x.example/o/{{ticket.id}}">your order</a></p>' }] }));
    expect(result.entries[0]?.body).toBe('Hi **{{customer.first_name}}**, [your order](https://x.example/o/{{ticket.id}})');
  });
});
