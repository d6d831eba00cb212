// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown, renderMarkdown } from '@/components/entry/Markdown';
import { cleanup, render } from './render';

afterEach(cleanup);

const XSS = [
  'Hello <script>window.pwned = 1</script>',
  '<img src="https://evil.example/x.png" onerror="window.pwned = 2">',
  '![tracker](https://evil.example/pixel.gif)',
  '[click me](javascript:window.pwned=3)',
  '<a href="https://ok.example" onclick="window.pwned=4">ok</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg><script>window.pwned=5</script></svg>',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<style>body{background:url(https://evil.example/bg)}</style>',
].join('\n\n');

describe('Markdown: imported content cannot run script or load anything', () => {
  it('renders an XSS entry body inert', async () => {
    const c = await render(<Markdown source={XSS} />);
    expect(c.querySelectorAll('script, img, iframe, svg, style, object, embed')).toHaveLength(0);
    for (const el of c.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr).not.toMatch(/^on/i);
      expect(el.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
      expect(el.getAttribute('style')).toBeNull();
    }
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    // Raw HTML is shown as text, so the agent sees what the file contains.
    expect(c.textContent).toContain('<script>window.pwned = 1</script>');
  });

  it('keeps the subset: emphasis, lists, headings, safe links opening in a new tab without opener', () => {
    const html = renderMarkdown('# Title\n\n**bold** and *it*\n\n- one\n- two\n\n[Help](https://help.example/a)');
    const div = document.createElement('div');
    div.innerHTML = html;
    expect(div.querySelector('h3')?.textContent).toBe('Title');
    expect(div.querySelector('strong')?.textContent).toBe('bold');
    expect(div.querySelectorAll('li')).toHaveLength(2);
    const a = div.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://help.example/a');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps where a numbered list starts, as import does (one allow-list)', () => {
    const div = document.createElement('div');
    div.innerHTML = renderMarkdown('3. third\n4. fourth');
    expect(div.querySelector('ol')?.getAttribute('start')).toBe('3');
  });
});
