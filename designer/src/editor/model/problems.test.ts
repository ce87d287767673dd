import { describe, expect, it } from 'vitest';
import { validatePathway } from '@care-pathways/engine';
import {
  createProblemMapper,
  describeTarget,
  fieldAnchor,
  locate,
  mapProblems,
  plainMessage,
} from './problems.js';
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

  it('describes targets by id when it has no definition', () => {
    expect(describeTarget({ kind: 'node', id: 'a', field: 'role' })).toBe('Node a · role');
    expect(describeTarget({ kind: 'edge', id: 'a → b', index: 0 })).toBe('Transition a → b');
    expect(describeTarget({ kind: 'pathway', field: 'title' })).toBe('Pathway · title');
  });

  it('describes targets by title, transitions as from → to, fields as the forms label them', () => {
    expect(describeTarget({ kind: 'node', id: 'engage', field: 'role' }, def)).toBe(
      'Node “Engage” · role',
    );
    expect(describeTarget({ kind: 'node', id: 'assess' }, def)).toBe('Node “Administer PHQ-9”');
    expect(
      describeTarget({ kind: 'edge', id: 'severity → engage', index: 1, field: 'when' }, def),
    ).toBe('Transition “severity → Engage (PHQ-9 ≥ threshold)” · condition');
    expect(describeTarget({ kind: 'pathway', field: 'safety' }, def)).toBe(
      'Pathway · safety route',
    );
  });
});

describe('problem messages in a clinical lead’s words', () => {
  const def = smallDef();

  it('names a transition by its ends instead of its JSON path, and drops the fact ids', () => {
    const engine =
      'overlaps the earlier branch $.transitions[1] (both hold when phq9.latest = 4, params.threshold = 10, flags = ["not-improving"], enrolled = true); the earlier one is taken';
    const plain = plainMessage(def, engine);
    expect(plain).not.toContain('$.transitions');
    expect(plain).toContain('“severity → Engage (PHQ-9 ≥ threshold)”');
    expect(plain).toContain(
      '(both hold when PHQ-9 latest is 4, threshold is 10, flags include not-improving, enrolled is yes)',
    );
  });

  it('turns advice to add JSON into where to click', () => {
    const engine =
      'this pathway uses PHQ-9, which has critical (suicide-risk) items; add "safety": { "route": "<node id>" } to say where a patient goes when one is positive';
    expect(plainMessage(def, engine)).toBe(
      'this pathway uses PHQ-9, which has critical (suicide-risk) items; choose a safety route in the Pathway tab to say where a patient goes when one is positive',
    );
  });

  it('names a quoted node id by its title and leaves other quoted words alone', () => {
    expect(plainMessage(def, 'node "assess" and role "nobody"')).toBe(
      'node “Administer PHQ-9” and role "nobody"',
    );
  });

  it('keeps the engine’s text beside the plain one', () => {
    const m = mapProblems(def, [
      {
        code: 'safety.no-route',
        path: '$.safety',
        severity: 'error',
        message: 'add "safety": { "route": "<node id>" } now',
      },
    ]);
    expect(m.problems[0]).toMatchObject({
      message: 'choose a safety route in the Pathway tab now',
      engineMessage: 'add "safety": { "route": "<node id>" } now',
      path: '$.safety',
      code: 'safety.no-route',
    });
  });

  it('points pathway and parameter problems at the control that fixes them', () => {
    expect(fieldAnchor({ kind: 'pathway', field: 'safety' })).toBe('ed-pathway-safety');
    expect(fieldAnchor({ kind: 'pathway', field: 'steps' })).toBe('ed-pathway-steps');
    expect(fieldAnchor({ kind: 'parameter', name: 'threshold', field: 'max' })).toBe(
      'param-threshold',
    );
    expect(fieldAnchor({ kind: 'node', id: 'engage' })).toBeNull();
  });
});
