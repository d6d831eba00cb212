import { describe, expect, it } from 'vitest';
import { lintPlaceholders } from '../../knowledge/editor/placeholder-lint.ts';

describe('placeholder linter', () => {
  it('says nothing about known placeholders with fallbacks or filled by the agent', () => {
    expect(lintPlaceholders('Hi {{customer.first_name|there}}, order {{order.number}} from {{agent.name}}.')).toEqual([]);
  });

  it('finds unknown names, ticket values without fallback and other dialects, once each', () => {
    const found = lintPlaceholders('Hi {{customer.first_name}} {{customer.first_name}} {{foo.bar}} {%customer.firstName%} %{ticket.number} {{ticket.requester.name}} {% if vip %}');
    expect(found.map((p) => [p.kind, p.raw])).toEqual([
      ['unknown', '{{foo.bar}}'],
      ['dialect', '{%customer.firstName%}'],
      ['dialect', '%{ticket.number}'],
      ['dialect', '{{ticket.requester.name}}'],
      ['dialect', '{% if vip %}'],
      ['no-fallback', '{{customer.first_name}}'],
    ]);
    expect(found.find((p) => p.raw === '%{ticket.number}')).toMatchObject({ replacement: '{{ticket.id}}' });
    expect(found.find((p) => p.raw === '{% if vip %}')!.message).toMatch(/template logic/);
    expect(found.find((p) => p.kind === 'no-fallback')!.message).toContain('{{customer.first_name|…}}');
  });
});
