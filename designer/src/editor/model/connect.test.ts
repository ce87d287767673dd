import { describe, expect, it } from 'vitest';
import { validatePathway } from '@care-pathways/engine';
import { isUnfinished, newTransition } from './connect.js';
import type { Def } from './doc.js';
import { smallDef } from './fixtures.js';

/** smallDef with a monitor between the wait and the end. */
function withMonitor(): Def {
  const def = smallDef();
  return {
    ...def,
    nodes: [
      ...def.nodes,
      { id: 'follow-up', kind: 'monitor', instrument: 'phq9', every: { weeks: 4 } },
    ],
  } as Def;
}

describe('connecting nodes', () => {
  it('makes the first way out of a task or wait unconditional', () => {
    const def = smallDef();
    expect(newTransition({ ...def, transitions: [] }, 'wait', 'done')).toEqual({
      from: 'wait',
      to: 'done',
    });
    expect(newTransition({ ...def, transitions: [] }, 'safety', 'done')).toEqual({
      from: 'safety',
      to: 'done',
    });
  });

  it('starts a second way out as an unfinished condition the validator names, never "≥ 0"', () => {
    const def = smallDef();
    const second = newTransition(def, 'wait', 'engage');
    expect(second).toEqual({ from: 'wait', to: 'engage', when: {} });
    expect(isUnfinished(second.when)).toBe(true);
    const v = validatePathway({ ...def, transitions: [...def.transitions, second] });
    expect(v.errors.map((p) => `${p.code} ${p.path}`)).toEqual([
      `condition.unfinished $.transitions[${def.transitions.length}].when`,
    ]);
  });

  it('never makes a monitor or decision branch "otherwise" by itself', () => {
    const def = withMonitor();
    const fromMonitor = newTransition(def, 'follow-up', 'done');
    expect(fromMonitor).toEqual({ from: 'follow-up', to: 'done', when: {} });
    expect(fromMonitor.otherwise).toBeUndefined();
    const fromDecision = newTransition({ ...def, transitions: [] }, 'severity', 'done');
    expect(fromDecision).toEqual({ from: 'severity', to: 'done', when: {} });
  });

  it('tells an unfinished condition from a written one', () => {
    expect(isUnfinished({})).toBe(true);
    expect(isUnfinished({ var: 'enrolled' })).toBe(false);
    expect(isUnfinished([])).toBe(false);
    expect(isUnfinished(undefined)).toBe(false);
  });
});
