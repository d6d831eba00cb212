import type { DashboardApi } from './api';
import { EntrySection } from './EntrySection';
import { ImportSection } from './ImportSection';
import { KnowledgeSection } from './KnowledgeSection';
import { ReportsSection } from './ReportsSection';
import { SECTIONS, routeHash, useRoute, type Route } from './route';
import { SettingsSection } from './SettingsSection';
import { ReviewSection } from './ReviewSection';

/** The leads' and trainers' page: a full tab beside the helpdesk, with one section at a time. */
export function App({ api }: { api: DashboardApi }) {
  const [route] = useRoute();
  const current = route.section === 'entry' || route.section === 'new-entry' ? 'knowledge' : route.section;
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
        <a className="new-entry-link" href={routeHash({ section: 'new-entry' })} aria-current={route.section === 'new-entry' ? 'page' : undefined}>
          New entry
        </a>
      </header>
      <main className="dash-main">
        <Section api={api} route={route} />
      </main>
    </div>
  );
}

function Section({ api, route }: { api: DashboardApi; route: Route }) {
  switch (route.section) {
    case 'import':
      return <ImportSection api={api} />;
    case 'review':
      return <ReviewSection api={api} />;
    case 'settings':
      return <SettingsSection api={api} />;
    case 'entry':
      // keyed: another entry is a fresh editor (its own form, history and unsaved-changes guard)
      return <EntrySection key={route.id} api={api} id={route.id} />;
    case 'new-entry':
      return <EntrySection key={routeHash(route)} api={api} prefill={route.prefill} />;
    case 'reports':
      return <ReportsSection api={api} />;
    default:
      return <KnowledgeSection api={api} />;
  }
}
