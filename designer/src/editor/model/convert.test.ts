import { describe, expect, it } from 'vitest';
import { createConverter, EMPTY_VIEW, edgeLabel } from './convert.js';
import { smallDoc } from './fixtures.js';
import { applyChange } from './edits.js';
import { completeLayout } from './layout.js';

describe('definition → React Flow', () => {
  it('makes a node per pathway node and an edge per transition', () => {
    const doc = smallDoc();
    const c = createConverter();
    const nodes = c.nodes(doc.def, completeLayout(doc.def, null), EMPTY_VIEW);
    const edges = c.edges(doc.def, EMPTY_VIEW);
    expect(nodes.map((n) => n.id)).toEqual(doc.def.nodes.map((n) => n.id));
    expect(edges).toHaveLength(doc.def.transitions.length);
    expect(edges[1]).toMatchObject({
      id: 'severity → engage',
      source: 'severity',
      target: 'engage',
    });
    expect(nodes.find((n) => n.id === 'assess')!.data).toMatchObject({
      isStart: true,
      title: 'Administer PHQ-9',
    });
    expect(nodes.find((n) => n.id === 'safety')!.data.isSafety).toBe(true);
  });

  it('labels edges with the label, else the condition in plain words, else "otherwise" or "then"', () => {
    const [, labelled, otherwise, conditional] = smallDoc().def.transitions;
    expect(edgeLabel(labelled!)).toBe('PHQ-9 ≥ threshold');
    expect(edgeLabel(conditional!)).toBe('outcome of engage = "engaged"');
    expect(edgeLabel(otherwise!)).toBe('otherwise');
    expect(edgeLabel({ from: 'a', to: 'b', when: { '>=': [{ var: 'phq9.latest' }, 10] } })).toBe(
      'PHQ-9 latest ≥ 10',
    );
    expect(edgeLabel({ from: 'a', to: 'b', when: {} })).toBe('condition not chosen yet');
    // The one way out of a node, taken when it is done: not an "otherwise" of anything.
    expect(edgeLabel({ from: 'a', to: 'b' })).toBe('then');
  });

  it('names an unlabelled edge by its condition in plain words, on the canvas and for screen readers', () => {
    const def = smallDoc().def;
    const edges = createConverter().edges(def, EMPTY_VIEW);
    const i = def.transitions.findIndex((t) => !t.label && t.when !== undefined);
    expect(edges[i]!.data!.label).toBe('outcome of engage = "engaged"');
    expect(edges[i]!.ariaLabel).toContain(': outcome of engage = "engaged"');
  });

  it('numbers conditional branches in the order they are tried, the fallback unnumbered', () => {
    const def = smallDoc().def;
    const two = {
      ...def,
      transitions: [
        { from: 'severity', to: 'done', otherwise: true as const },
        { from: 'severity', to: 'engage', when: { var: 'enrolled' } },
        { from: 'severity', to: 'wait', when: { var: 'phq9.positive' } },
        ...def.transitions.filter((t) => t.from !== 'severity'),
      ],
    };
    const edges = createConverter().edges(two, EMPTY_VIEW);
    expect(edges.slice(0, 3).map((e) => e.data!.order)).toEqual([undefined, 1, 2]);
    expect(
      createConverter()
        .edges(def, EMPTY_VIEW)
        .every((e) => e.data!.order === undefined),
    ).toBe(true);
  });

  it('returns the same objects for what an edit did not touch', () => {
    const doc = smallDoc();
    const c = createConverter();
    const layout = completeLayout(doc.def, null);
    const n1 = c.nodes(doc.def, layout, EMPTY_VIEW);
    const e1 = c.edges(doc.def, EMPTY_VIEW);
    const next = applyChange(
      { def: doc.def, layout },
      { type: 'node.update', id: 'engage', patch: { title: 'Call' } },
    );
    const n2 = c.nodes(next.def, next.layout, EMPTY_VIEW);
    const e2 = c.edges(next.def, EMPTY_VIEW);
    const changed = n2.filter((n, i) => n !== n1[i]).map((n) => n.id);
    expect(changed).toEqual(['engage']);
    expect(e2.every((e, i) => e === e1[i])).toBe(true);
    expect(n2.find((n) => n.id === 'engage')!.data.title).toBe('Call');
  });

  it('returns the very same arrays when nothing on the canvas changed', () => {
    const doc = smallDoc();
    const c = createConverter();
    const layout = completeLayout(doc.def, null);
    const n1 = c.nodes(doc.def, layout, EMPTY_VIEW);
    const e1 = c.edges(doc.def, EMPTY_VIEW);
    // A new but equal view (e.g. a validation result that says the same again).
    const view = { ...EMPTY_VIEW, nodeIssues: new Map(), edgeIssues: new Map() };
    expect(c.nodes(doc.def, layout, view)).toBe(n1);
    expect(c.edges(doc.def, view)).toBe(e1);
    // A title edit changes one node, so a new node list, but no edge: the same edge list.
    const next = applyChange(
      { def: doc.def, layout },
      { type: 'node.update', id: 'engage', patch: { title: 'Call' } },
    );
    expect(c.nodes(next.def, next.layout, view)).not.toBe(n1);
    expect(c.edges(next.def, view)).toBe(e1);
    // A new transition: a new edge list that keeps every existing edge object.
    const added = applyChange(next, {
      type: 'transition.add',
      transition: { from: 'engage', to: 'done', otherwise: true },
    });
    const e3 = c.edges(added.def, view);
    expect(e3).not.toBe(e1);
    expect(e3.slice(0, e1.length).every((e, i) => e === e1[i])).toBe(true);
  });

  it('marks selection, problems, the simulated patient and drags', () => {
    const doc = smallDoc();
    const c = createConverter();
    const layout = completeLayout(doc.def, null);
    const view = {
      ...EMPTY_VIEW,
      selectedNodes: new Set(['engage']),
      selectedEdges: new Set(['assess → severity']),
      nodeIssues: new Map([['engage', { severity: 'error' as const, messages: ['bad role'] }]]),
      edgeIssues: new Map([
        ['severity → done', { severity: 'warning' as const, messages: ['shadowed'] }],
      ]),
      active: new Set(['severity']),
      taken: new Set(['assess→severity']),
      dragging: new Map([['done', { x: 1, y: 2 }]]),
    };
    const nodes = c.nodes(doc.def, layout, view);
    const edges = c.edges(doc.def, view);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('engage')).toMatchObject({
      selected: true,
      data: { issue: { severity: 'error' } },
    });
    expect(byId.get('severity')!.data.active).toBe(true);
    expect(byId.get('done')!.position).toEqual({ x: 1, y: 2 });
    expect(edges[0]).toMatchObject({ selected: true, data: { taken: true } });
    expect(edges[2]!.data!.issue!.severity).toBe('warning');
  });

  it('converts a half-made draft without throwing', () => {
    const def = {
      ...smallDoc().def,
      nodes: [{ id: 'x', kind: 'screen' } as never, { id: 'x', kind: 'end' } as never],
    };
    const nodes = createConverter().nodes(def, {}, EMPTY_VIEW);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.data.title).toBe('Administer ?');
  });
});
