import { Bold, ClassicEditor, Essentials, Link, List, Paragraph } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { expose, htmlToLines } from './api';

const editor = await ClassicEditor.create(document.querySelector<HTMLElement>('#reply .editor')!, {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Link, List],
  toolbar: ['bold', 'link', 'bulletedList', 'numberedList', 'undo', 'redo'],
});
expose({ name: 'ckeditor5', text: () => htmlToLines(editor.getData()), html: () => editor.getData() });
