import type { DetectedFile } from '@/knowledge/formats/detect';

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1252': 'Windows-1252' };

/** Step 1's list: each dropped file by its path, with the format and encoding detected, or why it is left out. */
export function DetectedFiles({ files }: { files: readonly DetectedFile[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="detected-files">
        <caption>
          {files.length} {files.length === 1 ? 'file' : 'files'}, {files.filter((f) => !f.skipped).length} to import
        </caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Encoding</th>
            <th scope="col">Size</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.name} data-file={f.name} data-format={f.format ?? ''} data-skipped={f.skipped ? 'true' : undefined}>
              <td>{f.name}</td>
              <td>{f.label ?? '\u2014'}</td>
              <td>{f.encoding ? ENCODINGS[f.encoding] : '\u2014'}</td>
              <td className="num">{size(f.size)}</td>
              <td className={f.error ? 'problem-error wrap' : 'wrap'}>{f.skipped ? `Left out: ${f.skipped}` : (f.error ?? f.warning ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
