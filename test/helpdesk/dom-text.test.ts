// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockText, emailIn } from '../../entrypoints/helpdesk.content/dom';

function text(html: string, skip?: string): string {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return blockText(document.getElementById('root'), skip);
}

describe('blockText', () => {
  it('keeps line breaks from <br>, blocks and paragraphs; collapses other whitespace', () => {
    expect(text('<p>Hello,</p>\n   <p>my   order\n is late.<br>Thanks</p>')).toBe('Hello,\n\nmy order is late.\nThanks');
    expect(text('<div>a</div><div><br></div><div>b</div>')).toBe('a\n\nb');
    expect(text('<div>a<br></div><div>b</div>')).toBe('a\nb');
  });

  it('keeps preformatted text as written', () => {
    expect(text('<div style="white-space:pre-wrap">Hello,\n\nline two\nline three</div>')).toBe('Hello,\n\nline two\nline three');
  });

  it('leaves out hidden, script, style, buttons and the chrome it is told to skip', () => {
    expect(
      text('<p>Visible</p><p hidden>hidden</p><p style="display:none">none</p><script>x()</script><style>p{}</style><button>Reply</button><span class="ts">2 hours ago</span>', '.ts'),
    ).toBe('Visible');
  });

  it('never has more than one blank line in a row', () => {
    expect(text('<p>a</p><p></p><p></p><br><br><br><p>b</p>')).toBe('a\n\nb');
  });
});

describe('emailIn', () => {
  it('finds the address in mailto links and display forms', () => {
    expect(emailIn('mailto:Priya@Example.com')).toBe('priya@example.com');
    expect(emailIn('"Carol" <carol@example.org>,')).toBe('carol@example.org');
    expect(emailIn('no address')).toBeUndefined();
  });
});
