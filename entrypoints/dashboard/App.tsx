import type { DashboardApi } from './api';
import { ImportSection } from './ImportSection';
import { KnowledgeSection } from './KnowledgeSection';
import { SECTIONS, routeHash, useRoute } from './route';

/** The leads' and trainers' page: a full tab beside the helpdesk, with one section at a time. */
export function App({ api }: { api: DashboardApi }) {
  const [route] = useRoute();
  const current = route.section === 'entry' ? 'knowledge' : route.section;
  return (
    <div className="dashboard">
      <header className="dash-bar">
        <h1>Agent Assist</h1>
        <nav aria-label="Dashboard sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.section}>
                <a href={routeHash({ section: s.section })} aria-current={current === s.section ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="dash-main">
        {route.section === 'import' ? <ImportSection api={api} /> : <KnowledgeSection api={api} />}
      </main>
    </div>
  );
}
