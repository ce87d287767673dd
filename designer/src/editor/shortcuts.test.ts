import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInput } from './shortcuts.js';

const k = (key: string, o: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField: false,
  onCanvas: true,
  ...o,
});

describe('editor shortcuts', () => {
  it('undo, redo and save with Ctrl or Cmd', () => {
    expect(shortcutFor(k('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(k('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(k('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(k('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(k('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(k('s', { ctrlKey: true }))).toBe('save');
    expect(shortcutFor(k('s', { metaKey: true, inField: true }))).toBe('save');
  });

  it('leaves typing alone', () => {
    expect(shortcutFor(k('z', { ctrlKey: true, inField: true }))).toBeNull();
    expect(shortcutFor(k('Backspace', { inField: true }))).toBeNull();
    expect(shortcutFor(k('?', { inField: true }))).toBeNull();
  });

  it('deletes the selection, clears it, shows help', () => {
    expect(shortcutFor(k('Delete'))).toBe('delete');
    expect(shortcutFor(k('Backspace'))).toBe('delete');
    expect(shortcutFor(k('Delete', { onCanvas: false }))).toBeNull();
    expect(shortcutFor(k('Escape'))).toBe('escape');
    expect(shortcutFor(k('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(k('a'))).toBeNull();
  });
});
