/** Text with the matched words marked, so the agent sees why an answer was suggested. */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  const pattern = highlightPattern(words);
  if (!pattern) return <>{text}</>;
  const parts = text.split(pattern);
  // split() with one capturing group puts the matches at the odd indexes.
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}

export function highlightPattern(words: readonly string[]): RegExp | undefined {
  const clean = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 1))].sort((a, b) => b.length - a.length);
  if (!clean.length) return undefined;
  const escaped = clean.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Word starts only (so "refund" marks "refunds" but not "unrefunded"); Unicode letters count as word characters.
  return new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})`, 'giu');
}
