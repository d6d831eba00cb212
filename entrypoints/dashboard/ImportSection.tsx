import { ImportKnowledge } from '@/components/import/ImportKnowledge';
import { checkFiles } from '@/components/import/read-files';
import { StoreError } from '@/knowledge/store/errors';
import { applyImportBatched } from '@/knowledge/store/import';
import { checkImport } from '@/knowledge/store/import-check';
import type { DashboardApi } from './api';

/** Import knowledge files: checked in this page, written to the store in batches, all or nothing. */
export function ImportSection({ api }: { api: DashboardApi }) {
  return (
    <ImportKnowledge
      check={(files, signal, onProgress) => checkFiles(files, signal, onProgress)}
      warn={(entries) => checkImport(api.db, entries)}
      apply={async (entries, onProgress, signal) => {
        try {
          const who = await api.who();
          const value = await applyImportBatched(api.db, { entries, problems: [] }, `${who.replace(/ \(dashboard\)$/, '')} (import in the dashboard)`, { onProgress, signal });
          await api.knowledgeWritten();
          return { ok: true, value };
        } catch (err) {
          if (err instanceof StoreError) return { ok: false, error: err.message };
          throw err;
        }
      }}
    />
  );
}
