import { describe, expect, it } from 'vitest';
import { diffOverlay } from './diff.js';
import { describeChangeTarget, diffEdgeName, diffNodeName, diffToFlow } from './diffFlow.js';
import { smallDef } from './fixtures.js';

describe('the comparison canvas in words', () => {
  const before = smallDef();
  const after = {
    ...before,
    nodes: [
      ...before.nodes
        .filter((n) => n.id !== 'wait')
        .map((n) =>
          n.id === 'engage' ? { ...n, title: 'Call the patient', priority: 'urgent' as const } : n,
        ),
      { id: 'screen', kind: 'screen' as const, instrument: 'phq2' as const },
    ],
    transitions: [
      ...before.transitions.filter((t) => t.from !== 'wait' && t.to !== 'wait'),
      { from: 'engage', to: 'screen', when: { '==': [{ var: 'outcomes.engage' }, 'engaged'] } },
      { from: 'screen', to: 'done' },
    ],
  };
  const o = diffOverlay(
    { label: 'v1', def: before, layout: null },
    { label: 'v2', def: after, layout: null },
  );
  const flow = diffToFlow(o, null);
  const nodeName = (id: string) => flow.nodes.find((n) => n.id === id)!.ariaLabel;
  const edgeName = (id: string) => flow.edges.find((e) => e.id === id)!.ariaLabel;

  it('names every node by kind, title and what happened to it', () => {
    expect(nodeName('screen')).toBe('Screen node: Administer PHQ-2 (added)');
    expect(nodeName('wait')).toBe('Wait node: wait (removed)');
    expect(nodeName('engage')).toBe('Task node: Call the patient (changed: priority, title)');
    expect(nodeName('done')).toBe('End node: End: done (unchanged)');
    expect(flow.nodes.every((n) => n.ariaLabel)).toBe(true);
  });

  it('names every edge by its ends, its condition and what happened to it', () => {
    expect(edgeName('screen → done')).toBe('Transition screen to done: then (added)');
    expect(edgeName('wait → done')).toBe('Transition wait to done: then (removed)');
    expect(edgeName('assess → severity')).toBe('Transition assess to severity: then (unchanged)');
    expect(flow.edges.every((e) => e.ariaLabel)).toBe(true);
    expect(
      diffEdgeName({
        transition: { from: 'a', to: 'b', label: 'high' },
        status: 'changed',
        fields: ['when'],
      }),
    ).toBe('Transition a to b: high (changed: when)');
  });

  it('words each change in the list by what the canvas shows', () => {
    const byId = (id: string) => o.changes.find((c) => c.id === id)!;
    expect(describeChangeTarget(byId('engage'), o)).toBe('Task node: Call the patient');
    expect(describeChangeTarget(byId('wait'), o)).toBe('Wait node: wait');
    expect(describeChangeTarget(byId('screen → done'), o)).toBe(
      'Transition Administer PHQ-2 → End: done: then',
    );
    expect(describeChangeTarget({ op: 'added', kind: 'parameter', id: 'x' }, o)).toBeNull();
    expect(diffNodeName({ node: { id: 'q', kind: 'decision' }, status: 'same', fields: [] })).toBe(
      'Decision node: q (unchanged)',
    );
  });
});
