import { describe, expect, it } from 'vitest';
import { keyAction, type KeyInput } from '@/entrypoints/sidepanel/keyboard';

const k = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('panel keys', () => {
  it('list: arrows move, 1-3 choose (only as many as shown), Enter previews', () => {
    expect(keyAction(k('ArrowDown'), 'other', 'list', 3)).toEqual({ type: 'move', delta: 1 });
    expect(keyAction(k('ArrowUp'), 'button', 'list', 3)).toEqual({ type: 'move', delta: -1 });
    expect(keyAction(k('2'), 'other', 'list', 3)).toEqual({ type: 'choose', index: 1 });
    expect(keyAction(k('3'), 'other', 'list', 2)).toBeNull();
    expect(keyAction(k('4'), 'other', 'list', 5)).toBeNull();
    expect(keyAction(k('Enter'), 'other', 'list', 3)).toEqual({ type: 'preview' });
  });

  it('list: typing in the search box is typing, and nothing happens without suggestions', () => {
    expect(keyAction(k('2'), 'field', 'list', 3)).toBeNull();
    expect(keyAction(k('ArrowDown'), 'field', 'list', 3)).toBeNull();
    expect(keyAction(k('ArrowDown'), 'other', 'list', 0)).toBeNull();
    // A focused button handles its own Enter (it is the card's preview button, or another control).
    expect(keyAction(k('Enter'), 'button', 'list', 3)).toBeNull();
  });

  it('preview: Enter again or Ctrl/Cmd+Enter inserts, Esc goes back; Enter in a field is a newline', () => {
    expect(keyAction(k('Enter'), 'other', 'preview', 3)).toEqual({ type: 'insert' });
    expect(keyAction(k('Enter', { ctrlKey: true }), 'field', 'preview', 3)).toEqual({ type: 'insert' });
    expect(keyAction(k('Enter', { metaKey: true }), 'button', 'preview', 3)).toEqual({ type: 'insert' });
    expect(keyAction(k('Enter'), 'field', 'preview', 3)).toBeNull();
    expect(keyAction(k('Enter'), 'button', 'preview', 3)).toBeNull();
    expect(keyAction(k('Escape'), 'field', 'preview', 3)).toEqual({ type: 'back' });
  });
});
