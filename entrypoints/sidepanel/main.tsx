import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { warmExcerpts } from '@/knowledge/answer';
import { App } from './App';
import { browserApi, pinnedTab } from './browser-api';
import '@/components/base.css';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={browserApi(pinnedTab(location.search))} />
  </StrictMode>,
);

// The first suggestion's excerpt would compile marked's lexer: done while the panel waits for a ticket.
requestIdleCallback(() => warmExcerpts(), { timeout: 1000 });
