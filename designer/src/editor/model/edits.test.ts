import { describe, expect, it } from 'vitest';
import { validatePathway } from '@care-pathways/engine';
import { applyChange, coalesceKey, describeChange, patchObject } from './edits.js';
import { smallDoc } from './fixtures.js';
import { toStored } from './doc.js';

describe('applyChange', () => {
  it('adds a node with its position and keeps other nodes identical', () => {
    const doc = smallDoc();
    const next = applyChange(doc, {
      type: 'node.add',
      node: { id: 'extra', kind: 'end', outcome: 'x' },
      position: { x: 5, y: 6 },
    });
    expect(next.def.nodes).toHaveLength(7);
    expect(next.layout.extra).toEqual({ x: 5, y: 6 });
    expect(next.def.nodes[0]).toBe(doc.def.nodes[0]);
    expect(doc.def.nodes).toHaveLength(6); // the input is untouched
  });

  it('refuses a duplicate node id', () => {
    const doc = smallDoc();
    expect(
      applyChange(doc, {
        type: 'node.add',
        node: { id: 'done', kind: 'end', outcome: 'x' },
        position: { x: 0, y: 0 },
      }),
    ).toBe(doc);
  });

  it('updates fields and removes fields set to undefined', () => {
    const doc = smallDoc();
    const next = applyChange(doc, {
      type: 'node.update',
      id: 'engage',
      patch: { title: 'Call', outcomes: undefined },
    });
    const engage = next.def.nodes.find((n) => n.id === 'engage')!;
    expect(engage.title).toBe('Call');
    expect('outcomes' in engage).toBe(false);
  });

  it('returns the same document for a change that changes nothing', () => {
    const doc = smallDoc();
    expect(
      applyChange(doc, { type: 'node.update', id: 'engage', patch: { title: 'Engage' } }),
    ).toBe(doc);
    expect(applyChange(doc, { type: 'node.update', id: 'nope', patch: { title: 'x' } })).toBe(doc);
    expect(
      applyChange(doc, { type: 'nodes.move', moves: [{ id: 'assess', to: { x: 0, y: 0 } }] }),
    ).toBe(doc);
  });

  it('renames a node and every reference to it', () => {
    const doc = smallDoc();
    let next = applyChange(doc, {
      type: 'node.update',
      id: 'engage',
      patch: { id: 'engage-patient' },
    });
    next = applyChange(next, { type: 'node.update', id: 'assess', patch: { id: 'phq9-assess' } });
    next = applyChange(next, { type: 'node.update', id: 'safety', patch: { id: 'safety-check' } });
    expect(next.def.start).toBe('phq9-assess');
    expect(next.def.safety?.route).toBe('safety-check');
    expect(next.layout['phq9-assess']).toEqual({ x: 0, y: 0 });
    expect(next.layout.assess).toBeUndefined();
    expect(next.def.transitions[3]).toMatchObject({
      from: 'engage-patient',
      when: { '==': [{ var: 'outcomes.engage-patient' }, 'engaged'] },
    });
    expect(validatePathway(toStored(next)).valid).toBe(true);
  });

  it('refuses a rename onto an existing id', () => {
    const doc = smallDoc();
    expect(applyChange(doc, { type: 'node.update', id: 'engage', patch: { id: 'done' } })).toBe(
      doc,
    );
  });

  it('removes nodes with their transitions and positions, and transitions by index', () => {
    const doc = smallDoc();
    const next = applyChange(doc, { type: 'remove', nodes: ['severity'], transitions: [5] });
    expect(next.def.nodes.map((n) => n.id)).not.toContain('severity');
    expect(next.def.transitions.map((t) => `${t.from}>${t.to}`)).toEqual([
      'engage>wait',
      'engage>done',
      'safety>done',
    ]);
    expect(next.layout.severity).toBeUndefined();
  });

  it('keeps a transition either conditional or otherwise, never both', () => {
    const doc = smallDoc();
    const a = applyChange(doc, { type: 'transition.update', index: 1, patch: { otherwise: true } });
    expect(a.def.transitions[1]).toEqual({
      from: 'severity',
      to: 'engage',
      otherwise: true,
      label: 'PHQ-9 ≥ threshold',
    });
    const b = applyChange(a, {
      type: 'transition.update',
      index: 1,
      patch: { when: { var: 'enrolled' } },
    });
    expect(b.def.transitions[1]!.otherwise).toBeUndefined();
    expect(b.def.transitions[1]!.when).toEqual({ var: 'enrolled' });
  });

  it('reorders a branch among its siblings only', () => {
    const doc = smallDoc();
    const up = applyChange(doc, { type: 'transition.move', index: 2, offset: -1 });
    expect(up.def.transitions.slice(1, 3).map((t) => t.to)).toEqual(['done', 'engage']);
    expect(applyChange(doc, { type: 'transition.move', index: 0, offset: -1 })).toBe(doc);
    // engage's first branch moves past the unrelated ones? no: its sibling is at index 4
    const down = applyChange(doc, { type: 'transition.move', index: 3, offset: 1 });
    expect(down.def.transitions[3]!.to).toBe('done');
    expect(down.def.transitions[4]!.to).toBe('wait');
  });

  it('adds, updates, renames and removes parameters; a rename follows every reference', () => {
    const doc = smallDoc();
    const added = applyChange(doc, {
      type: 'parameter.add',
      name: 'extra',
      parameter: { type: 'boolean', default: true, description: 'x' },
    });
    expect(added.def.parameters?.extra?.default).toBe(true);
    const updated = applyChange(added, {
      type: 'parameter.update',
      name: 'threshold',
      patch: { max: 11 },
    });
    expect(updated.def.parameters?.threshold?.max).toBe(11);
    const renamed = applyChange(updated, {
      type: 'parameter.rename',
      from: 'followUpDays',
      to: 'waitDays',
    });
    expect(Object.keys(renamed.def.parameters!)).toEqual(['threshold', 'waitDays', 'extra']);
    expect(renamed.def.nodes.find((n) => n.id === 'wait')).toMatchObject({
      duration: { param: 'waitDays' },
    });
    const renamed2 = applyChange(renamed, {
      type: 'parameter.rename',
      from: 'threshold',
      to: 'phq9Threshold',
    });
    expect(renamed2.def.transitions[1]!.when).toEqual({
      '>=': [{ var: 'phq9.latest' }, { var: 'params.phq9Threshold' }],
    });
    expect(validatePathway(toStored(renamed2)).valid).toBe(true);
    const removed = applyChange(renamed2, { type: 'parameter.remove', name: 'extra' });
    expect(removed.def.parameters?.extra).toBeUndefined();
  });

  it('moves nodes without touching the definition (no re-validation on drags)', () => {
    const doc = smallDoc();
    const next = applyChange(doc, {
      type: 'nodes.move',
      moves: [{ id: 'assess', to: { x: 9, y: 9 } }],
    });
    expect(next.def).toBe(doc.def);
    expect(next.layout.assess).toEqual({ x: 9, y: 9 });
  });

  it('applies a batch as one change', () => {
    const doc = smallDoc();
    const next = applyChange(doc, {
      type: 'batch',
      label: 'use GAD-7',
      changes: [
        { type: 'pathway.update', patch: { instruments: ['phq9', 'gad7'] } },
        { type: 'node.update', id: 'assess', patch: { instrument: 'gad7' } },
      ],
    });
    expect(next.def.instruments).toEqual(['phq9', 'gad7']);
    expect(next.def.nodes[0]).toMatchObject({ instrument: 'gad7' });
    expect(describeChange({ type: 'batch', label: 'use GAD-7', changes: [] })).toBe('use GAD-7');
  });

  it('patchObject compares structured values by content', () => {
    const o = { due: { days: 7 } };
    expect(patchObject(o, { due: { days: 7 } })).toBe(o);
    expect(patchObject(o, { due: { days: 8 } })).toEqual({ due: { days: 8 } });
  });

  it('coalesces typing into one field only', () => {
    expect(coalesceKey({ type: 'node.update', id: 'a', patch: { title: 'x' } })).toBe(
      'node:a:title',
    );
    expect(coalesceKey({ type: 'nodes.move', moves: [{ id: 'a', to: { x: 0, y: 0 } }] })).toBe(
      'move:a',
    );
    expect(coalesceKey({ type: 'transition.add', transition: { from: 'a', to: 'b' } })).toBeNull();
  });
});
