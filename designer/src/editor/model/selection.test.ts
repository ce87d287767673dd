import { describe, expect, it } from 'vitest';
import { applySelects } from './selection.js';

describe('applying select changes', () => {
  it('adds the newly selected, drops the deselected and keeps the rest, without touching the input', () => {
    const before = new Set(['a', 'b']);
    const after = applySelects(before, [
      { id: 'b', selected: false },
      { id: 'c', selected: true },
    ]);
    expect([...after].sort()).toEqual(['a', 'c']);
    expect([...before].sort()).toEqual(['a', 'b']);
  });
});
