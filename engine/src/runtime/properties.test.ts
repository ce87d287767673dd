import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instanceStateSchema, replay, start, step, type InstanceState } from '../index.js';
import { fixture, ok } from '../../test/support.js';

const def = fixture('depression');
const T0 = Date.parse('2026-01-05T09:00:00Z');

/**
 * Random patient histories: each step picks an event that the instance may or may not be able
 * to take, a few hours to a few weeks after the previous one.
 */
const item = fc.integer({ min: 0, max: 3 });
const phq9Answers = fc
  .tuple(fc.array(item, { minLength: 8, maxLength: 8 }), fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2))
  .map(([a, b]) => [...a, b]);
const eventArb = (s: InstanceState) => {
  const tasks = s.open.tasks
    .map((t) => t.node)
    .filter((n) => !n.includes('screen') && !n.includes('assess') && n !== 'follow-up');
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('instrument.completed'),
        instrument: fc.constant('phq2'),
        answers: fc.array(item, { minLength: 2, maxLength: 2 }),
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        type: fc.constant('instrument.completed'),
        instrument: fc.constant('phq9'),
        answers: phq9Answers,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('instrument.completed'),
        instrument: fc.constant('phq9'),
        answers: fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 11 }),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('task.completed'),
        task: fc.constantFrom(...tasks, 'enrol'),
        outcome: fc.constantFrom('step-up', 'continue'),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('timer.fired'),
        timer: fc.constantFrom(...s.open.timers.map((t) => t.id), 'bogus#1'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('contact.logged'),
        role: fc.constant('care-manager'),
        minutes: fc.integer({ min: 1, max: 90 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('override'),
        to: fc.constantFrom(...def.nodes.map((n) => n.id)),
        reason: fc.constant('clinical judgement'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant('discharge'), reason: fc.constant('moved') }),
    },
  );
};

/** Runs a random history; returns the accepted events (with times) and the final snapshot. */
function history(seed: number, length: number) {
  let s = ok(start(def, { at: new Date(T0).toISOString(), patient: { age: 50 } })).snapshot;
  let t = T0;
  const accepted: Record<string, unknown>[] = [];
  const rng = fc.sample(
    fc.tuple(fc.integer({ min: 1, max: 21 * 24 }), fc.integer({ min: 0, max: 1_000_000 })),
    { seed, numRuns: length },
  );
  for (const [hours, pick] of rng) {
    if (s.status !== 'active') break;
    t += hours * 3_600_000;
    const [candidate] = fc.sample(eventArb(s), { seed: pick, numRuns: 1 });
    const event: Record<string, unknown> = {
      ...(candidate as Record<string, unknown>),
      at: new Date(t).toISOString(),
    };
    if (event.type === 'timer.fired' && s.open.timers.length)
      event.at = new Date(Math.max(t, Date.parse(s.open.timers[0]!.dueAt))).toISOString();
    const r = step(def, s, event, event.at as string);
    if (r.ok) {
      expect(instanceStateSchema.safeParse(r.snapshot).success).toBe(true);
      s = r.snapshot;
      t = Date.parse(s.clock);
      accepted.push(event);
    } else {
      expect(r.problems.length).toBeGreaterThan(0);
    }
  }
  return { accepted, final: s };
}

describe('properties', () => {
  it('keeps the snapshot schema-valid after any sequence of accepted events', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 60 }), (seed, length) => {
        const { final } = history(seed, length);
        const parsed = instanceStateSchema.safeParse(final);
        expect(parsed.success).toBe(true);
        expect(new Set(final.flags).size).toBe(final.flags.length);
        if (final.status !== 'active')
          expect(final.open).toEqual({ tasks: [], timers: [], referrals: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('replays any accepted history to the same snapshot, effects and trace', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 60 }), (seed, length) => {
        const { accepted, final } = history(seed, length);
        const input = { at: new Date(T0).toISOString(), patient: { age: 50 } };
        const a = replay(def, input, accepted);
        const b = replay(def, input, structuredClone(accepted));
        expect(a.ok && b.ok).toBe(true);
        if (!a.ok || !b.ok) return;
        expect(a.snapshot).toEqual(final);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('never lets a positive PHQ-9 item 9 pass without an alert and the safety-risk flag', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, length, item9) => {
          const { final } = history(seed, length);
          if (final.status !== 'active') return;
          const answers = [0, 0, 0, 0, 0, 0, 0, 0, item9];
          const r = step(
            def,
            final,
            { type: 'instrument.completed', instrument: 'phq9', answers },
            new Date(Date.parse(final.clock) + 3_600_000).toISOString(),
          );
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.snapshot.flags).toContain('safety-risk');
          expect(r.effects.filter((e) => e.kind === 'alert')).toHaveLength(1);
          expect(r.snapshot.node).toBe('safety-assessment');
        },
      ),
      { numRuns: 100 },
    );
  });
});
