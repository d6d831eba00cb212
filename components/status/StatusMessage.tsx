export interface Status {
  text: string;
  tone: 'info' | 'ok' | 'error';
}

/** One line that tells the agent what just happened (announced politely to screen readers). */
export function StatusMessage({ status }: { status: Status | null }) {
  return (
    <p className={`status${status ? ` status-${status.tone}` : ''}`} data-testid="status" role="status" aria-live="polite">
      {status?.text ?? ''}
    </p>
  );
}
