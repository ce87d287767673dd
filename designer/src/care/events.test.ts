import { describe, expect, it } from 'vitest';
import { pathwayEventSchema } from '@care-pathways/engine';
import { emptyValues, setValue } from './instrumentForm.js';
import {
  contactEvent,
  dischargeEvent,
  instrumentEvent,
  overrideEvent,
  referralEvent,
  taskCompletion,
  taskEvent,
} from './events.js';

const valid = (b: { ok: boolean; event?: unknown }) =>
  b.ok && pathwayEventSchema.safeParse(b.event).success;

describe('events built from form values', () => {
  it('an instrument needs every required item; skipped items go as null', () => {
    let v = emptyValues('pcptsd5');
    expect(instrumentEvent('pcptsd5', v)).toMatchObject({ ok: false });
    v = setValue('pcptsd5', v, 0, 0);
    const b = instrumentEvent('pcptsd5', v);
    expect(b).toEqual({
      ok: true,
      event: {
        type: 'instrument.completed',
        instrument: 'pcptsd5',
        answers: [0, null, null, null, null, null],
      },
    });
    expect(valid(b)).toBe(true);
  });

  it('a task with or without an outcome and note', () => {
    expect(taskEvent('engage', ' engaged ', '')).toEqual({
      ok: true,
      event: { type: 'task.completed', task: 'engage', outcome: 'engaged' },
    });
    expect(taskEvent('review', '', 'seen today')).toEqual({
      ok: true,
      event: { type: 'task.completed', task: 'review', note: 'seen today' },
    });
    expect(valid(taskEvent('engage', 'engaged'))).toBe(true);
  });

  it('completing a task needs one of its outcomes when it lists any, in the engine format', () => {
    expect(taskCompletion(['engaged', 'declined'], '')).toEqual({
      ok: false,
      message: 'Choose an outcome.',
    });
    expect(taskCompletion(['engaged'], 'engaged', ' called back ')).toEqual({
      ok: true,
      event: { outcome: 'engaged', note: 'called back' },
    });
    expect(taskCompletion([], '', '')).toEqual({ ok: true, event: {} });
    // Without the pathway any outcome goes, if well formed.
    expect(taskCompletion(null, '')).toEqual({ ok: true, event: {} });
    expect(taskCompletion(null, 'Seen today').ok).toBe(false);
    expect(taskCompletion(null, 'seen-today')).toEqual({
      ok: true,
      event: { outcome: 'seen-today' },
    });
  });

  it('a referral status', () => {
    expect(valid(referralEvent('refer', 'no-show'))).toBe(true);
  });

  it('a contact needs a role and whole minutes from 1 to 600', () => {
    expect(contactEvent('care-manager', '25')).toEqual({
      ok: true,
      event: { type: 'contact.logged', role: 'care-manager', minutes: 25 },
    });
    expect(valid(contactEvent('pcp', '600'))).toBe(true);
    for (const m of ['', '0', '2.5', '601', 'ten']) expect(contactEvent('pcp', m).ok).toBe(false);
    expect(contactEvent('', '10').ok).toBe(false);
  });

  it('override and discharge need a reason', () => {
    expect(overrideEvent('review', '  ').ok).toBe(false);
    expect(overrideEvent('', 'why').ok).toBe(false);
    expect(overrideEvent('review', ' clinical judgement ')).toEqual({
      ok: true,
      event: { type: 'override', to: 'review', reason: 'clinical judgement' },
    });
    expect(dischargeEvent('').ok).toBe(false);
    expect(valid(dischargeEvent('moved away'))).toBe(true);
  });
});
