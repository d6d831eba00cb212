import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { expose } from './api';

// A React-controlled textarea: React only keeps a value it saw through onChange, so the test
// reads React's state, not the DOM.
let state = '';
function Reply() {
  const [value, setValue] = useState('');
  state = value;
  return <textarea name="body" aria-label="Reply" value={value} onChange={(e) => setValue(e.target.value)} />;
}
createRoot(document.querySelector('#reply .editor')!).render(<Reply />);
const ready = () => document.querySelector('#reply textarea');
const wait = setInterval(() => {
  if (!ready()) return;
  clearInterval(wait);
  expose({ name: 'react-textarea', text: () => state, html: () => state });
}, 10);
