import { useId, useState } from 'react';
import type { EventsFile } from '@/knowledge/reports/jsonl';
import type { EventsImport } from '@/knowledge/store/event-files';
import { count } from './format';

export interface TeamDataProps {
  /** Downloads this browser's own events as NDJSON; says how many and into which file. */
  onExport: () => Promise<{ events: number; fileName: string }>;
  /** Stores the agents' files: each whole or not at all, merged by eventId. */
  onImport: (files: EventsFile[]) => Promise<EventsImport>;
}

/** A file's text (UTF-8); FileReader where Blob.text is missing (older engines, jsdom). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsText(file);
  });
}

/** Team data without a server: each agent exports their events, the trainer imports every file here. */
export function TeamData({ onExport, onImport }: TeamDataProps) {
  const id = useId();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [exported, setExported] = useState<string>();
  const [result, setResult] = useState<EventsImport | { error: string }>();
  const exportMine = async () => {
    setBusy('export');
    try {
      const { events, fileName } = await onExport();
      setExported(`Exported ${count(events)} ${events === 1 ? 'event' : 'events'} to ${fileName}.`);
    } catch (err) {
      setExported(`Could not export: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const importFiles = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy('import');
    setResult(undefined);
    try {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await readText(f) })));
      setResult(await onImport(files));
    } catch (err) {
      setResult({ error: `Could not import: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} data-testid="team-data">
      <h3 id={`${id}-h`}>Team data</h3>
      <p className="muted">
        Each agent exports their events (hashed tickets and redacted notes, one event per line) and sends you the file. Import any number of them
        here: events are merged by their id, so a file imported twice, or an event in two files, counts once. A file with a bad line is left out
        whole.
      </p>
      <button type="button" data-testid="export-my-events" disabled={busy !== null} onClick={() => void exportMine()}>
        Export my events
      </button>{' '}
      <label htmlFor={`${id}-files`}>Import events files</label>{' '}
      <input id={`${id}-files`} type="file" multiple accept=".ndjson,.jsonl,.json,.txt,application/x-ndjson,text/plain" data-testid="import-events" disabled={busy !== null} onChange={(e) => void importFiles(e.target.files).then(() => (e.target.value = ''))} />
      {busy ? (
        <p role="status" className="muted">
          {busy === 'export' ? 'Exporting your events\u2026' : 'Checking and storing the files\u2026'}
        </p>
      ) : null}
      {exported ? (
        <p role="status" data-testid="export-status">
          {exported}
        </p>
      ) : null}
      {result && 'error' in result ? <p className="notice notice-error">{result.error}</p> : null}
      {result && !('error' in result) ? (
        <div role="status" data-testid="import-events-result">
          <p>
            {count(result.added)} {result.added === 1 ? 'event' : 'events'} added, {count(result.duplicates)} already here (duplicates)
            {result.errors.length ? `; ${result.files.filter((f) => f.errors.length).length} of ${result.files.length} files left out` : ''}.
          </p>
          <ul>
            {result.files.map((f) => (
              <li key={f.name} data-testid="import-file-result" className={f.errors.length ? 'notice-error' : undefined}>
                {f.name}: {f.errors.length ? 'not imported' : `${count(f.added)} added, ${count(f.duplicates)} duplicates`} ({count(f.lines)} lines)
                {f.errors.length ? (
                  <ul>
                    {f.errors.map((e, i) => (
                      <li key={i}>{e}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
