import { describe, expect, it } from 'vitest';
import {
  factsOf,
  instanceStateSchema,
  replay,
  start,
  step,
  validatePathway,
  type InstanceState,
  type PathwayDefinition,
} from '../index.js';
import { PHQ9, ok } from '../../test/support.js';
import { indexBaselines } from './baseline.js';

/**
 * Screen, watchful waiting for a mild score, enrolment at 10 or more, follow-up; a second enrol
 * node (`intensive`) for a patient not improving by week 10. `enrol: false` on both gives the same
 * pathway without enrolment.
 */
function pathway(enrol = true): PathwayDefinition {
  const v = validatePathway({
    schemaVersion: 1,
    id: 'baseline-test',
    title: 'Baseline test',
    instruments: ['phq9'],
    start: 'screen',
    measure: { instrument: 'phq9', reviewWeek: 10 },
    safety: { route: 'safety' },
    nodes: [
      { id: 'screen', kind: 'screen', instrument: 'phq9' },
      { id: 'severity', kind: 'decision' },
      { id: 'watch', kind: 'monitor', instrument: 'phq9', every: { days: 14 } },
      { id: 'enrol', kind: 'task', title: 'Enrol', role: 'care-manager', enrol },
      { id: 'follow-up', kind: 'monitor', instrument: 'phq9', every: { days: 14 } },
      { id: 'intensive', kind: 'task', title: 'Intensify', role: 'care-manager', enrol },
      {
        id: 'safety',
        kind: 'task',
        title: 'Assess risk',
        role: 'pcp',
        priority: 'urgent',
        resolvesSafetyRisk: true,
      },
      { id: 'negative', kind: 'end', outcome: 'screen-negative' },
      { id: 'well', kind: 'end', outcome: 'remission' },
    ],
    transitions: [
      { from: 'screen', to: 'severity' },
      { from: 'severity', to: 'enrol', when: { '>=': [{ var: 'phq9.latest' }, 10] } },
      { from: 'severity', to: 'watch', when: { '>=': [{ var: 'phq9.latest' }, 5] } },
      { from: 'severity', to: 'negative', otherwise: true },
      { from: 'watch', to: 'enrol', when: { '>=': [{ var: 'phq9.latest' }, 10] } },
      { from: 'watch', to: 'negative', when: { '<': [{ var: 'phq9.latest' }, 5] } },
      { from: 'enrol', to: 'follow-up' },
      { from: 'follow-up', to: 'well', when: { '>=': [{ var: 'phq9.remissionStreak' }, 2] } },
      { from: 'follow-up', to: 'intensive', when: { in: ['not-improving', { var: 'flags' }] } },
      { from: 'intensive', to: 'follow-up' },
      { from: 'safety', to: 'severity' },
    ],
  });
  if (!v.definition || v.errors.length) throw new Error(JSON.stringify(v.errors));
  return v.definition;
}

const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number, extraMs = 0) => new Date(T0 + days * DAY + extraMs).toISOString();

class Patient {
  readonly events: Record<string, unknown>[] = [];
  state: InstanceState;
  constructor(readonly def: PathwayDefinition) {
    this.state = ok(start(def, { at: at(0) })).snapshot;
  }
  send(event: Record<string, unknown>): this {
    this.state = ok(step(this.def, this.state, event, this.state.clock)).snapshot;
    this.events.push(event);
    return this;
  }
  phq9(total: number, days: number, extraMs = 0): this {
    return this.send({
      type: 'instrument.completed',
      instrument: 'phq9',
      answers: PHQ9.total(total),
      at: at(days, extraMs),
    });
  }
  override(to: string, days: number, extraMs = 0): this {
    return this.send({ type: 'override', to, reason: 'test', at: at(days, extraMs) });
  }
  done(task: string, days: number): this {
    return this.send({ type: 'task.completed', task, at: at(days) });
  }
  get facts(): Record<string, unknown> {
    return factsOf(this.def, this.state).phq9 as Record<string, unknown>;
  }
}

describe('the baseline is the index score at enrolment (decision 0007)', () => {
  it('takes the PHQ-9 at enrolment (12), not the screening 7, so a later 6 is a response', () => {
    const p = new Patient(pathway()).phq9(7, 0);
    expect(p.state.node).toBe('watch');
    expect(p.facts.baseline).toBe(7);
    p.phq9(12, 14);
    expect(p.state.node).toBe('enrol');
    expect(p.state.enrolledAt).toBe(at(14));
    expect(p.facts).toMatchObject({ baseline: 12, change: 0, response: false });
    expect(p.state.scores.phq9).toMatchObject({ baseline: 12, baselineAt: at(14) });
    p.done('enrol', 15).phq9(6, 28);
    expect(p.facts).toMatchObject({ baseline: 12, change: -0.5, response: true, remission: false });
    expect(p.state.flags).toContain('response');
  });

  it('does not flag the patient enrolled at 12 after a screening 7 as not improving once she responds', () => {
    const p = new Patient(pathway()).phq9(7, 0).phq9(12, 14).done('enrol', 15);
    for (const day of [28, 42, 56, 70, 84]) p.phq9(6, day);
    expect(p.state.clock).toBe(at(84));
    expect(p.state.flags).not.toContain('not-improving');
    expect(p.state.node).toBe('follow-up');
  });

  it('counts remission from the index score: 7, then 12 at enrolment, then 4', () => {
    const p = new Patient(pathway()).phq9(7, 0).phq9(12, 14).done('enrol', 15).phq9(4, 28);
    expect(p.facts).toMatchObject({ remission: true, response: true, remissionStreak: 1 });
    expect(p.state.flags).toEqual(['response', 'remission']);
  });

  it('counts a score exactly 7 days before enrolment as the index score', () => {
    const p = new Patient(pathway()).phq9(9, 0).phq9(7, 3).override('enrol', 10);
    expect(p.state.scores.phq9).toMatchObject({ baseline: 7, baselineAt: at(3) });
  });

  it('does not count a score 7 days and 1 ms before enrolment: the first score after it is the baseline', () => {
    const p = new Patient(pathway()).phq9(9, 0).phq9(7, 3).override('enrol', 10, 1);
    expect(p.state.enrolledAt).toBe(at(10, 1));
    expect(p.state.scores.phq9).toMatchObject({ baseline: null, baselineAt: null, latest: 7 });
    expect(p.facts).toMatchObject({ baseline: null, change: null, response: false, count: 2 });
    p.done('enrol', 11).phq9(14, 21);
    expect(p.state.scores.phq9).toMatchObject({ baseline: 14, baselineAt: at(21) });
    p.phq9(7, 35);
    expect(p.facts).toMatchObject({ baseline: 14, change: -0.5, response: true });
  });

  it('takes the latest of several scores inside the window, not the first', () => {
    const p = new Patient(pathway()).phq9(7, 0).phq9(9, 3).phq9(8, 5).override('enrol', 6);
    expect(p.state.scores.phq9).toMatchObject({ baseline: 8, baselineAt: at(5) });
  });

  it('keeps the first score as the baseline before enrolment', () => {
    const p = new Patient(pathway()).phq9(7, 0).phq9(8, 14);
    expect(p.state.enrolledAt).toBeNull();
    expect(p.facts).toMatchObject({ baseline: 7, latest: 8 });
  });

  it('keeps the first score as the baseline in a pathway with no enrol node', () => {
    const p = new Patient(pathway(false)).phq9(7, 0).phq9(12, 14);
    expect(p.state.node).toBe('enrol');
    expect(p.state.enrolledAt).toBeNull();
    p.done('enrol', 15).phq9(6, 28);
    expect(p.facts).toMatchObject({ baseline: 7, response: false, change: -1 / 7 });
  });

  it('keeps the baseline of the first enrolment when a second enrol node is entered', () => {
    const p = new Patient(pathway()).phq9(12, 0).done('enrol', 1);
    for (const day of [14, 28, 42, 56, 70]) p.phq9(11, day);
    expect(p.state.node).toBe('intensive');
    expect(p.state.enrolledAt).toBe(at(0));
    expect(p.state.scores.phq9).toMatchObject({ baseline: 12, baselineAt: at(0), latest: 11 });
  });

  it('keeps the baseline when the enrol node is entered again', () => {
    const p = new Patient(pathway()).phq9(12, 0).done('enrol', 1).phq9(15, 14);
    p.override('enrol', 15);
    expect(p.state.enrolledAt).toBe(at(0));
    expect(p.facts).toMatchObject({ baseline: 12, latest: 15 });
  });

  it('keeps the baseline an already-enrolled stored snapshot carries (instances enrolled under the first-score rule)', () => {
    const p = new Patient(pathway()).phq9(7, 0).phq9(12, 14).done('enrol', 15);
    // A snapshot stored by an engine that took the first score: baseline 7 though enrolled at 12.
    const old: InstanceState = {
      ...p.state,
      scores: { phq9: { ...p.state.scores.phq9!, baseline: 7, baselineAt: at(0) } },
    };
    expect(instanceStateSchema.safeParse(old).success).toBe(true);
    const next = ok(
      step(
        p.def,
        old,
        { type: 'instrument.completed', instrument: 'phq9', answers: PHQ9.total(6), at: at(28) },
        at(28),
      ),
    ).snapshot;
    expect(next.scores.phq9).toMatchObject({ baseline: 7, baselineAt: at(0), latest: 6 });
  });

  it('replays a history with a late enrolment to the same snapshot', () => {
    const p = new Patient(pathway()).phq9(7, 0).override('enrol', 7, 1).done('enrol', 8);
    p.phq9(14, 21).phq9(7, 35);
    const r = replay(p.def, { at: at(0) }, p.events);
    expect(r.ok && r.snapshot).toEqual(p.state);
  });
});

describe('indexBaselines', () => {
  const rec = (latest: number, lastAt: string) => ({
    count: 2,
    baseline: 3,
    baselineAt: at(-30),
    latest,
    previous: 3,
    lastAt,
    items: [],
    band: null,
    positive: false,
    critical: false,
    risk: null,
    remissionStreak: 0,
  });

  it('sets each instrument from its own latest score, and keeps the remission streak', () => {
    const scores = {
      phq9: { ...rec(12, at(-1)), remissionStreak: 0 },
      gad7: { ...rec(4, at(-8)), remissionStreak: 2 },
    };
    const out = indexBaselines(scores, at(0));
    expect(out.phq9).toMatchObject({ baseline: 12, baselineAt: at(-1) });
    expect(out.gad7).toMatchObject({ baseline: null, baselineAt: null, remissionStreak: 2 });
    expect(scores.phq9.baseline).toBe(3);
  });

  it('returns the same records when nothing changes', () => {
    const scores = { phq9: { ...rec(12, at(-1)), baseline: 12, baselineAt: at(-1) } };
    expect(indexBaselines(scores, at(0))).toBe(scores);
    expect(indexBaselines({}, at(0))).toEqual({});
  });
});
