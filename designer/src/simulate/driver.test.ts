import { describe, expect, it } from 'vitest';
import { start, type PathwayDefinition, type TimedEvent } from '@care-pathways/engine';
import {
  drive,
  earliestTimer,
  fireDue,
  nextDueTimer,
  pureMachine,
  replayScript,
  type MachineHandle,
} from './driver.js';
import { addMs, advanceProblem, sinceStart } from './clock.js';

/** A wait chain: two timers one after the other, then a task, then the end. */
const def = {
  schemaVersion: 1,
  id: 'timers',
  title: 'Timers',
  instruments: [],
  parameters: {},
  start: 'first',
  nodes: [
    { id: 'first', kind: 'wait', duration: { days: 2 } },
    { id: 'second', kind: 'wait', duration: { days: 3 } },
    {
      id: 'call',
      kind: 'task',
      title: 'Call',
      role: 'care-manager',
      outcomes: ['done', 'no-answer'],
    },
    { id: 'end', kind: 'end', outcome: 'finished' },
  ],
  transitions: [
    { from: 'first', to: 'second' },
    { from: 'second', to: 'call' },
    { from: 'call', to: 'end' },
  ],
} as unknown as PathwayDefinition;

const T0 = '2026-01-05T09:00:00.000Z';
const DAY = 86_400_000;

/** A machine handle backed by step() itself, recording what it was sent. */
function fakeMachine(): MachineHandle & { sent: TimedEvent[] } {
  const begun = start(def, { at: T0 });
  if (!begun.ok) throw new Error('start failed');
  const inner = pureMachine(def, begun.snapshot);
  const sent: TimedEvent[] = [];
  return {
    sent,
    state: inner.state,
    send(e) {
      sent.push(e);
      inner.send(e);
    },
  };
}

describe('the simulation driver', () => {
  it('finds the next due timer, not one due later', () => {
    const m = fakeMachine();
    expect(nextDueTimer(m.state(), addMs(T0, DAY))).toBeNull();
    expect(nextDueTimer(m.state(), addMs(T0, 2 * DAY))?.node).toBe('first');
    expect(earliestTimer(m.state())?.dueAt).toBe(addMs(T0, 2 * DAY));
  });

  it('advancing the clock fires due timers in due order, each at its due time, chained ones too', () => {
    const m = fakeMachine();
    const r = fireDue(def, m, addMs(T0, 14 * DAY));
    expect(r.ok).toBe(true);
    expect(m.sent.map((e) => [e.type, e.at])).toEqual([
      ['timer.fired', addMs(T0, 2 * DAY)],
      ['timer.fired', addMs(T0, 5 * DAY)],
    ]);
    expect(m.state().node).toBe('call');
    expect(r.applied.every((a) => a.agrees)).toBe(true);
    expect(r.applied[1]!.trace[0]).toMatchObject({ from: 'second', to: 'call' });
  });

  it('stops at the advance time: a timer due later stays open', () => {
    const m = fakeMachine();
    fireDue(def, m, addMs(T0, 3 * DAY));
    expect(m.state().node).toBe('second');
    expect(m.state().open.timers).toHaveLength(1);
  });

  it("a refused event changes nothing and is never sent; the reason is the engine's", () => {
    const m = fakeMachine();
    const before = m.state();
    const r = drive(
      def,
      m,
      { type: 'task.completed', task: 'call', outcome: 'done' },
      addMs(T0, DAY),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('event.task-not-open');
    expect(m.sent).toEqual([]);
    expect(m.state()).toBe(before);
  });

  it('before a user event, due timers fire first; then the event, stamped with the same time', () => {
    const m = fakeMachine();
    const now = addMs(T0, 6 * DAY);
    const r = drive(def, m, { type: 'task.completed', task: 'call', outcome: 'done' }, now);
    expect(r.ok).toBe(true);
    expect(m.sent.map((e) => e.type)).toEqual(['timer.fired', 'timer.fired', 'task.completed']);
    expect(m.sent[2]!.at).toBe(now);
    expect(m.state().status).toBe('completed');
    if (r.ok) expect(r.applied.at(-1)!.effects.some((e) => e.kind === 'outcome')).toBe(true);
  });

  it('reports an outcome the task does not list', () => {
    const m = fakeMachine();
    fireDue(def, m, addMs(T0, 6 * DAY));
    const r = drive(
      def,
      m,
      { type: 'task.completed', task: 'call', outcome: 'maybe' },
      addMs(T0, 6 * DAY),
    );
    expect(!r.ok && r.problems[0]!.code).toBe('event.unknown-outcome');
  });

  it('reports when the machine and step() disagree', () => {
    const m = fakeMachine();
    const liar: MachineHandle = { state: m.state, send: () => {} };
    const r = drive(def, liar, { type: 'contact.logged', role: 'pcp', minutes: 5 }, T0);
    expect(r.ok && r.applied[0]!.agrees).toBe(false);
  });
});

describe('replaying a script', () => {
  const setup = { at: T0, patient: { age: 40, sex: 'female' as const } };
  it('reproduces the same patient: clock moves fire timers, events follow', () => {
    const r = replayScript(def, {}, setup, [
      { kind: 'advance', to: addMs(T0, 7 * DAY) },
      {
        kind: 'event',
        event: { type: 'task.completed', task: 'call', outcome: 'done' },
        at: addMs(T0, 7 * DAY),
      },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.replayed.state.status).toBe('completed');
    expect(r.replayed.applied.map((a) => a.event.type)).toEqual([
      'timer.fired',
      'timer.fired',
      'task.completed',
    ]);
    expect(r.replayed.now).toBe(addMs(T0, 7 * DAY));
    expect(r.replayed.stopped).toBeNull();
    expect(r.replayed.start.effects.some((e) => e.kind === 'timer')).toBe(true);
  });

  it('stops at the first action the changed pathway refuses, keeping what came before', () => {
    const r = replayScript(def, {}, setup, [
      { kind: 'advance', to: addMs(T0, 3 * DAY) },
      {
        kind: 'event',
        event: { type: 'task.completed', task: 'call', outcome: 'done' },
        at: addMs(T0, 3 * DAY),
      },
      { kind: 'advance', to: addMs(T0, 9 * DAY) },
    ]);
    expect(r.ok && r.replayed.stopped?.index).toBe(1);
    expect(r.ok && r.replayed.state.node).toBe('second');
  });

  it('refuses a patient the engine refuses', () => {
    const r = replayScript(def, {}, { at: 'not a date', patient: {} }, []);
    expect(r.ok).toBe(false);
  });
});

describe('the simulated clock', () => {
  it('says where the patient is in time', () => {
    expect(sinceStart(T0, addMs(T0, 15 * DAY))).toBe('Day 15 (week 2)');
    expect(sinceStart(T0, addMs(T0, DAY + 3_600_000))).toBe('Day 1 + 1 h (week 0)');
  });
  it('only moves forward', () => {
    expect(advanceProblem(T0, T0)).toMatch(/after/);
    expect(advanceProblem(T0, null)).toMatch(/Enter/);
    expect(advanceProblem(T0, addMs(T0, 1))).toBeNull();
  });
});
