import { expose } from './api';

const field = document.querySelector<HTMLTextAreaElement>('#reply textarea')!;
expose({ name: 'textarea', text: () => field.value, html: () => field.value });
