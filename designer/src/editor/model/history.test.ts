import { describe, expect, it } from 'vitest';
import {
  commit,
  historyReducer,
  initHistory,
  redo,
  redoLabel,
  undo,
  undoLabel,
  HISTORY_LIMIT,
} from './history.js';
import { smallDoc } from './fixtures.js';

const title = (t: string) => ({ type: 'node.update' as const, id: 'engage', patch: { title: t } });
const engageTitle = (h: {
  present: { def: { nodes: readonly { id: string; title?: string }[] } };
}) => h.present.def.nodes.find((n) => n.id === 'engage')!.title;

describe('history', () => {
  it('undoes and redoes every edit', () => {
    const h0 = initHistory(smallDoc());
    const h1 = commit(h0, title('A'), 0);
    const h2 = commit(
      h1,
      { type: 'nodes.move', moves: [{ id: 'assess', to: { x: 1, y: 2 } }] },
      500,
    );
    expect(undoLabel(h2)).toBe('move assess');
    const u1 = undo(h2);
    expect(u1.present).toBe(h1.present);
    expect(redoLabel(u1)).toBe('move assess');
    const u2 = undo(u1);
    expect(u2.present).toBe(h0.present);
    expect(undo(u2)).toBe(u2);
    const r = redo(redo(u2));
    expect(r.present).toBe(h2.present);
    expect(redo(r)).toBe(r);
  });

  it('makes typing within a second in one field one step', () => {
    let h = initHistory(smallDoc());
    h = commit(h, title('E'), 0);
    h = commit(h, title('En'), 300);
    h = commit(h, title('Eng'), 900);
    expect(h.past).toHaveLength(1);
    expect(engageTitle(h)).toBe('Eng');
    h = commit(h, title('Engx'), 5000);
    expect(h.past).toHaveLength(2);
    expect(engageTitle(undo(undo(h)))).toBe('Engage');
  });

  it('does not record a change that changes nothing, and a new edit clears redo', () => {
    const h0 = initHistory(smallDoc());
    expect(commit(h0, title('Engage'), 0)).toBe(h0);
    const h1 = undo(commit(h0, title('A'), 0));
    expect(h1.future).toHaveLength(1);
    const h2 = commit(h1, title('B'), 10);
    expect(h2.future).toHaveLength(0);
  });

  it('does not coalesce into a step that was undone and redone', () => {
    let h = initHistory(smallDoc());
    h = commit(h, title('A'), 0);
    h = redo(undo(h));
    h = commit(h, title('AB'), 10);
    expect(h.past).toHaveLength(2);
  });

  it('keeps a bounded past', () => {
    let h = initHistory(smallDoc());
    for (let i = 0; i < HISTORY_LIMIT + 20; i++)
      h = commit(
        h,
        { type: 'nodes.move', moves: [{ id: 'assess', to: { x: i + 1, y: 0 } }] },
        i * 2000,
      );
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });

  it('is driven by one reducer', () => {
    const doc = smallDoc();
    let h = historyReducer(initHistory(doc), { type: 'commit', change: title('Z'), at: 0 });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(doc);
    h = historyReducer(h, { type: 'redo' });
    expect(engageTitle(h)).toBe('Z');
    const other = smallDoc();
    expect(historyReducer(h, { type: 'reset', doc: other }).present).toBe(other);
  });
});
