import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile, simulate, PathwayError } from '../index.js';
import { PHQ9, fixture } from '../../test/support.js';

const def = fixture('depression');
const script = (events: unknown[], extra: Record<string, unknown> = {}) => ({
  start: '2026-01-05T09:00:00Z',
  patient: { age: 40, sex: 'male' },
  events,
  ...extra,
});
const phq2 = (answers: number[], at: string) => ({
  type: 'instrument.completed',
  instrument: 'phq2',
  answers,
  at,
});
const phq9 = (total: number, at: string) => ({
  type: 'instrument.completed',
  instrument: 'phq9',
  answers: PHQ9.total(total),
  at,
});
const enrolled = [
  phq2([2, 2], '2026-01-05T09:05:00Z'),
  phq9(16, '2026-01-05T09:15:00Z'),
  { type: 'task.completed', task: 'enrol', at: '2026-01-06T09:00:00Z' },
];

describe('simulate', () => {
  it('returns exactly the contract fields of DESIGN.md §6', () => {
    const r = simulate(def, script(enrolled));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.output).sort()).toEqual([
      'active',
      'effects',
      'facts',
      'flags',
      'open',
      'outcome',
      'status',
      'trace',
    ]);
    expect(Object.keys(r.output.open).sort()).toEqual(['tasks', 'timers']);
    expect(r.output).toMatchObject({
      status: 'active',
      active: ['follow-up'],
      outcome: null,
      flags: [],
    });
    for (const t of r.output.trace)
      expect(Object.keys(t).sort()).toEqual(['at', 'event', 'from', 'to', 'why']);
    for (const e of r.output.effects.filter((x) => x.kind === 'task' && 'role' in x))
      expect(e).toMatchObject({
        role: expect.any(String),
        title: expect.any(String),
        priority: expect.any(String),
      });
  });

  it('fires timers due before an event, in due order (each overdue follow-up re-books the next), before the event itself', () => {
    const r = simulate(def, script([...enrolled, phq9(14, '2026-02-20T09:00:00Z')]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const events = r.output.trace.map((t) => `${t.event}@${t.at.slice(0, 10)}`);
    expect(events.slice(-4)).toEqual([
      'timer.fired@2026-01-20',
      'timer.fired@2026-02-03',
      'timer.fired@2026-02-17',
      'instrument.completed@2026-02-20',
    ]);
  });

  it('fires due timers on clock.advance and reads flags as of the advanced clock', () => {
    const r = simulate(
      def,
      script([...enrolled, { type: 'clock.advance', to: '2026-04-01T00:00:00Z' }]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.output.flags).toEqual(expect.arrayContaining(['overdue', 'not-improving']));
    expect(r.output.facts.weeksInCare).toBe(12);
  });

  it('completes with an outcome and no open work', () => {
    const r = simulate(def, script([phq2([0, 1], '2026-01-05T09:05:00Z')]));
    expect(r.ok && r.output).toMatchObject({
      status: 'completed',
      active: ['negative'],
      outcome: 'screen-negative',
      open: { tasks: [], timers: [] },
    });
  });

  it('applies parameter overrides', () => {
    const r = simulate(def, script([phq2([1, 1], '2026-01-05T09:05:00Z')]), { phq2Threshold: 2 });
    expect(r.ok && r.output.active).toEqual(['phq9-assess']);
  });

  it('reports a bad script with the path of the bad event and runs nothing', () => {
    const r = simulate(
      def,
      script([
        phq2([2, 2], '2026-01-05T09:05:00Z'),
        { type: 'task.completed', task: 'enrol', at: '2026-01-05T10:00:00Z' },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'event.task-not-open', path: '$.events[1].task' });
    const bad = simulate(def, { start: 'yesterday', events: [] });
    expect(!bad.ok && bad.problems[0]!.path).toBe('$.start');
  });
});

describe('compile', () => {
  it('gives an XState machine that an actor runs to the same place as step()', () => {
    const machine = compile(def, { phq2Threshold: 2 });
    const actor = createActor(machine, {
      input: { at: '2026-01-05T09:00:00Z', patient: { age: 30 } },
    }).start();
    actor.send({
      type: 'instrument.completed',
      instrument: 'phq2',
      answers: [1, 1],
      at: '2026-01-05T09:05:00.000Z',
    });
    expect(actor.getSnapshot().value).toBe('phq9-assess');
    actor.send({
      type: 'instrument.completed',
      instrument: 'phq9',
      answers: [0, 0, 0, 0, 0, 0, 0, 0, 1],
      at: '2026-01-05T09:10:00.000Z',
    });
    expect(actor.getSnapshot().value).toBe('safety-assessment');
    expect(actor.getSnapshot().context.state.flags).toContain('safety-risk');
    actor.stop();
  });

  it('throws a PathwayError listing every parameter problem', () => {
    expect(() => compile(def, { phq2Threshold: 9 })).toThrow(PathwayError);
  });
});

describe('restoreSnapshot', () => {
  it('continues a stored instance in an actor where step() left it, without re-entering the start', async () => {
    const { restoreSnapshot, start, step } = await import('../index.js');
    let s = (start(def, { at: '2026-01-05T09:00:00Z' }) as any).snapshot;
    s = (
      step(
        def,
        s,
        { type: 'instrument.completed', instrument: 'phq2', answers: [2, 2] },
        '2026-01-05T09:05:00Z',
      ) as any
    ).snapshot;
    const machine = compile(def);
    const actor = createActor(machine, {
      snapshot: restoreSnapshot(machine, s),
      input: undefined,
    }).start();
    expect(actor.getSnapshot().value).toBe('phq9-assess');
    expect(
      actor.getSnapshot().context.state.open.tasks.map((t: { node: string }) => t.node),
    ).toEqual(['phq9-assess']);
    actor.send({
      type: 'instrument.completed',
      instrument: 'phq9',
      answers: PHQ9.total(16),
      at: '2026-01-05T09:10:00.000Z',
    });
    const viaStep = (
      step(
        def,
        s,
        { type: 'instrument.completed', instrument: 'phq9', answers: PHQ9.total(16) },
        '2026-01-05T09:10:00.000Z',
      ) as any
    ).snapshot;
    expect(actor.getSnapshot().context.state).toEqual(viaStep);
    actor.stop();
  });
});
