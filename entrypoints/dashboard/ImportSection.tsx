import { ImportWizard } from '@/components/import/ImportWizard';
import { StoreError } from '@/knowledge/store/errors';
import { rememberCsvMapping, rememberedCsvMapping } from '@/knowledge/store/csv-mappings';
import { applyImportBatched } from '@/knowledge/store/import';
import { startIndexUpdate } from '@/knowledge/store/index-update';
import { planStoredImport } from '@/knowledge/store/import-check';
import type { DashboardApi } from './api';

/** Import knowledge files: checked in this page, the dry run against the store, then written in batches, all or nothing. */
export function ImportSection({ api, now }: { api: DashboardApi; now?: Date }) {
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <ImportWizard
        now={now}
        remembered={(headers) => rememberedCsvMapping(api.db, headers)}
        remember={(headers, mapping) => rememberCsvMapping(api.db, headers, mapping)}
        plan={(result, conflicts) => planStoredImport(api.db, result, conflicts, now ? { now } : {})}
        apply={async (result, conflicts, onProgress, signal) => {
          try {
            const who = await api.who('import in the dashboard');
            // the stored search index updated here, beside the writes: the worker loads it instead of indexing every entry again
            const index = startIndexUpdate(api.db);
            const value = await applyImportBatched(api.db, result, who, { conflicts, onProgress, signal, onLanded: index.apply, alsoWrite: index.save, ...(now ? { now } : {}) });
            await api.knowledgeWritten();
            return { ok: true, value };
          } catch (err) {
            if (err instanceof StoreError) return { ok: false, error: err.message };
            throw err;
          }
        }}
      />
    </section>
  );
}
