import { describe, expect, it } from 'vitest';
import { validatePathway } from '@care-pathways/engine';
import { newTransition, starterCondition } from './connect.js';
import { smallDef } from './fixtures.js';
import { factsOf } from './facts.js';

describe('connecting nodes', () => {
  it('makes the first way out unconditional and later ones conditional', () => {
    const def = smallDef();
    expect(newTransition({ ...def, transitions: [] }, 'wait', 'done')).toEqual({
      from: 'wait',
      to: 'done',
    });
    expect(newTransition({ ...def, transitions: [] }, 'severity', 'done')).toEqual({
      from: 'severity',
      to: 'done',
      otherwise: true,
    });
    const second = newTransition(def, 'wait', 'engage');
    expect(second.when).toEqual({ '>=': [{ var: 'phq9.latest' }, 0] });
    const v = validatePathway({ ...def, transitions: [...def.transitions, second] });
    expect(v.errors).toEqual([]);
  });

  it('starts conditions from a score when there is one', () => {
    expect(starterCondition(factsOf(smallDef()))).toEqual({ '>=': [{ var: 'phq9.latest' }, 0] });
    expect(starterCondition([])).toEqual({ var: 'enrolled' });
  });
});
