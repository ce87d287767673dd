import { describe, expect, it } from 'vitest';
import { start, step, type InstanceState, type PathwayDefinition } from '../index.js';
import { PHQ9, fixture, ok } from '../../test/support.js';

const def: PathwayDefinition = fixture('depression');
const T0 = '2026-01-05T09:00:00.000Z';
const at = (days: number, hours = 0) =>
  new Date(Date.parse(T0) + days * 86_400_000 + hours * 3_600_000).toISOString();

function begin(params: Record<string, unknown> = {}) {
  return ok(start(def, { at: T0, patient: { age: 40, sex: 'female' }, params }));
}
function send(s: InstanceState, event: Record<string, unknown>) {
  return ok(step(def, s, event, s.clock));
}
const phq2 = (s: InstanceState, answers: number[], day = 0) =>
  send(s, { type: 'instrument.completed', instrument: 'phq2', answers, at: at(day, 0.1) });
const phq9 = (s: InstanceState, answers: number[], day: number) =>
  send(s, { type: 'instrument.completed', instrument: 'phq9', answers, at: at(day, 0.2) });

/** Screened positive, PHQ-9 of `total`, enrolled: resting in follow-up. */
function enrolled(total = 16) {
  let s = phq2(begin().snapshot, [2, 2]).snapshot;
  s = phq9(s, PHQ9.total(total), 0).snapshot;
  expect(s.node).toBe('enrol');
  return send(s, { type: 'task.completed', task: 'enrol', at: at(1) }).snapshot;
}

describe('start', () => {
  it('enters the start node and asks the medical assistant to administer the PHQ-2', () => {
    const r = begin();
    expect(r.snapshot.status).toBe('active');
    expect(r.snapshot.node).toBe('phq2-screen');
    expect(r.effects).toEqual([
      expect.objectContaining({
        kind: 'task',
        action: 'create',
        node: 'phq2-screen',
        role: 'medical-assistant',
        priority: 'routine',
        instrument: 'phq2',
      }),
    ]);
    expect(r.snapshot.open.tasks).toHaveLength(1);
  });

  it('refuses parameter overrides outside their bounds, naming the parameter', () => {
    const r = start(def, { at: T0, params: { phq2Threshold: 5, nope: 1 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ['param.out-of-bounds', '$.params.phq2Threshold'],
      ['param.unknown', '$.params.nope'],
    ]);
  });
});

describe('screening', () => {
  it('goes on to the PHQ-9 when the PHQ-2 is 3 (the default threshold)', () => {
    expect(phq2(begin().snapshot, [2, 1]).snapshot.node).toBe('phq9-assess');
  });

  it('ends as screen-negative when the PHQ-2 is 2', () => {
    const r = phq2(begin().snapshot, [1, 1]);
    expect(r.snapshot.status).toBe('completed');
    expect(r.snapshot.outcome).toBe('screen-negative');
    expect(r.effects.at(-1)).toEqual({
      kind: 'outcome',
      outcome: 'screen-negative',
      node: 'negative',
      status: 'completed',
    });
  });

  it('follows a practice that tailors the PHQ-2 threshold down to 2', () => {
    const r = phq2(begin({ phq2Threshold: 2 }).snapshot, [1, 1]);
    expect(r.snapshot.node).toBe('phq9-assess');
  });

  it('enrols at PHQ-9 10 and ends at 9 (the enrolment threshold is inclusive)', () => {
    const s = phq2(begin().snapshot, [2, 2]).snapshot;
    expect(phq9(s, PHQ9.total(10), 0).snapshot.node).toBe('enrol');
    expect(phq9(s, PHQ9.total(9), 0).snapshot.outcome).toBe('screen-negative');
  });
});

describe('safety', () => {
  const afterScreen = () => phq2(begin().snapshot, [2, 2]).snapshot;

  it('routes PHQ-9 item 9 = 1 to the same-day safety assessment even when the total is 3', () => {
    const r = phq9(afterScreen(), [1, 1, 0, 0, 0, 0, 0, 0, 1], 0);
    expect(r.snapshot.node).toBe('safety-assessment');
    expect(r.snapshot.flags).toContain('safety-risk');
    const alert = r.effects.find((e) => e.kind === 'alert');
    expect(alert).toMatchObject({
      kind: 'alert',
      priority: 'urgent',
      instrument: 'phq9',
      items: [9],
      role: 'pcp',
    });
    expect(r.effects).toContainEqual(
      expect.objectContaining({
        kind: 'task',
        action: 'create',
        node: 'safety-assessment',
        priority: 'urgent',
        role: 'pcp',
      }),
    );
    expect(r.trace.at(-1)).toMatchObject({
      from: 'phq9-assess',
      to: 'safety-assessment',
      why: expect.stringContaining('safety-risk'),
    });
  });

  it('raises the alert before any other effect of the score', () => {
    const r = phq9(afterScreen(), PHQ9.total(20, 3), 0);
    const kinds = r.effects.map((e) => e.kind);
    expect(kinds[0]).toBe('alert');
  });

  it('keeps safety-risk set until the safety task is done, then resumes the pathway', () => {
    let s = phq9(afterScreen(), PHQ9.total(14, 2), 0).snapshot;
    s = send(s, {
      type: 'contact.logged',
      role: 'care-manager',
      minutes: 10,
      at: at(0, 1),
    }).snapshot;
    expect(s.flags).toContain('safety-risk');
    const r = send(s, { type: 'task.completed', task: 'safety-assessment', at: at(0, 2) });
    expect(r.snapshot.flags).not.toContain('safety-risk');
    expect(r.snapshot.node).toBe('enrol');
  });

  it('raises a new alert for a critical item scored while monitoring', () => {
    const s = enrolled();
    const r = phq9(s, PHQ9.total(8, 1), 14);
    expect(r.effects.filter((e) => e.kind === 'alert')).toHaveLength(1);
    expect(r.snapshot.node).toBe('safety-assessment');
    expect(r.effects).toContainEqual(
      expect.objectContaining({ kind: 'timer', action: 'cancel', node: 'follow-up' }),
    );
  });
});

describe('refused events change nothing and say why', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'a task that is not open',
      { type: 'task.completed', task: 'enrol' },
      'event.task-not-open',
      '$.task',
    ],
    [
      'a timer that is not scheduled',
      { type: 'timer.fired', timer: 'x#1' },
      'event.timer-not-open',
      '$.timer',
    ],
    [
      'an instrument the pathway does not use',
      { type: 'instrument.completed', instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0] },
      'event.instrument-not-in-pathway',
      '$.instrument',
    ],
    [
      'answers out of range',
      { type: 'instrument.completed', instrument: 'phq2', answers: [4, 0] },
      'answers.out-of-range',
      '$.answers[0]',
    ],
    [
      'the wrong number of answers',
      { type: 'instrument.completed', instrument: 'phq2', answers: [1] },
      'answers.count',
      '$.answers',
    ],
    ['an unknown event type', { type: 'instrument.scored' }, 'schema.invalid-union', '$.type'],
    [
      'an unknown field',
      { type: 'contact.logged', role: 'care-manager', minutes: 5, mins: 5 },
      'schema.unrecognized-keys',
      '$',
    ],
    [
      'a referral that was never made',
      { type: 'referral.updated', referral: 'enrol', status: 'accepted' },
      'event.referral-not-open',
      '$.referral',
    ],
    [
      'an override to a node that does not exist',
      { type: 'override', to: 'nowhere', reason: 'test' },
      'event.unknown-node',
      '$.to',
    ],
    [
      'an override without a reason',
      { type: 'override', to: 'enrol' },
      'schema.invalid-type',
      '$.reason',
    ],
    [
      'completing a screen as if it were a task',
      { type: 'task.completed', task: 'phq2-screen' },
      'event.task-needs-instrument',
      '$.task',
    ],
    [
      'an event dated before the last one',
      { type: 'contact.logged', role: 'care-manager', minutes: 5, at: '2025-12-31T00:00:00Z' },
      'event.out-of-order',
      '$.at',
    ],
    ['an internal engine event', { type: 'engine.advance' }, 'schema.invalid-union', '$.type'],
  ];
  for (const [what, event, code, path] of cases) {
    it(`refuses ${what} (${code})`, () => {
      const s = begin().snapshot;
      const before = structuredClone(s);
      const r = step(def, s, event, at(0, 1));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems[0]).toMatchObject({ code, path });
      expect(r.problems[0]!.message.length).toBeGreaterThan(10);
      expect(s).toEqual(before);
    });
  }

  it('refuses a task outcome the task does not list, and a missing one', () => {
    let s = enrolled(16);
    // Drive to the caseload review: no improvement by week 10.
    for (let day = 15; day <= 71; day += 14) s = phq9(s, PHQ9.total(15), day).snapshot;
    expect(s.node).toBe('caseload-review');
    const bad = step(
      def,
      s,
      { type: 'task.completed', task: 'caseload-review', outcome: 'discharge' },
      at(72),
    );
    expect(!bad.ok && bad.problems[0]!.code).toBe('event.unknown-outcome');
    const none = step(def, s, { type: 'task.completed', task: 'caseload-review' }, at(72));
    expect(!none.ok && none.problems[0]!.code).toBe('event.outcome-required');
  });

  it('refuses every event once the pathway has ended', () => {
    const s = phq2(begin().snapshot, [0, 0]).snapshot;
    const r = step(def, s, { type: 'contact.logged', role: 'care-manager', minutes: 5 }, at(1));
    expect(!r.ok && r.problems[0]!.code).toBe('event.instance-finished');
  });
});

describe('measurement-based follow-up', () => {
  it('schedules the follow-up PHQ-9 task and timer one cadence after enrolment', () => {
    const s = enrolled();
    expect(s.open.tasks).toEqual([
      expect.objectContaining({ node: 'follow-up', role: 'care-manager', due: at(15) }),
    ]);
    expect(s.open.timers).toEqual([
      expect.objectContaining({ node: 'follow-up', dueAt: at(15), purpose: 'follow-up' }),
    ]);
  });

  it('uses the tailored cadence (28 days)', () => {
    let s = phq2(
      ok(start(def, { at: T0, params: { followUpDays: 28 } })).snapshot,
      [2, 2],
    ).snapshot;
    s = phq9(s, PHQ9.total(16), 0).snapshot;
    s = send(s, { type: 'task.completed', task: 'enrol', at: at(1) }).snapshot;
    expect(s.open.timers[0]!.dueAt).toBe(at(29));
  });

  it('closes the follow-up and books the next one when a score arrives early', () => {
    const s = enrolled();
    const r = phq9(s, PHQ9.total(12), 10);
    expect(r.effects.map((e) => `${e.kind}:${'action' in e ? e.action : ''}`)).toEqual([
      'task:complete',
      'timer:cancel',
      'task:create',
      'timer:schedule',
    ]);
    expect(r.snapshot.open.timers[0]!.dueAt).toBe(
      new Date(Date.parse(at(10, 0.2)) + 14 * 86_400_000).toISOString(),
    );
  });

  it('flags overdue when the follow-up comes due without a score, keeps the task, and clears on the next score', () => {
    const s = enrolled();
    const timer = s.open.timers[0]!;
    const fired = send(s, { type: 'timer.fired', timer: timer.id, at: timer.dueAt });
    expect(fired.snapshot.flags).toContain('overdue');
    expect(fired.snapshot.open.tasks).toHaveLength(1);
    expect(fired.snapshot.open.timers).toHaveLength(1);
    const scored = phq9(fired.snapshot, PHQ9.total(12), 20);
    expect(scored.snapshot.flags).not.toContain('overdue');
  });

  it('completes with remission after two consecutive PHQ-9 scores below 5, cancelling open work', () => {
    let s = enrolled();
    s = phq9(s, PHQ9.total(4), 14).snapshot;
    expect(s.node).toBe('follow-up');
    const r = phq9(s, PHQ9.total(3), 28);
    expect(r.snapshot.status).toBe('completed');
    expect(r.snapshot.outcome).toBe('remission');
    expect(r.snapshot.open).toEqual({ tasks: [], timers: [], referrals: [] });
  });

  it('does not count a PHQ-9 of 5 towards remission (remission is strictly below 5)', () => {
    let s = enrolled();
    s = phq9(s, PHQ9.total(4), 14).snapshot;
    s = phq9(s, PHQ9.total(5), 28).snapshot;
    expect(s.scores.phq9!.remissionStreak).toBe(0);
    expect(s.node).toBe('follow-up');
  });

  it('sends a patient without a 50% drop by week 10 to caseload review, and steps up on its advice', () => {
    let s = enrolled(16);
    s = phq9(s, PHQ9.total(12), 56).snapshot; // week 7 or so: not yet review week
    expect(s.node).toBe('follow-up');
    s = phq9(s, PHQ9.total(12), 71).snapshot; // enrolled day 1 → day 71 = week 10
    expect(s.flags).toContain('not-improving');
    expect(s.node).toBe('caseload-review');
    const r = send(s, {
      type: 'task.completed',
      task: 'caseload-review',
      outcome: 'step-up',
      at: at(72),
    });
    expect(r.snapshot.stepLevel).toBe(2);
    expect(r.snapshot.node).toBe('follow-up');
    expect(r.trace.map((t) => `${t.from}→${t.to}`)).toEqual([
      'caseload-review→step-up',
      'step-up→follow-up',
    ]);
  });

  it('does not flag not-improving when the PHQ-9 fell by exactly 50% by week 10', () => {
    let s = enrolled(16);
    s = phq9(s, PHQ9.total(8), 71).snapshot;
    expect(s.flags).toContain('response');
    expect(s.flags).not.toContain('not-improving');
    expect(s.node).toBe('follow-up');
  });
});

describe('clinician actions', () => {
  it('moves the patient on an override, cancelling what the old node had open, and records the reason', () => {
    const s = enrolled();
    const r = send(s, {
      type: 'override',
      to: 'caseload-review',
      reason: 'PCP concerned about worsening sleep',
      at: at(3),
    });
    expect(r.snapshot.node).toBe('caseload-review');
    expect(r.effects).toContainEqual(
      expect.objectContaining({ kind: 'timer', action: 'cancel', node: 'follow-up' }),
    );
    expect(r.trace).toEqual([
      {
        at: at(3),
        event: 'override',
        from: 'follow-up',
        to: 'caseload-review',
        why: 'override: PCP concerned about worsening sleep',
      },
    ]);
  });

  it('exits on discharge, cancelling everything open and recording the reason', () => {
    const s = enrolled();
    const r = send(s, { type: 'discharge', reason: 'moved away', at: at(5) });
    expect(r.snapshot.status).toBe('exited');
    expect(r.snapshot.open).toEqual({ tasks: [], timers: [], referrals: [] });
    expect(r.effects.at(-1)).toEqual({
      kind: 'outcome',
      outcome: 'discharged',
      node: 'follow-up',
      status: 'exited',
      reason: 'moved away',
    });
  });

  it('records a contact without moving, in the trace and the facts', () => {
    const s = enrolled();
    const r = send(s, { type: 'contact.logged', role: 'care-manager', minutes: 25, at: at(3) });
    expect(r.snapshot.node).toBe('follow-up');
    expect(r.snapshot.contacts).toEqual({ count: 1, minutes: 25, lastAt: at(3) });
    expect(r.trace).toEqual([
      { at: at(3), event: 'contact.logged', from: 'follow-up', to: 'follow-up', why: 'recorded' },
    ]);
  });

  it('takes the event time from `now` when the event has none', () => {
    const s = enrolled();
    const r = ok(step(def, s, { type: 'contact.logged', role: 'care-manager', minutes: 5 }, at(4)));
    expect(r.snapshot.clock).toBe(at(4));
  });
});
