import { useEffect, useState } from 'react';
import type { KnowledgeHealth as Health } from '@/knowledge/health';
import { loadHealth } from '@/knowledge/store/dashboard';
import { KnowledgeHealth } from '@/components/knowledge/KnowledgeHealth';
import type { DashboardApi } from './api';
import { KnowledgeListSection } from './KnowledgeListSection';
import { useKnowledgeVersion } from './useKnowledgeVersion';

/** The lead's first screen: knowledge health at a glance, then every entry. */
export function KnowledgeSection({ api }: { api: DashboardApi }) {
  const version = useKnowledgeVersion(api);
  const [health, setHealth] = useState<Health | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    loadHealth(api.db).then(
      (h) => live && setHealth(h),
      (err: unknown) => live && setHealth({ error: `Could not read the knowledge: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [api, version]);
  return (
    <>
      {!health ? (
        <p className="muted">Reading the knowledge{'\u2026'}</p>
      ) : 'error' in health ? (
        <p className="notice notice-error">{health.error}</p>
      ) : (
        <KnowledgeHealth health={health} onDownload={(name, csv) => api.download(name, csv, 'text/csv')} />
      )}
      <KnowledgeListSection api={api} version={version} />
    </>
  );
}
