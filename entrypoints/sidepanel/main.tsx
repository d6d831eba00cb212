import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserApi, pinnedTab } from './browser-api';
import '@/components/base.css';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={browserApi(pinnedTab(location.search))} />
  </StrictMode>,
);
