import { describe, expect, it } from 'vitest';
import { validatePathway } from '@care-pathways/engine';
import { createProblemMapper, describeTarget, locate, mapProblems } from './problems.js';
import { smallDef } from './fixtures.js';
import { toStored } from './doc.js';

describe('problem → canvas element', () => {
  const def = smallDef();

  it('maps node, transition, parameter and pathway paths', () => {
    expect(locate(def, '$.nodes[2].role')).toEqual({ kind: 'node', id: 'engage', field: 'role' });
    expect(locate(def, '$.nodes[0]')).toEqual({ kind: 'node', id: 'assess' });
    expect(locate(def, '$.transitions[1].when.and[0]')).toEqual({
      kind: 'edge',
      id: 'severity → engage',
      index: 1,
      field: 'when',
    });
    expect(locate(def, '$.parameters.threshold.max')).toEqual({
      kind: 'parameter',
      name: 'threshold',
      field: 'max',
    });
    expect(locate(def, '$.parameters["odd-name"]')).toEqual({
      kind: 'parameter',
      name: 'odd-name',
    });
    expect(locate(def, '$.start')).toEqual({ kind: 'node', id: 'assess', field: 'start' });
    expect(locate(def, '$.safety.route')).toEqual({ kind: 'node', id: 'safety', field: 'safety' });
    expect(locate(def, '$.measure.reviewWeek')).toEqual({ kind: 'pathway', field: 'measure' });
    expect(locate(def, '$')).toEqual({ kind: 'pathway' });
    expect(locate(def, '$.nodes[99].id')).toEqual({ kind: 'pathway', field: 'nodes' });
  });

  it('names a second transition between the same nodes like the canvas does', () => {
    const d = {
      ...def,
      transitions: [
        ...def.transitions,
        { from: 'severity', to: 'engage', otherwise: true as const },
      ],
    };
    expect(locate(d, `$.transitions[${d.transitions.length - 1}]`)).toMatchObject({
      id: 'severity → engage (2)',
    });
  });

  it('groups real validation problems by node and edge, errors first', () => {
    const broken = {
      ...def,
      nodes: def.nodes.map((n) => (n.id === 'engage' ? { ...n, role: 'nobody' } : n)),
      transitions: def.transitions.map((t, i) =>
        i === 1 ? { ...t, when: { '>=': [{ var: 'phq9.latest' }, 40] } } : t,
      ),
      parameters: { ...def.parameters, threshold: { ...def.parameters!.threshold!, min: 13 } },
    };
    const v = validatePathway(toStored({ def: broken, layout: {} }));
    const m = mapProblems(broken, [...v.warnings, ...v.errors]);
    expect(m.nodes.get('engage')).toMatchObject({ severity: 'error' });
    expect(m.nodes.get('engage')!.messages.join(' ')).toMatch(/nobody/);
    expect(m.edges.get('severity → engage')).toMatchObject({ severity: 'error' });
    expect(m.parameters.get('threshold')).toMatchObject({ severity: 'error' });
    expect(m.problems[0]!.severity).toBe('error');
    expect(m.problems.every((p) => p.target)).toBe(true);
  });

  it('gives back the same maps when a new result reports the same problems', () => {
    const broken = {
      ...def,
      nodes: def.nodes.map((n) => (n.id === 'engage' ? { ...n, role: 'nobody' } : n)),
    };
    const problems = () => {
      const v = validatePathway(toStored({ def: broken, layout: {} }));
      return [...v.errors, ...v.warnings];
    };
    const map = createProblemMapper();
    const first = map(broken, problems());
    expect(first.nodes.get('engage')?.severity).toBe('error');
    // A fresh validation of the same draft: new objects, same content.
    expect(map(broken, problems())).toBe(first);

    // Another problem on a parameter: a new list, but the node and edge maps are unchanged.
    const extra = { code: 'X', path: '$.parameters.threshold.min', message: 'too low' };
    const second = map(broken, [...problems(), { ...extra, severity: 'error' as const }]);
    expect(second).not.toBe(first);
    expect(second.problems).toHaveLength(first.problems.length + 1);
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
    expect(second.parameters).not.toBe(first.parameters);

    // Fixing the node gives a new node map without it.
    const fixed = map(def, [{ ...extra, severity: 'error' as const }]);
    expect(fixed.nodes).not.toBe(first.nodes);
    expect(fixed.nodes.has('engage')).toBe(false);
  });

  it('describes targets for the problems list', () => {
    expect(describeTarget({ kind: 'node', id: 'a', field: 'role' })).toBe('Node a · role');
    expect(describeTarget({ kind: 'edge', id: 'a → b', index: 0 })).toBe('Transition a → b');
    expect(describeTarget({ kind: 'pathway', field: 'title' })).toBe('Pathway · title');
  });
});
