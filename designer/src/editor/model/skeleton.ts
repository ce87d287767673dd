import type { Def } from './doc.js';

/** A new pathway that already validates: a first task and an end, ready to be built on. */
export function newPathway(id: string, title: string): Def {
  return {
    schemaVersion: 1,
    id,
    title,
    instruments: [],
    parameters: {},
    start: 'first-contact',
    nodes: [
      { id: 'first-contact', kind: 'task', title: 'First contact', role: 'care-manager' },
      { id: 'completed', kind: 'end', title: 'Completed', outcome: 'completed' },
    ],
    transitions: [{ from: 'first-contact', to: 'completed' }],
  };
}
