// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanHtml, htmlToText, spaceBlocks, splitParagraphs, textToHtml } from '../../knowledge/insert-html';
import { editableIn, editorKind } from '../../entrypoints/helpdesk.content/insert-detect';

describe('the HTML a rich editor gets on insert', () => {
  it('for Quill, an empty paragraph parts blocks (its paragraphs have no margin)', () => {
    expect(spaceBlocks('<p>a</p>\n<p>b<br>c</p><ul><li>d</li></ul>', document)).toBe('<p>a</p>\n<p><br></p><p>b<br>c</p><p><br></p><ul><li>d</li></ul>');
    expect(spaceBlocks('<p>one</p>', document)).toBe('<p>one</p>');
  });

  it('blank lines make paragraphs, single newlines line breaks, bare links become links', () => {
    expect(textToHtml('Hi Ana,\r\n\r\nTrack it: https://example.com/t?a=1&b=2.\nThanks!\n\n\n')).toBe(
      '<p>Hi Ana,</p><p>Track it: <a href="https://example.com/t?a=1&amp;b=2">https://example.com/t?a=1&amp;b=2</a>.<br>Thanks!</p>',
    );
  });

  it('text is escaped, never markup', () => {
    expect(textToHtml('<img src=x onerror=alert(1)> & "quotes"')).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>');
  });

  it('paragraphs split on blank lines, even with spaces in them', () => {
    expect(splitParagraphs('a\nb\n \t\nc')).toEqual([['a', 'b'], ['c']]);
  });

  it('rendered Markdown keeps the knowledge subset and loses everything else', () => {
    const html =
      '<h2 onclick="x()">Title</h2><p style="color:red">Go <a href="https://ok.example/x" target="_blank" onclick="x()">here</a> ' +
      '<a href="javascript:alert(1)">bad</a> <a href="data:text/html,x">data</a></p><script>alert(1)</script>' +
      '<ul><li><strong>one</strong></li></ul><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>';
    expect(cleanHtml(html, document)).toBe(
      'Title<p>Go <a href="https://ok.example/x">here</a> <a>bad</a> <a>data</a></p><ul><li><strong>one</strong></li></ul>',
    );
  });
});

describe('finding the element that takes the text', () => {
  const mount = (html: string) => {
    document.body.innerHTML = html;
    // jsdom has no layout: every element counts as visible unless it is display:none.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      el.getClientRects = () => (el.closest('[hidden], [style*="display: none"]') ? [] : [{}]) as unknown as DOMRectList;
    }
    return document.body.firstElementChild as HTMLElement;
  };

  it('a wrapper hands over the editable inside it', () => {
    const wrapper = mount('<div id="w"><div class="ck-editor__editable" contenteditable="true"><p>x</p></div></div>');
    expect(editableIn(wrapper)?.className).toBe('ck-editor__editable');
    expect(editorKind(editableIn(wrapper)!)).toBe('ckeditor5');
  });

  it("a hidden source textarea (Summernote, Redactor) hands over the visible editor beside it", () => {
    mount('<div><textarea id="src" style="display: none"></textarea><div class="note-editor"><div class="note-editable" contenteditable="true"></div></div></div>');
    const found = editableIn(document.querySelector<HTMLElement>('#src')!);
    expect(found?.className).toBe('note-editable');
    expect(editorKind(found!)).toBe('summernote');
  });

  it('a page without any editable reply box gives nothing', () => {
    expect(editableIn(mount('<div><p>read only</p><textarea hidden></textarea></div>'))).toBe(null);
  });
});

describe('the plain text a textarea gets from the rendered answer', () => {
  it('keeps paragraphs, line breaks, list items and link addresses, and no Markdown marks', () => {
    const html =
      '<p>Hi <strong>Ana</strong>,</p><p>What you can do:</p><ul><li><strong>DHL:</strong> use <a href="https://dhl.example/x">the link</a></li><li>call us</li></ul>' +
      '<ol><li>one</li><li>two</li></ol><p>Mail <a href="mailto:help@example.com">help@example.com</a> or see https://example.com<br>Thanks!</p>';
    expect(htmlToText(html, document)).toBe(
      'Hi Ana,\n\nWhat you can do:\n\n- DHL: use the link (https://dhl.example/x)\n- call us\n\n1. one\n2. two\n\nMail help@example.com or see https://example.com\nThanks!',
    );
  });
});
