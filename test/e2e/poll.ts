/**
 * Asks `probe` again every `everyMs` until it gives a value, for states no event announces (a page
 * found over CDP, an execution context). Fails after `limitMs`, naming what it waited for.
 */
export async function pollUntil<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, { everyMs = 100, limitMs = 10_000 } = {}): Promise<T> {
  const end = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Waited ${limitMs} ms for ${what}`);
    await new Promise<void>((next) => setTimeout(next, everyMs));
  }
}
