/** Which editor a reply box is, and the element that really takes the text. */
export type EditorKind = 'textarea' | 'ckeditor5' | 'prosemirror' | 'quill' | 'slate' | 'redactor' | 'summernote' | 'contenteditable';

const KINDS: [EditorKind, string][] = [
  ['ckeditor5', '.ck-editor__editable'],
  ['prosemirror', '.ProseMirror'],
  ['quill', '.ql-editor'],
  ['slate', '[data-slate-editor]'],
  ['redactor', '.redactor-in, .redactor-editor, .redactor_editor'],
  ['summernote', '.note-editable'],
];

const FIELDS = 'textarea, input:not([type]), input[type=text], input[type=email], input[type=search]';
const EDITABLES = '[contenteditable]:not([contenteditable=false])';

export function editorKind(el: HTMLElement): EditorKind {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return 'textarea';
  return KINDS.find(([, selector]) => el.matches(selector))?.[0] ?? 'contenteditable';
}

/**
 * The element inside (or behind) `box` that takes the text: an adapter may hand over the editor's
 * wrapper, its hidden source <textarea> (Summernote, CKEditor hide it), an iframe, or the editable.
 */
export function editableIn(box: HTMLElement): HTMLElement | null {
  if (box.tagName === 'IFRAME') return inFrame(box as HTMLIFrameElement);
  if (box.isContentEditable) return editingHost(box);
  if (box.matches(FIELDS) && visible(box)) return box;
  const inside = firstVisible(box, EDITABLES) ?? firstVisible(box, FIELDS) ?? firstFrame(box);
  if (inside) return inside;
  // A hidden source textarea: the visible editor is its sibling.
  return box.matches(FIELDS) && box.parentElement ? firstVisible(box.parentElement, EDITABLES) : null;
}

function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

function firstVisible(scope: ParentNode, selector: string): HTMLElement | null {
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>(selector))) {
    if (!visible(el)) continue;
    return el.isContentEditable ? editingHost(el) : el;
  }
  return null;
}

function firstFrame(scope: ParentNode): HTMLElement | null {
  for (const frame of Array.from(scope.querySelectorAll('iframe'))) {
    const el = inFrame(frame);
    if (el) return el;
  }
  return null;
}

/** Older editors (CKEditor 4, TinyMCE, Redactor 2) edit a same-origin iframe's body. */
function inFrame(frame: HTMLIFrameElement): HTMLElement | null {
  let doc: Document | null = null;
  try {
    doc = frame.contentDocument;
  } catch {
    return null;
  }
  const body = doc?.body;
  if (!body) return null;
  if (body.isContentEditable || doc!.designMode === 'on') return body;
  return editableIn(body);
}

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && el.ownerDocument.defaultView?.getComputedStyle(el).visibility !== 'hidden';
}
