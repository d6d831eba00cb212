/** Why the store refused or failed, in words a team lead or agent can act on. */
export type StoreErrorKind = 'quota' | 'invalid' | 'refused' | 'not-found';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Dexie wraps the browser's error (AbortError -> inner, or cause); the quota error may sit anywhere in that chain. */
export function isQuotaError(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const { name } = e as { name?: unknown };
    if (name === 'QuotaExceededError') return true;
    const next = e as { inner?: unknown; cause?: unknown };
    e = next.inner ?? next.cause;
  }
  return false;
}

/**
 * Runs one store action; a full disk becomes a plain message. The action runs in one transaction,
 * so when it fails nothing of it is written.
 */
export async function withStoreErrors<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof StoreError) throw err;
    if (isQuotaError(err)) {
      throw new StoreError(
        'quota',
        `The browser's storage for Agent Assist is full, so ${action} was not saved; nothing of it was written. ` +
          'Free disk space (or delete old acceptance events) and try again.',
      );
    }
    throw err;
  }
}

export function checkWho(who: string): string {
  const w = who.trim();
  if (!w) throw new StoreError('invalid', 'Every change needs to say who made it (who is empty).');
  if (w.length > 200) throw new StoreError('invalid', 'who is longer than 200 characters.');
  return w;
}
