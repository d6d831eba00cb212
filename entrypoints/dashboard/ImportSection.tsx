import { ImportWizard } from '@/components/import/ImportWizard';
import { StoreError } from '@/knowledge/store/errors';
import { rememberCsvMapping, rememberedCsvMapping } from '@/knowledge/store/csv-mappings';
import { applyImportBatched } from '@/knowledge/store/import';
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
            const value = await applyImportBatched(api.db, result, await api.who('import in the dashboard'), { conflicts, onProgress, signal, ...(now ? { now } : {}) });
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
