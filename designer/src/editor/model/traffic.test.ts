import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from './convert.js';
import {
  MAX_WIDTH,
  MIN_WIDTH,
  createTrafficOverlay,
  edgeTrafficText,
  legendSteps,
  nodeTrafficText,
  strokeWidth,
  trafficView,
  type Traffic,
} from './traffic.js';

const traffic = (over: Partial<Traffic> = {}): Traffic => ({
  pathwayId: 'p',
  version: 2,
  instances: 5,
  transitions: [
    { index: 0, from: 'screen', to: 'assess', instances: 4, times: 4 },
    { index: 1, from: 'screen', to: 'done', instances: 1, times: 1 },
    { index: 2, from: 'assess', to: 'assess', instances: 2, times: 5 },
    { index: 3, from: 'screen', to: 'assess', instances: 0, times: 0 },
  ],
  nodes: [
    { id: 'screen', active: 0, completed: 0 },
    { id: 'assess', active: 3, completed: 0 },
    { id: 'done', active: 0, completed: 1 },
  ],
  exited: 0,
  offPath: { override: 0, safety: 1, discharge: 0 },
  ...over,
});

const node = (id: string): FlowNode =>
  ({
    id,
    type: 'pathway',
    position: { x: 0, y: 0 },
    ariaLabel: `Task node: ${id}`,
    data: { node: { id, kind: 'task' }, title: id, summary: '', isStart: false, isSafety: false },
  }) as unknown as FlowNode;
const edge = (id: string, from: string, to: string): FlowEdge =>
  ({
    id,
    type: 'transition',
    source: from,
    target: to,
    ariaLabel: `Transition ${from} to ${to}: next`,
    data: { index: 0, transition: { from, to }, label: 'next', fallback: true },
  }) as unknown as FlowEdge;

describe('patient traffic on the canvas', () => {
  it('widens edges by the square root of their share of the busiest edge', () => {
    expect(strokeWidth(0, 10)).toBe(MIN_WIDTH);
    expect(strokeWidth(10, 10)).toBe(MAX_WIDTH);
    // A quarter of the patients: half-way up the scale above its 2.5px floor.
    expect(strokeWidth(25, 100)).toBeCloseTo(2.5 + (MAX_WIDTH - 2.5) / 2, 1);
    expect(strokeWidth(1, 100)).toBeGreaterThan(MIN_WIDTH);
    expect(strokeWidth(3, 4)).toBeGreaterThan(strokeWidth(2, 4));
  });

  it('keys counts by the canvas edge ids, a second edge between the same nodes numbered', () => {
    const v = trafficView(traffic());
    expect([...v.edges.keys()]).toEqual([
      'screen → assess',
      'screen → done',
      'assess → assess',
      'screen → assess (2)',
    ]);
    expect(v.edges.get('screen → assess')).toMatchObject({ instances: 4, width: MAX_WIDTH });
    expect(v.edges.get('screen → assess (2)')).toMatchObject({ instances: 0, width: MIN_WIDTH });
    expect(v.max).toBe(4);
    expect(v.nodes.get('assess')).toEqual({ active: 3, completed: 0 });
  });

  it('says the figures in words', () => {
    expect(edgeTrafficText({ instances: 1, times: 1, width: 2 })).toBe('1 patient');
    expect(edgeTrafficText({ instances: 2, times: 5, width: 2 })).toBe('2 patients (5 times)');
    expect(nodeTrafficText({ active: 2, completed: 0 })).toBe('2 here now');
    expect(nodeTrafficText({ active: 1, completed: 4 })).toBe('1 here now, 4 ended here');
    expect(nodeTrafficText({ active: 0, completed: 0 })).toBe('');
  });

  it('gives a legend from one patient to the busiest edge, without repeats', () => {
    expect(legendSteps(9).map((s) => s.count)).toEqual([1, 5, 9]);
    expect(legendSteps(2).map((s) => s.count)).toEqual([1, 2]);
    expect(legendSteps(1)).toEqual([{ count: 1, width: MAX_WIDTH }]);
    expect(legendSteps(0)).toEqual([]);
  });
});

describe('the traffic overlay', () => {
  const nodes = [node('screen'), node('assess'), node('done')];
  const edges = [
    edge('screen → assess', 'screen', 'assess'),
    edge('screen → done', 'screen', 'done'),
  ];

  it('returns the canvas untouched when off', () => {
    const overlay = createTrafficOverlay();
    const out = overlay(nodes, edges, null);
    expect(out.nodes).toBe(nodes);
    expect(out.edges).toBe(edges);
  });

  it('puts counts on the nodes and edges that have them, and says them to screen readers', () => {
    const out = createTrafficOverlay()(nodes, edges, trafficView(traffic()));
    // No one at the screen node now: the very same node object.
    expect(out.nodes[0]).toBe(nodes[0]);
    expect(out.nodes[1]!.data.traffic).toEqual({ active: 3, completed: 0 });
    expect(out.nodes[1]!.ariaLabel).toBe('Task node: assess; 3 here now');
    expect(out.edges[0]!.data!.traffic).toMatchObject({ instances: 4 });
    expect(out.edges[1]!.ariaLabel).toBe('Transition screen to done: next; taken by 1 patient');
  });

  it('hands back the same objects and arrays when neither the canvas nor the figures changed', () => {
    const overlay = createTrafficOverlay();
    const first = overlay(nodes, edges, trafficView(traffic()));
    // A fresh fetch with the same figures: nothing re-renders.
    const again = overlay(nodes, edges, trafficView(traffic()));
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
  });

  it('renews only the node whose figures or object changed', () => {
    const overlay = createTrafficOverlay();
    const first = overlay(nodes, edges, trafficView(traffic()));
    const moved = traffic({
      nodes: [
        { id: 'screen', active: 0, completed: 0 },
        { id: 'assess', active: 2, completed: 0 },
        { id: 'done', active: 0, completed: 2 },
      ],
    });
    const second = overlay(nodes, edges, trafficView(moved));
    expect(second.nodes[1]).not.toBe(first.nodes[1]);
    expect(second.nodes[1]!.data.traffic).toEqual({ active: 2, completed: 0 });
    expect(second.edges).toBe(first.edges);
    // An edit to one node (a new object from the converter) renews that node alone.
    const edited = [nodes[0]!, { ...nodes[1]!, selected: true }, nodes[2]!];
    const third = overlay(edited, edges, trafficView(moved));
    expect(third.nodes[0]).toBe(second.nodes[0]);
    expect(third.nodes[2]).toBe(second.nodes[2]);
    expect(third.nodes[1]).not.toBe(second.nodes[1]);
    expect(third.nodes[1]!.selected).toBe(true);
  });
});
