import { describe, expect, it } from 'vitest';
import {
  changeDetail,
  classify,
  describeDiffChange,
  diffOverlay,
  formatDiffValue,
} from './diff.js';
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

  it('lists changed fields as the inspector shows them, not as JSON', () => {
    const monitorBefore = {
      id: 'm',
      kind: 'monitor' as const,
      instrument: 'phq9' as const,
      every: { weeks: 2 },
    };
    const v1 = { ...before, nodes: [...before.nodes, monitorBefore] };
    const v2 = {
      ...before,
      nodes: [
        ...before.nodes.map((n) =>
          n.id === 'engage' ? { ...n, role: 'pcp', priority: 'urgent' as const } : n,
        ),
        { ...monitorBefore, every: { weeks: 3 }, title: 'Monitor PHQ-9 every 3 weeks' },
      ],
    };
    const o = diffOverlay(
      { label: 'v1', def: v1, layout: null },
      { label: 'v2', def: v2, layout: null },
    );
    const change = (id: string) => o.changes.find((c) => c.id === id)!;
    expect(changeDetail(change('m'), o)).toBe(
      'Repeat every: every 2 weeks → every 3 weeks; Title: Monitor PHQ-9 (default) → Monitor PHQ-9 every 3 weeks',
    );
    expect(changeDetail(change('engage'), o)).toBe(
      'Priority: (not set) → Urgent; Role: Care manager → Primary care provider',
    );
  });

  it('words conditions, node references and parameter durations in plain terms', () => {
    expect(formatDiffValue('when', { '>=': [{ var: 'phq9.latest' }, 10] }, before)).toMatch(
      /^PHQ-9 latest .*10$/,
    );
    expect(formatDiffValue('start', 'engage', before)).toBe('Engage');
    expect(formatDiffValue('duration', { param: 'followUpDays' }, before)).toBe(
      'followUpDays (parameter)',
    );
    expect(formatDiffValue('outcomes', ['engaged', 'declined'], before)).toBe('engaged, declined');
    expect(formatDiffValue('label', undefined, before)).toBe('(not set)');
  });
});
