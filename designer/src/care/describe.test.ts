import { describe, expect, it } from 'vitest';
import type { Effect } from '@care-pathways/engine';
import {
  describeEffect,
  describeEvent,
  describeTrace,
  nodeLabel,
  scoreWords,
  whereNow,
} from './describe.js';

const def = {
  nodes: [
    { id: 'engage', kind: 'task', title: 'Engage patient', role: 'care-manager' },
    { id: 'review', kind: 'task', role: 'pcp', title: 'Review' },
    { id: 'new-assess', kind: 'assess', instrument: 'phq9' },
  ],
  roles: [{ id: 'peer-support', title: 'Peer support worker' }],
} as never;
const dates = { timeZone: 'UTC' };

describe('events, effects and trace lines in words', () => {
  it('names nodes by title, else as the canvas does, else by id in words', () => {
    expect(nodeLabel('engage', { def })).toBe('Engage patient');
    expect(nodeLabel('new-assess', { def })).toBe('Administer PHQ-9');
    expect(nodeLabel('acute-follow-up', { def })).toBe('Acute follow up');
    expect(nodeLabel('_exited')).toBe('Discharged');
  });

  it('gives a recorded instrument its engine score', () => {
    expect(scoreWords('phq9', [3, 3, 2, 2, 2, 2, 2, 3, 0])).toBe('19 — Moderately severe');
    expect(scoreWords('cssrs', [1, 0, null, null, null, 0, null])).toBe('risk low');
    expect(scoreWords('phq9', [1])).toBeNull();
    const e = describeEvent({ type: 'instrument.completed', instrument: 'phq2', answers: [2, 1] });
    expect(e.title).toBe('PHQ-2 recorded: 3 — Positive screen');
    expect(e.detail).toBe('Answers 2 1');
  });

  it('describes every event type', () => {
    expect(
      describeEvent({ type: 'instance.started', patient: { age: 40, sex: 'female' } }),
    ).toMatchObject({
      title: 'Pathway started',
      detail: 'Patient age 40, female',
    });
    expect(
      describeEvent({ type: 'task.completed', task: 'engage', outcome: 'engaged' }, { def }),
    ).toMatchObject({
      title: 'Task completed: Engage patient',
      detail: 'Outcome: Engaged',
    });
    expect(
      describeEvent({ type: 'referral.updated', referral: 'refer', status: 'no-show' }).title,
    ).toBe('Referral no show: Refer');
    expect(describeEvent({ type: 'timer.fired', timer: 'engage.timer#2' }, { def }).title).toBe(
      'Timer came due: Engage patient',
    );
    expect(
      describeEvent({ type: 'contact.logged', role: 'peer-support', minutes: 15 }, { def }).title,
    ).toBe('Contact logged: Peer support worker, 15 min');
    expect(
      describeEvent({ type: 'override', to: 'review', reason: 'clinical judgement' }, { def }),
    ).toMatchObject({
      title: 'Override to Review',
      tone: 'urgent',
    });
    expect(describeEvent({ type: 'discharge', reason: 'moved away' }).detail).toBe(
      'Reason: moved away',
    );
  });

  it('describes tasks with role, priority and due; alerts with their urgency', () => {
    const task: Effect = {
      kind: 'task',
      action: 'create',
      id: 'engage#1',
      node: 'engage',
      role: 'care-manager',
      title: 'Engage patient',
      priority: 'urgent',
      due: '2026-01-12T09:00:00.000Z',
    };
    expect(describeEffect(task, { def, dates })).toEqual({
      title: 'Task opened: Engage patient',
      detail: 'Care manager · urgent · due Mon, 12 Jan 2026, 09:00',
      tone: 'urgent',
    });
    const alert: Effect = {
      kind: 'alert',
      id: 'a1',
      priority: 'emergent',
      reason: 'critical-item',
      instrument: 'cssrs',
      items: [4, 5],
      risk: 'high',
      role: 'pcp',
      message: 'assess today',
    };
    const d = describeEffect(alert);
    expect(d.tone).toBe('emergent');
    expect(d.title).toMatch(/^EMERGENT alert for Primary care provider: assess today/);
    expect(d.detail).toBe('C-SSRS critical items 4, 5 · risk high');
    expect(
      describeEffect(
        {
          kind: 'timer',
          action: 'schedule',
          id: 't',
          node: 'engage',
          dueAt: '2026-01-12T09:00:00.000Z',
        },
        { def, dates },
      ),
    ).toMatchObject({
      title: 'Timer set: Engage patient',
      detail: 'due Mon, 12 Jan 2026, 09:00',
      tone: 'muted',
    });
    expect(
      describeEffect({ kind: 'outcome', outcome: 'remitted', node: 'done', status: 'completed' })
        .title,
    ).toBe('Outcome: Remitted');
  });

  it('reads trace lines and where the patient is after an action', () => {
    expect(
      describeTrace({ at: '', event: 'x', from: 'engage', to: 'review', why: 'engaged' }, { def }),
    ).toBe('Engage patient → Review, because engaged');
    expect(
      describeTrace({ at: '', event: 'x', from: 'engage', to: 'engage', why: 'recorded' }, { def }),
    ).toBe('Stayed at Engage patient (recorded)');
    // The engine's bare "next" and "otherwise" say what happened, not the keyword.
    expect(
      describeTrace(
        { at: '', event: 'task.completed', from: 'engage', to: 'review', why: 'next' },
        { def },
      ),
    ).toBe('Engage patient → Review: moved on after Engage patient was completed');
    expect(
      describeTrace(
        { at: '', event: 'x', from: 'engage', to: 'review', why: 'otherwise' },
        { def },
      ),
    ).toBe('Engage patient → Review: otherwise branch, no other condition held');
    expect(whereNow({ status: 'active', active: ['review'], outcome: null }, def)).toBe(
      'The patient is now at Review.',
    );
    expect(whereNow({ status: 'completed', active: [], outcome: 'remitted' }, def)).toBe(
      'The pathway has completed (Remitted).',
    );
  });
});
