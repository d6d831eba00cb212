/** The knowledge base is empty: one clear way to try the product, and the way to bring your own. */
export function EmptyKnowledge({ busy, onLoadSample, onImport }: { busy: boolean; onLoadSample: () => void; onImport: () => void }) {
  return (
    <section className="notice" data-testid="empty-knowledge" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No knowledge yet</h2>
      <p>Suggestions come from your team&rsquo;s knowledge base, kept in this browser.</p>
      <button type="button" className="primary" data-testid="load-sample" onClick={onLoadSample} disabled={busy}>
        Load the sample knowledge (Northwind demo shop)
      </button>{' '}
      <button type="button" data-testid="empty-import" onClick={onImport}>
        Import your knowledge in the dashboard&hellip;
      </button>
    </section>
  );
}
