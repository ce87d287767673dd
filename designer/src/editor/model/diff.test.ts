import { describe, expect, it } from 'vitest';
import { classify, describeDiffChange, diffOverlay } from './diff.js';
import { diffToFlow } from './diffFlow.js';
import { smallDef } from './fixtures.js';

describe('visual diff', () => {
  const before = smallDef();
  const after = {
    ...before,
    nodes: [
      ...before.nodes
        .filter((n) => n.id !== 'wait')
        .map((n) => (n.id === 'engage' ? { ...n, title: 'Call the patient' } : n)),
      { id: 'review', kind: 'task' as const, title: 'Review', role: 'pcp' },
    ],
    transitions: [
      ...before.transitions
        .filter((t) => t.from !== 'wait' && t.to !== 'wait')
        .map((t) => (t.from === 'severity' && t.to === 'engage' ? { ...t, label: 'enrol' } : t)),
      { from: 'engage', to: 'review', when: { '==': [{ var: 'outcomes.engage' }, 'engaged'] } },
      { from: 'review', to: 'done' },
    ],
  };

  it('classifies nodes and edges as added, removed, changed or the same', () => {
    const o = diffOverlay(
      { label: 'v1', def: before, layout: null },
      { label: 'draft', def: after, layout: null },
    );
    const node = new Map(o.nodes.map((n) => [n.node.id, n]));
    expect(node.get('review')!.status).toBe('added');
    expect(node.get('wait')!.status).toBe('removed');
    expect(node.get('engage')).toMatchObject({ status: 'changed', fields: ['title'] });
    expect(node.get('done')!.status).toBe('same');
    const edge = new Map(o.edges.map((e) => [e.id, e]));
    expect(edge.get('engage → review')!.status).toBe('added');
    expect(edge.get('engage → wait')!.status).toBe('removed');
    expect(edge.get('wait → done')!.status).toBe('removed');
    expect(edge.get('severity → engage')).toMatchObject({ status: 'changed', fields: ['label'] });
    expect(edge.get('assess → severity')!.status).toBe('same');
    expect(o.counts).toEqual({ added: 3, removed: 3, changed: 2 });
    expect(o.nodes.every((n) => Number.isFinite(n.position.x))).toBe(true);
  });

  it('uses the versions’ own layouts when they place every node', () => {
    const layout = Object.fromEntries(
      [...before.nodes, ...after.nodes].map((n, i) => [n.id, { x: i, y: i }]),
    );
    const o = diffOverlay(
      { label: 'v1', def: before, layout },
      { label: 'v2', def: after, layout },
    );
    expect(o.nodes.find((n) => n.node.id === 'wait')!.position).toEqual(layout.wait);
  });

  it('finds nothing between equal versions, whatever the layout', () => {
    const o = diffOverlay(
      { label: 'a', def: before, layout: { assess: { x: 1, y: 1 } } },
      { label: 'b', def: before, layout: null },
    );
    expect(o.changes).toEqual([]);
    expect(o.nodes.every((n) => n.status === 'same')).toBe(true);
  });

  it('turns the overlay into read-only flow elements', () => {
    const o = diffOverlay(
      { label: 'v1', def: before, layout: null },
      { label: 'draft', def: after, layout: null },
    );
    const { nodes, edges } = diffToFlow(o, 'review');
    expect(nodes.find((n) => n.id === 'review')).toMatchObject({
      selected: true,
      draggable: false,
      data: { diff: 'added' },
    });
    expect(edges.find((e) => e.id === 'wait → done')!.data!.diff).toBe('removed');
  });

  it('indexes the engine’s changes and words them', () => {
    const { nodes, edges } = classify([
      { op: 'added', kind: 'node', id: 'x' },
      { op: 'changed', kind: 'transition', id: 'a → b', fields: ['when'] },
      { op: 'removed', kind: 'parameter', id: 'p' },
    ]);
    expect([...nodes.keys()]).toEqual(['x']);
    expect([...edges.keys()]).toEqual(['a → b']);
    expect(
      describeDiffChange({ op: 'changed', kind: 'transition', id: 'a → b', fields: ['when'] }),
    ).toBe('changed transition a → b (when)');
  });
});
