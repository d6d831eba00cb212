/** The editor test pages: one reply form per real editor library, served by test/e2e/server.ts. */
export const EDITORS = ['textarea', 'react-textarea', 'ckeditor5', 'prosemirror', 'quill', 'contenteditable', 'iframe'] as const;
export type EditorName = (typeof EDITORS)[number];

const BOX: Record<EditorName, string> = {
  textarea: '<textarea name="body" aria-label="Reply" rows="8"></textarea>',
  'react-textarea': '<div class="editor"></div>',
  ckeditor5: '<div class="editor"></div>',
  prosemirror: '<div class="editor"></div>',
  quill: '<div class="editor"></div>',
  contenteditable:
    '<div class="note-editable" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Reply"></div>' +
    '<textarea name="body" hidden></textarea>',
  iframe: '<iframe title="Reply" srcdoc="<!doctype html><html><body style=\'min-height:6rem;font:15px system-ui\'></body></html>" style="width:100%;height:9rem;border:1px solid #888"></iframe>',
};

/** A ticket page in miniature: a search box outside the editor, the reply form, a send button. */
export function editorPageHtml(name: EditorName, bundleBase: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reply editor: ${name}</title>
<link rel="stylesheet" href="${bundleBase}/${name}.css" onerror="this.remove()">
<style>body{font:15px system-ui;margin:2rem;max-width:50rem} #reply{margin:1rem 0}
.note-editable,textarea{min-height:8rem;border:1px solid #888;padding:.5rem;width:100%;box-sizing:border-box}</style>
</head><body>
<h1>Ticket 4711: Where is my parcel?</h1>
<label>Search tickets <input id="search" type="search"></label>
<p class="customer">Hello, my order has not arrived yet. Can you help?</p>
<form action="/submitted" method="post">
  <div id="reply" data-reply>${BOX[name]}</div>
  <button type="submit" data-send>Send reply</button>
</form>
<script type="module" src="${bundleBase}/${name}.js"></script>
</body></html>
`;
}
