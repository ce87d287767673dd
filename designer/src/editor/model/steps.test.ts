import { describe, expect, it } from 'vitest';
import { validatePathway } from '@care-pathways/engine';
import { toStored } from './doc.js';
import { smallDoc } from './fixtures.js';
import { checkSteps, ENGINE_DEFAULT_STEPS, levelsUsed } from './steps.js';

describe('step levels', () => {
  it('accepts whole numbers with min ≤ initial ≤ max', () => {
    expect(checkSteps({ min: '1', initial: '2', max: '5' })).toEqual({
      steps: { min: 1, initial: 2, max: 5 },
      problems: {},
    });
    expect(checkSteps({ min: '2', initial: '2', max: '2' }).steps).toEqual({
      min: 2,
      initial: 2,
      max: 2,
    });
  });

  it('rejects an empty or fractional level, naming the field', () => {
    const r = checkSteps({ min: '', initial: '1.5', max: 'x' });
    expect(r.steps).toBeNull();
    expect(r.problems).toEqual({
      min: 'Enter the lowest level (steps.min).',
      initial: 'Starting level must be a whole number (steps.initial).',
      max: 'Highest level must be a whole number (steps.max).',
    });
  });

  it('rejects a highest level below the lowest, and a start outside them', () => {
    expect(checkSteps({ min: '3', initial: '3', max: '2' }).problems).toEqual({
      max: 'Highest level must be at least the lowest level, 3 (steps.max).',
    });
    const r = checkSteps({ min: '1', initial: '5', max: '4' });
    expect(r.steps).toBeNull();
    expect(r.problems).toEqual({
      initial:
        'Starting level must be between the lowest and the highest level, 1–4 (steps.initial).',
    });
  });

  it('agrees with the engine: what it accepts validates, what it rejects the engine rejects too', () => {
    const withSteps = (steps: { min: number; initial: number; max: number }) =>
      validatePathway(toStored({ ...smallDoc(), def: { ...smallDoc().def, steps } }));
    expect(withSteps(checkSteps({ min: '0', initial: '1', max: '3' }).steps!).valid).toBe(true);
    expect(checkSteps({ min: '1', initial: '4', max: '3' }).steps).toBeNull();
    expect(withSteps({ min: 1, initial: 4, max: 3 }).errors.map((e) => e.code)).toContain(
      'steps.invalid',
    );
  });

  it('copies the engine’s default levels (1–4 from 1) exactly', () => {
    const doc = smallDoc();
    const stepTo = (level: number) =>
      validatePathway(
        toStored({
          ...doc,
          def: {
            ...doc.def,
            nodes: [...doc.def.nodes, { id: 'up', kind: 'step', direction: 'set', level }],
            transitions: [
              ...doc.def.transitions.filter((t) => !(t.from === 'wait')),
              { from: 'wait', to: 'up' },
              { from: 'up', to: 'done' },
            ],
          },
        }),
      ).errors.map((e) => e.code);
    const { min, max } = ENGINE_DEFAULT_STEPS;
    expect(stepTo(min)).toEqual([]);
    expect(stepTo(max)).toEqual([]);
    expect(stepTo(min - 1)).toEqual(['step.level-out-of-range']);
    expect(stepTo(max + 1)).toEqual(['step.level-out-of-range']);
  });

  it('lists the levels step nodes use', () => {
    const doc = smallDoc();
    const def = {
      ...doc.def,
      nodes: [
        ...doc.def.nodes,
        { id: 'up', kind: 'step' as const, direction: 'up' as const },
        { id: 'to3', kind: 'step' as const, direction: 'set' as const, level: 3 },
      ],
    };
    expect(levelsUsed(def)).toEqual([{ id: 'to3', level: 3 }]);
  });
});
