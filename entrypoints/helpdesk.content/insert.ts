import type { InsertMethod } from '../../knowledge/messages';
import { cleanHtml, htmlToText, parseInert, spaceBlocks, splitParagraphs, textToHtml } from '../../knowledge/insert-html';
import { editableIn, editorKind, type EditorKind } from './insert-detect';

/**
 * Puts approved text into the helpdesk's reply box, at the agent's cursor (at the end when the
 * cursor is not in the box). What the agent typed is kept: a selection is collapsed to its end,
 * never replaced. Nothing is sent: no key is pressed, no button clicked, no form submitted.
 */
export interface InsertResult {
  ok: boolean;
  /** How the text went in (see INSERT_METHODS in knowledge/messages.ts); on failure the method tried last, or `none`. */
  method: InsertMethod;
  /** The editor found, e.g. ckeditor5, quill (also set on failure when one was found). */
  editor?: EditorKind;
  reason?: string;
}

export interface InsertOptions {
  /**
   * The answer as HTML (the panel's rendering of the entry's Markdown); cut to the knowledge subset.
   * When given, plain-text boxes get its text (links as "label (url)"), not `text`.
   */
  html?: string;
}

type Method = Extract<InsertMethod, 'paste' | 'insertHTML' | 'insertText'>;

// Editors that take a synthetic paste keep links and paragraphs their own way (measured in
// test/e2e/editors.e2e.test.ts). Line-by-line insertText is the fallback: CKEditor 5 shows it and
// then drops it from its model, ProseMirror turns line breaks into spaces. Slate handles
// paste through beforeinput, so an untrusted paste does nothing there and insertHTML would write
// to the DOM behind its model: it gets line-by-line insertText, which it maps to its own ops.
const METHODS: Record<Exclude<EditorKind, 'textarea'>, Method[]> = {
  ckeditor5: ['paste'],
  prosemirror: ['paste', 'insertText'],
  quill: ['paste', 'insertText'],
  slate: ['insertText'],
  redactor: ['paste', 'insertHTML', 'insertText'],
  summernote: ['paste', 'insertHTML', 'insertText'],
  contenteditable: ['paste', 'insertHTML', 'insertText'],
};

export function insertIntoReplyBox(box: HTMLElement, text: string, options: InsertOptions = {}): InsertResult {
  if (!text.trim()) return { ok: false, method: 'none', reason: 'There is no text to insert.' };
  const el = editableIn(box);
  if (!el) return { ok: false, method: 'none', reason: 'No editable reply box was found on the page.' };
  const editor = editorKind(el);
  // With HTML, the plain text is derived from it: `text` may be Markdown source (**, [label](url)).
  const html = options.html ? cleanHtml(options.html, el.ownerDocument) : textToHtml(text);
  const plain = options.html ? htmlToText(html, el.ownerDocument) || text : text;
  if (editor === 'textarea') return insertIntoField(el as HTMLTextAreaElement | HTMLInputElement, plain);
  return insertIntoRichEditor(el, editor, plain, html);
}

function insertIntoField(field: HTMLTextAreaElement | HTMLInputElement, text: string): InsertResult {
  if (field.disabled || field.readOnly) {
    return { ok: false, method: 'none', editor: 'textarea', reason: 'The reply box is read-only.' };
  }
  const value = field.value;
  // A field keeps its cursor while the agent is in the side panel; elsewhere on the page it is "no cursor".
  const hasCursor = field.ownerDocument.activeElement === field && field.selectionEnd !== null;
  const at = hasCursor ? field.selectionEnd! : value.length;
  let insert = text.replace(/\r\n?/g, '\n');
  if (field instanceof field.ownerDocument.defaultView!.HTMLInputElement) insert = insert.replace(/\s*\n\s*/g, ' ');
  else if (value.slice(0, at).trim() && !value.slice(0, at).endsWith('\n') && (!hasCursor || insert.trim().includes('\n'))) {
    insert = '\n' + insert;
  }
  const next = value.slice(0, at) + insert + value.slice(at);
  // The prototype's setter, not the element's own: React and friends track `value` on the element
  // and only notice a change made behind their back.
  const proto = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, next);
  else field.value = next;
  const caret = at + insert.length;
  field.setSelectionRange(caret, caret);
  const win = field.ownerDocument.defaultView!;
  field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: insert }));
  field.dispatchEvent(new win.Event('change', { bubbles: true }));
  return field.value === next
    ? { ok: true, method: 'value-setter', editor: 'textarea' }
    : { ok: false, method: 'value-setter', editor: 'textarea', reason: 'The reply box refused the text.' };
}

function insertIntoRichEditor(root: HTMLElement, editor: Exclude<EditorKind, 'textarea'>, text: string, html: string): InsertResult {
  const doc = root.ownerDocument;
  const before = flatText(root);
  const { range, kept } = target(root);
  // Appended text, or a whole answer put after words on the caret's line, starts on a line of its
  // own; a one-line text goes exactly at the cursor (it may complete a sentence).
  const newLine = kept ? text.trim().includes('\n') && textBeforeCaret(root, range) !== '' : before !== '';
  // Quill's paragraphs have no margin: without an empty line between them, paragraphs run together.
  const blankLines = editor === 'quill';
  const blocks = blankLines ? spaceBlocks(html, doc) : html;
  for (const method of METHODS[editor]) {
    placeCaret(root, range);
    const handled =
      method === 'paste'
        ? paste(root, text, newLine ? '<p></p>' + blocks : blocks)
        : method === 'insertHTML'
          ? insertHtml(doc, blocks, newLine)
          : insertLines(doc, text, newLine, blankLines);
    if (!handled) continue;
    if (landed(root, before, html)) return { ok: true, method, editor };
    // The editor took the event but its content did not change: trying again could insert twice.
    if (method === 'paste') return { ok: false, method, editor, reason: 'The editor took the paste but the text did not appear.' };
  }
  return { ok: false, method: 'none', editor, reason: 'The editor did not accept the text.' };
}

/** The agent's cursor in the editor, collapsed to its end (`kept`), or else the editor's end. */
function target(root: HTMLElement): { range: Range; kept: boolean } {
  const sel = root.ownerDocument.getSelection();
  const current = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
  // An iframe editor keeps its own selection when the agent clicks elsewhere in the page: there
  // the cursor counts only while the frame still has the page's focus.
  const frame = root.ownerDocument.defaultView?.frameElement;
  const focused = !frame || frame.ownerDocument.activeElement === frame;
  // Another field of the page has the focus (the agent clicked into a search box): Firefox keeps
  // the editor's selection then, so only the focus tells that the cursor left the editor.
  const active = root.ownerDocument.activeElement;
  const elsewhere = active !== null && active !== root.ownerDocument.body && active !== root && !root.contains(active);
  const kept = current !== null && focused && !elsewhere && root.contains(current.endContainer);
  const range = kept ? current.cloneRange() : endOf(root);
  range.collapse(false);
  return { range, kept };
}

function placeCaret(root: HTMLElement, range: Range): void {
  const doc = root.ownerDocument;
  if (doc.activeElement !== root) root.focus({ preventScroll: true });
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  // Editors (CKEditor 5, Quill) sync their model's selection on selectionchange, which the browser
  // fires later; fire it now so the text goes where the caret is.
  doc.dispatchEvent(new (doc.defaultView!.Event)('selectionchange'));
}

/** The text between the start of the caret's line (its block) and the caret. */
function textBeforeCaret(root: HTMLElement, caret: Range): string {
  let block: Node | null = caret.startContainer;
  while (block && block !== root && !(block.nodeType === 1 && BLOCK.test((block as Element).tagName))) block = block.parentNode;
  const range = root.ownerDocument.createRange();
  range.selectNodeContents(block ?? root);
  range.setEnd(caret.startContainer, caret.startOffset);
  // Only the current line counts: text before a <br> in the same block is an earlier line.
  let line = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line += child.textContent ?? '';
      else if (isBr(child)) line = '';
      else walk(child);
    }
  };
  walk(range.cloneContents());
  return line.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
}

const BLOCK = /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|PRE|TD|TH)$/;

/** A collapsed range at the end of the last line, before a trailing (filler) <br>. */
function endOf(root: HTMLElement): Range {
  const range = root.ownerDocument.createRange();
  let node: Node = root;
  while (node.lastChild && !isBr(node.lastChild)) node = node.lastChild;
  if (node.nodeType === 3) range.setStart(node, node.textContent?.length ?? 0);
  else if (node.lastChild) range.setStartBefore(node.lastChild);
  else if (node === root || !VOID.test((node as Element).tagName)) range.setStart(node, 0);
  else range.setStartAfter(node);
  range.collapse(true);
  return range;
}

const VOID = /^(IMG|HR|INPUT|VIDEO|AUDIO|IFRAME|EMBED|OBJECT|CANVAS)$/;

function isBr(n: Node): boolean {
  return n.nodeType === 1 && (n as Element).tagName === 'BR';
}

function paste(root: HTMLElement, text: string, html: string): boolean {
  const event = pasteEvent(root.ownerDocument.defaultView!, text, html);
  // An editor that takes a paste with no data prevents its default and inserts nothing: don't send one.
  if (!event) return false;
  caretElement(root).dispatchEvent(event);
  // An untrusted paste has no default action: only an editor that handles it changes anything.
  return event.defaultPrevented;
}

/**
 * A paste event that carries the answer, or null when this browser cannot build one. Firefox
 * ignores `clipboardData` in a script-made ClipboardEvent (it gets an empty DataTransfer) but
 * takes its own `dataType`/`data` members, which carry one type: the HTML, as editors prefer it.
 */
function pasteEvent(win: Window & typeof globalThis, text: string, html: string): ClipboardEvent | null {
  const data = new win.DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', text);
  const init = { bubbles: true, cancelable: true };
  const standard = new win.ClipboardEvent('paste', { ...init, clipboardData: data });
  if (carries(standard)) return standard;
  const gecko = new win.ClipboardEvent('paste', { ...init, dataType: 'text/html', data: html } as ClipboardEventInit);
  return carries(gecko) ? gecko : null;
}

function carries(event: ClipboardEvent): boolean {
  return (event.clipboardData?.types.length ?? 0) > 0;
}

function caretElement(root: HTMLElement): Element {
  const node = root.ownerDocument.getSelection()?.anchorNode;
  const el = node?.nodeType === 3 ? node.parentElement : (node as Element | null | undefined);
  return el && root.contains(el) ? el : root;
}

function insertHtml(doc: Document, html: string, newLine: boolean): boolean {
  // The browser's insertHTML drops an empty leading paragraph: break the line first.
  return (!newLine || doc.execCommand('insertParagraph')) && doc.execCommand('insertHTML', false, html);
}

function insertLines(doc: Document, text: string, newLine: boolean, blankLines: boolean): boolean {
  let ok = newLine ? doc.execCommand('insertParagraph') : true;
  splitParagraphs(text).forEach((lines, p) => {
    if (p > 0) ok = doc.execCommand('insertParagraph') && ok;
    if (p > 0 && blankLines) ok = doc.execCommand('insertParagraph') && ok;
    lines.forEach((line, l) => {
      if (l > 0) ok = doc.execCommand('insertLineBreak') && ok;
      if (line) ok = doc.execCommand('insertText', false, line) && ok;
    });
  });
  return ok;
}

function flatText(el: Node): string {
  return (el.textContent ?? '').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** The editor's content grew and holds the start of the answer's first block, as the HTML shows it. */
function landed(root: HTMLElement, before: string, html: string): boolean {
  const probeRoot = parseInert(html, root.ownerDocument);
  const first = Array.from(probeRoot.childNodes).map((n) => flatText(n)).find(Boolean) ?? '';
  return flatText(root).length > before.length && flatText(root).includes(first.slice(0, 40));
}
