import { useEffect, useState } from 'react';
import type { DashboardApi } from './api';

/** A number that goes up whenever the knowledge changed (here or in any other view): sections reload on it. */
export function useKnowledgeVersion(api: DashboardApi): number {
  const [version, setVersion] = useState(0);
  useEffect(() => api.onKnowledgeChanged(() => setVersion((v) => v + 1)), [api]);
  return version;
}
