import { expose, htmlToLines } from './api';

// Summernote/Redactor style: a plain contenteditable div whose HTML is copied into a hidden
// textarea on every input event; the textarea is what the form would send.
const editable = document.querySelector<HTMLElement>('#reply .note-editable')!;
const source = document.querySelector<HTMLTextAreaElement>('#reply textarea[name=body]')!;
editable.addEventListener('input', () => {
  source.value = editable.innerHTML;
});
expose({ name: 'contenteditable', text: () => htmlToLines(source.value), html: () => source.value });
