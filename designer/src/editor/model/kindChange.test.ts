import { describe, expect, it } from 'vitest';
import { nodeSchema, validatePathway } from '@care-pathways/engine';
import { toStored, type EditorDoc, type PathwayNode } from './doc.js';
import { applyChange, describeChange, describeKindChange, planKindChange } from './edits.js';
import { smallDoc } from './fixtures.js';
import { commit, initHistory, undo } from './history.js';
import { KIND_FIELDS, KIND_REQUIRED } from './kinds.js';

const node = (doc: EditorDoc, id: string) => doc.def.nodes.find((n) => n.id === id)!;

/** smallDoc plus a screen node (PHQ-2, urgent, due in 3 days) between assess and severity. */
function withScreen(): EditorDoc {
  const doc = smallDoc();
  const screen: PathwayNode = {
    id: 'screen',
    kind: 'screen',
    title: 'Quick screen',
    instrument: 'phq2',
    role: 'medical-assistant',
    priority: 'urgent',
    due: { days: 3 },
    source: 'clinical-reference A2',
  };
  return {
    def: {
      ...doc.def,
      instruments: ['phq9', 'phq2'],
      nodes: [...doc.def.nodes, screen],
      transitions: [...doc.def.transitions, { from: 'screen', to: 'done' }],
    },
    layout: { ...doc.layout, screen: { x: 40, y: 50 } },
  };
}

describe('changing a node’s kind in place', () => {
  it('keeps the id, title, shared fields, position and transitions; drops the rest and says which', () => {
    const doc = withScreen();
    const plan = planKindChange(doc.def, 'screen', 'task')!;
    expect(plan.kept).toEqual(['title', 'role', 'priority', 'due', 'source']);
    expect(plan.dropped).toEqual([{ field: 'instrument', value: 'phq2' }]);
    expect(plan.filled).toEqual([]);
    expect(describeKindChange(plan)).toBe(
      'Drops instrument (PHQ-2). Removes PHQ-2 from the pathway’s instruments (nothing else uses it).',
    );

    const next = applyChange(doc, { type: 'node.kind', id: 'screen', kind: 'task' });
    expect(node(next, 'screen')).toEqual({
      id: 'screen',
      kind: 'task',
      title: 'Quick screen',
      role: 'medical-assistant',
      priority: 'urgent',
      due: { days: 3 },
      source: 'clinical-reference A2',
    });
    expect(next.def.transitions).toBe(doc.def.transitions);
    expect(next.layout).toBe(doc.layout);
    expect(next.def.instruments).toEqual(['phq9']);
    expect(next.def.nodes.filter((n) => n.id !== 'screen')).toEqual(
      doc.def.nodes.filter((n) => n.id !== 'screen'),
    );
  });

  it('fills what the new kind requires from a new node’s defaults; a task takes the title it showed', () => {
    const doc = smallDoc();
    const toWait = planKindChange(doc.def, 'assess', 'wait')!;
    expect(toWait.node).toEqual({ id: 'assess', kind: 'wait', duration: { days: 7 } });
    expect(toWait.filled).toEqual([{ field: 'duration', value: { days: 7 } }]);
    expect(describeKindChange(toWait, true)).toBe(
      'Dropped instrument (PHQ-9). Filled in duration (7 days). Removed PHQ-9 from the pathway’s instruments (nothing else uses it).',
    );
    const toTask = planKindChange(doc.def, 'assess', 'task')!;
    expect(toTask.node).toMatchObject({
      kind: 'task',
      title: 'Administer PHQ-9',
      role: 'care-manager',
    });
  });

  it('adds a new instrument to the pathway when the new kind administers one', () => {
    const doc = smallDoc();
    const plan = planKindChange(doc.def, 'wait', 'monitor')!;
    expect(plan.node).toMatchObject({ kind: 'monitor', instrument: 'phq9', every: { weeks: 2 } });
    expect(plan.instruments).toBe(doc.def.instruments); // PHQ-9 is listed already
    const bare = { ...doc, def: { ...doc.def, instruments: [] } };
    const p2 = planKindChange(bare.def, 'wait', 'screen')!;
    expect(p2.instrumentsAdded).toEqual(['phq2']);
    expect(
      applyChange(bare, { type: 'node.kind', id: 'wait', kind: 'screen' }).def.instruments,
    ).toEqual(['phq2']);
  });

  it('keeps an instrument the measure or a tailored threshold still uses', () => {
    const doc = withScreen();
    const scored = {
      ...doc,
      def: { ...doc.def, scoring: { phq2: { threshold: 2 } } },
    };
    expect(planKindChange(scored.def, 'screen', 'wait')!.instrumentsRemoved).toEqual([]);
    const measured = {
      ...doc,
      def: { ...doc.def, measure: { instrument: 'phq9' as const, reviewWeek: 12 } },
    };
    expect(planKindChange(measured.def, 'assess', 'decision')!.instrumentsRemoved).toEqual([]);
  });

  it('switches screen and assess both ways with nothing lost', () => {
    const doc = withScreen();
    const next = applyChange(doc, { type: 'node.kind', id: 'screen', kind: 'assess' });
    expect(node(next, 'screen')).toEqual({ ...node(doc, 'screen'), kind: 'assess' });
    expect(planKindChange(next.def, 'screen', 'assess')).toBeNull(); // same kind: nothing to do
    expect(applyChange(next, { type: 'node.kind', id: 'nope', kind: 'end' })).toBe(next);
  });

  it('is one undoable step, and the result is what the validator checks', () => {
    const doc = withScreen();
    const h = commit(initHistory(doc), { type: 'node.kind', id: 'screen', kind: 'wait' }, 0);
    expect(h.past).toHaveLength(1);
    expect(h.past[0]!.label).toBe('change screen to wait');
    expect(undo(h).present).toBe(doc);
    // A valid pathway stays valid when a wait becomes a task (it takes the title it showed).
    const v = validatePathway(
      toStored(applyChange(smallDoc(), { type: 'node.kind', id: 'wait', kind: 'task' })),
    );
    expect(v.valid).toBe(true);
    // Ending a node that has a way out is reported by the validator, not hidden.
    const ended = applyChange(smallDoc(), { type: 'node.kind', id: 'wait', kind: 'end' });
    expect(node(ended, 'wait')).toEqual({ id: 'wait', kind: 'end', outcome: 'completed' });
    expect(validatePathway(toStored(ended)).valid).toBe(false);
    expect(describeChange({ type: 'node.kind', id: 'a', kind: 'refer' })).toBe('change a to refer');
  });

  it('knows each kind’s fields from the engine schema', () => {
    expect(KIND_REQUIRED.task).toEqual(['kind', 'id', 'title', 'role']);
    expect(KIND_REQUIRED.refer).toEqual(['kind', 'id', 'service', 'urgency']);
    expect(KIND_FIELDS.wait).toEqual([
      'kind',
      'id',
      'title',
      'description',
      'enrol',
      'source',
      'duration',
    ]);
    // Every kind's planned node passes the schema from any other kind.
    const doc = withScreen();
    for (const from of doc.def.nodes)
      for (const kind of Object.keys(KIND_FIELDS) as PathwayNode['kind'][]) {
        const plan = planKindChange(doc.def, from.id, kind);
        if (plan)
          expect(nodeSchema.safeParse(plan.node).success, `${from.id} → ${kind}`).toBe(true);
      }
  });
});
