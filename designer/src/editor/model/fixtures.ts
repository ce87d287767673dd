import type { Def, EditorDoc } from './doc.js';

/** A small valid pathway used across the model tests. */
export function smallDef(): Def {
  return {
    schemaVersion: 1,
    id: 'small',
    title: 'Small',
    instruments: ['phq9'],
    parameters: {
      threshold: {
        type: 'integer',
        default: 10,
        min: 8,
        max: 12,
        unit: 'points',
        description: 'PHQ-9 enrolment threshold',
      },
      followUpDays: {
        type: 'integer',
        default: 14,
        min: 7,
        max: 28,
        unit: 'days',
        description: 'Follow-up',
      },
    },
    safety: { route: 'safety' },
    start: 'assess',
    nodes: [
      { id: 'assess', kind: 'assess', instrument: 'phq9' },
      { id: 'severity', kind: 'decision' },
      {
        id: 'engage',
        kind: 'task',
        title: 'Engage',
        role: 'care-manager',
        outcomes: ['engaged', 'declined'],
      },
      { id: 'wait', kind: 'wait', duration: { param: 'followUpDays' } },
      { id: 'safety', kind: 'task', title: 'Safety', role: 'pcp', resolvesSafetyRisk: true },
      { id: 'done', kind: 'end', outcome: 'done' },
    ],
    transitions: [
      { from: 'assess', to: 'severity' },
      {
        from: 'severity',
        to: 'engage',
        when: { '>=': [{ var: 'phq9.latest' }, { var: 'params.threshold' }] },
        label: 'PHQ-9 ≥ threshold',
      },
      { from: 'severity', to: 'done', otherwise: true },
      { from: 'engage', to: 'wait', when: { '==': [{ var: 'outcomes.engage' }, 'engaged'] } },
      { from: 'engage', to: 'done', otherwise: true },
      { from: 'wait', to: 'done' },
      { from: 'safety', to: 'done' },
    ],
  };
}

export const smallDoc = (): EditorDoc => ({
  def: smallDef(),
  layout: { assess: { x: 0, y: 0 }, severity: { x: 0, y: 100 } },
});
