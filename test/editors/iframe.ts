import { expose, htmlToLines } from './api';

// CKEditor 4 / TinyMCE style: the reply is the <body> of a same-origin iframe in design mode.
const frame = document.querySelector<HTMLIFrameElement>('#reply iframe')!;
const ready = () => {
  const body = frame.contentDocument!.body;
  body.contentEditable = 'true';
  expose({ name: 'iframe', text: () => htmlToLines(body.innerHTML), html: () => body.innerHTML });
};
// Before srcdoc loads, the frame holds an about:blank document that is "complete" too.
const doc = frame.contentDocument;
if (doc?.URL === 'about:srcdoc' && doc.readyState === 'complete' && doc.body) ready();
else frame.addEventListener('load', ready, { once: true });
