import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, isSubsetMarkdown, toSubsetMarkdown } from '../../knowledge/markdown.ts';
import { cleanBody } from '../../knowledge/formats/text.ts';

describe('the Markdown subset', () => {
  it.each([
    'Plain text with a_snake_case word and 2*3=6.',
    'Line one\nline two\n\nNew paragraph',
    '**bold**, *italic*, `code`, [link](https://a.example), [mail](mailto:a@b.example)',
    '- one\n- two\n\n1. first\n2. second',
    '### Heading\n\n#### Smaller',
  ])('keeps %j exactly as written', (md) => {
    expect(isSubsetMarkdown(md)).toBe(true);
    expect(toSubsetMarkdown(md)).toBe(md);
  });

  it.each([
    ['# Big heading', '### Big heading'],
    ['> a quote', 'a quote'],
    ['![logo](https://a.example/x.png) text', 'text'],
    ['[relative](/hc/articles/1)', 'relative'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'a b\n\n1 2'],
    ['Hi <b>there</b>', 'Hi **there**'],
    ['```\ncode block\n```', 'code block'],
  ])('flattens %j to %j', (md, expected) => {
    expect(cleanBody(toSubsetMarkdown(md))).toBe(expected);
  });

  it('turns HTML into the subset', () => {
    expect(htmlToMarkdown('<h2>Title</h2><div>One</div><div>Two<br>Three</div><ol start="3"><li>a</li><li>b</li></ol>')).toBe(
      '### Title\n\nOne\n\nTwo\nThree\n\n3. a\n4. b',
    );
  });

  it('is stable: converting its own output again changes nothing (property)', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<i>', '<a href="https://x.example">', '</a>', '<ul><li>', '</li></ul>',
      '<h1>', '</h1>', '<br>', '*', '_', '[', ']', '(', ')', '#', '-', '1.', '`', '\\', '<', '>', '&amp;', '{{customer.first_name}}', ' ', '\n', 'word', '~', '|', '---', '=', 'www.a.example', 'a@b.example', '!');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 30 }), (parts) => {
        const md = cleanBody(htmlToMarkdown(parts.join('')));
        expect(isSubsetMarkdown(md)).toBe(true);
        expect(cleanBody(toSubsetMarkdown(md))).toBe(md);
      }),
      { numRuns: 1000 },
    );
  });
});
