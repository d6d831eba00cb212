import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserDashboardApi } from './browser-api';
import '@/components/base.css';
import './dashboard.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={browserDashboardApi()} />
  </StrictMode>,
);
