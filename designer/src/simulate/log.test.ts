import { describe, expect, it } from 'vitest';
import { start, type PathwayDefinition } from '@care-pathways/engine';
import { drive, fireDue, pureMachine } from './driver.js';
import { allEffects, appendApplied, asOf, progressOf, startEntry, takenOf } from './log.js';
import { contentKey, hash } from './contentKey.js';

const def = {
  schemaVersion: 1,
  id: 'log',
  title: 'Log',
  instruments: ['phq9'],
  parameters: {},
  measure: { instrument: 'phq9', reviewWeek: 2 },
  start: 'enrol',
  nodes: [
    { id: 'enrol', kind: 'task', title: 'Enrol', role: 'care-manager', enrol: true },
    { id: 'follow', kind: 'monitor', instrument: 'phq9', every: { weeks: 1 } },
    { id: 'done', kind: 'end', outcome: 'done' },
  ],
  transitions: [
    { from: 'enrol', to: 'follow' },
    { from: 'follow', to: 'done', when: { '<': [{ var: 'phq9.latest' }, 5] } },
  ],
} as unknown as PathwayDefinition;
const T0 = '2026-01-05T09:00:00.000Z';
const DAY = 86_400_000;
const plus = (d: number) => new Date(Date.parse(T0) + d * DAY).toISOString();

function run() {
  const begun = start(def, { at: T0 });
  if (!begun.ok) throw new Error('start');
  const m = pureMachine(def, begun.snapshot);
  let log = [startEntry(T0, {}, begun.effects, begun.trace)];
  const a = drive(def, m, { type: 'task.completed', task: 'enrol' }, T0);
  log = appendApplied(log, a.applied);
  const b = drive(def, m, { type: 'contact.logged', role: 'pcp', minutes: 10 }, plus(1));
  log = appendApplied(log, b.applied);
  return { m, log };
}

describe('the simulation log', () => {
  it('numbers entries in order and keeps each event with its effects', () => {
    const { log } = run();
    expect(log.map((e) => [e.seq, e.event.type])).toEqual([
      [0, 'start'],
      [1, 'task.completed'],
      [2, 'contact.logged'],
    ]);
    expect(log[1]!.effects.map((e) => e.kind)).toContain('timer');
    expect(allEffects(log).length).toBe(log.reduce((n, e) => n + e.effects.length, 0));
  });

  it('reports the moves taken for the editor, without recorded stays', () => {
    const { m, log } = run();
    expect(takenOf(log)).toEqual(['enrol→follow']);
    expect(progressOf(m.state(), log)).toEqual({
      status: 'active',
      active: ['follow'],
      taken: ['enrol→follow'],
    });
  });

  it('moves time-dependent facts and flags on with the clock', () => {
    const { m } = run();
    drive(
      def,
      m,
      { type: 'instrument.completed', instrument: 'phq9', answers: [2, 2, 2, 2, 2, 2, 2, 0, 0] },
      plus(1),
    );
    const later = asOf(def, m.state(), plus(21));
    expect(later.facts.weeksInCare).toBe(3);
    expect(later.state.flags).toContain('not-improving');
    expect(asOf(def, m.state(), plus(1)).state.flags).not.toContain('not-improving');
  });

  it('ends with an outcome and no active node after discharge', () => {
    const { m, log } = run();
    const r = drive(def, m, { type: 'discharge', reason: 'moved' }, plus(2));
    const all = appendApplied(log, r.applied);
    expect(progressOf(m.state(), all)).toEqual({
      status: 'exited',
      active: [],
      taken: ['enrol→follow'],
    });
    fireDue(def, m, plus(30));
  });
});

describe('content keys', () => {
  it('change with meaning and parameters, not with layout or copies', () => {
    const k = contentKey(def, {});
    expect(contentKey({ ...def }, {})).toBe(k);
    expect(contentKey({ ...def, layout: { enrol: { x: 1, y: 2 } } } as object, {})).toBe(k);
    expect(contentKey({ ...def, title: 'Other' }, {})).not.toBe(k);
    expect(contentKey(def, { a: 1 })).not.toBe(k);
    expect(hash('a')).not.toBe(hash('b'));
  });
});
