import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { expose } from './api';

const quill = new Quill('#reply .editor', { theme: 'snow', placeholder: 'Write your reply…' });
expose({ name: 'quill', text: () => quill.getText().replace(/\n$/, ''), html: () => quill.getSemanticHTML() });
