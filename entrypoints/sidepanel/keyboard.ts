/**
 * The panel's keys, as a pure function of the key, where focus is and what is shown:
 * list: ArrowUp/Down or 1-3 choose a suggestion, Enter previews it.
 * preview: Enter (focus not in a field or on a button) or Ctrl/Cmd+Enter (anywhere) inserts, Esc goes back.
 */
export type KeyTarget = 'field' | 'button' | 'other';
export type KeyAction = { type: 'move'; delta: 1 | -1 } | { type: 'choose'; index: number } | { type: 'preview' } | { type: 'insert' } | { type: 'back' } | null;

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function keyAction(e: KeyInput, target: KeyTarget, mode: 'list' | 'preview', count: number): KeyAction {
  const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
  if (mode === 'preview') {
    if (e.key === 'Escape') return { type: 'back' };
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return { type: 'insert' };
    if (e.key === 'Enter' && plain && !e.shiftKey && target === 'other') return { type: 'insert' };
    return null;
  }
  if (target === 'field' || !plain || count === 0) return null;
  if (e.key === 'ArrowDown') return { type: 'move', delta: 1 };
  if (e.key === 'ArrowUp') return { type: 'move', delta: -1 };
  if (/^[1-9]$/.test(e.key) && Number(e.key) <= Math.min(3, count)) return { type: 'choose', index: Number(e.key) - 1 };
  if (e.key === 'Enter' && target === 'other') return { type: 'preview' };
  return null;
}

export function keyTarget(el: EventTarget | null): KeyTarget {
  const node = el as HTMLElement | null;
  if (!node || typeof node.closest !== 'function') return 'other';
  if (node.closest('input, textarea, select, [contenteditable="true"], [contenteditable=""]')) return 'field';
  if (node.closest('button, a[href], summary')) return 'button';
  return 'other';
}
