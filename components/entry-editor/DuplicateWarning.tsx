import type { ImportDuplicate } from '@/knowledge/quality';

/** Stored entries this one nearly repeats (checked while typing). */
export function DuplicateWarning({ found, titles, hrefOf }: { found: ImportDuplicate[]; titles: Map<string, string>; hrefOf: (id: string) => string }) {
  if (found.length === 0) return null;
  return (
    <div className="notice duplicate-warning" data-testid="duplicate-warning" role="status">
      <p>This entry looks like {found.length === 1 ? 'an entry that already exists' : `${found.length} entries that already exist`}: agents may be shown both.</p>
      <ul>
        {found.slice(0, 5).map((d) => (
          <li key={d.of}>
            <a href={hrefOf(d.of)}>{titles.get(d.of) ?? d.of}</a> ({d.exact ? 'the same text' : `${Math.round(d.similarity * 100)}% alike`})
          </li>
        ))}
      </ul>
    </div>
  );
}
