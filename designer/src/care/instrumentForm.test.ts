import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS, instruments, scoreInstrument } from '@care-pathways/engine';
import {
  answersFrom,
  criticalWarning,
  emptyValues,
  isAsked,
  itemLabel,
  missingItems,
  preview,
  scoreOptionsFor,
  setValue,
  skipNote,
} from './instrumentForm.js';

describe('instrument forms', () => {
  it('builds answers every scorer accepts when every asked item is answered "first option"', () => {
    for (const id of INSTRUMENT_IDS) {
      let values = emptyValues(id);
      for (const i of missingItems(id, values)) values = setValue(id, values, i, 0);
      expect(missingItems(id, values), id).toEqual([]);
      const r = scoreInstrument(id, answersFrom(id, values), { sex: 'female' });
      expect(r.ok, `${id}: ${r.ok ? '' : r.problems.map((p) => p.message).join('; ')}`).toBe(true);
    }
  });

  it('PHQ-9: nine required items, the difficulty item optional, a running total', () => {
    let v = emptyValues('phq9');
    expect(missingItems('phq9', v)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    v = setValue('phq9', v, 0, 3);
    v = setValue('phq9', v, 1, 2);
    const p = preview('phq9', v);
    expect(p).toMatchObject({ state: 'incomplete', partialTotal: 5, answered: 2 });
    for (let i = 2; i < 9; i++) v = setValue('phq9', v, i, 1);
    const done = preview('phq9', v);
    expect(done.state).toBe('scored');
    if (done.state === 'scored') {
      expect(done.score.total).toBe(12);
      expect(done.bandLabel).toBe('Moderate');
    }
    expect(answersFrom('phq9', v)).toEqual([3, 2, 1, 1, 1, 1, 1, 1, 1, null]);
  });

  it('C-SSRS: items 3–5 only when item 2 is yes, and cleared when it turns no', () => {
    let v = emptyValues('cssrs');
    expect(isAsked('cssrs', v, 2)).toBe(false);
    expect(skipNote('cssrs', v, 3)).toMatch(/item 2 is Yes/);
    v = setValue('cssrs', v, 1, 1);
    expect(missingItems('cssrs', v)).toEqual([0, 2, 3, 4, 5]);
    v = setValue('cssrs', v, 3, 1);
    v = setValue('cssrs', v, 1, 0);
    expect(v[3]).toBeNull();
    expect(answersFrom('cssrs', v)[3]).toBeNull();
  });

  it('C-SSRS item 6 follow-up is labelled as such and required after a yes', () => {
    expect(itemLabel('cssrs', 5)).toBe('Item 6');
    expect(itemLabel('cssrs', 6)).toBe('Item 6 follow-up');
    let v = emptyValues('cssrs');
    v = setValue('cssrs', v, 5, 1);
    expect(missingItems('cssrs', v)).toContain(6);
  });

  it('ASQ: the acuity question follows a positive (or declined) screen only', () => {
    let v = [0, 0, 0, 0, null];
    expect(isAsked('asq', v, 4)).toBe(false);
    expect(missingItems('asq', v)).toEqual([]);
    v = setValue('asq', v, 2, 2);
    expect(missingItems('asq', v)).toEqual([4]);
  });

  it('PC-PTSD-5: a "no" to the trauma gate finishes the form', () => {
    let v = setValue('pcptsd5', emptyValues('pcptsd5'), 0, 0);
    expect(missingItems('pcptsd5', v)).toEqual([]);
    const p = preview('pcptsd5', v);
    expect(p.state).toBe('scored');
    v = setValue('pcptsd5', v, 0, 1);
    expect(missingItems('pcptsd5', v)).toEqual([1, 2, 3, 4, 5]);
  });

  it('warns as soon as a critical item is positive, as the engine scores it', () => {
    let v = emptyValues('phq9');
    expect(criticalWarning('phq9', v)).toBeNull();
    v = setValue('phq9', v, 8, 1);
    const w = criticalWarning('phq9', v);
    expect(w?.items).toEqual([9]);
    expect(w?.message).toMatch(/PHQ-9 item 9/);
    // C-SSRS item 6 (lifetime) alone is not high risk; with "past 3 months" it is.
    let c = setValue('cssrs', emptyValues('cssrs'), 5, 1);
    expect(criticalWarning('cssrs', c)).toBeNull();
    c = setValue('cssrs', c, 6, 1);
    expect(criticalWarning('cssrs', c)?.risk).toBe('high');
    // EPDS item 10 is reverse keyed: the first printed response scores 3.
    const e = setValue('epds', emptyValues('epds'), 9, 0);
    expect(criticalWarning('epds', e)?.items).toEqual([10]);
  });

  it("applies the pathway's tailored threshold and the patient's sex", () => {
    const def = { scoring: { phq2: { threshold: { param: 'phq2Threshold' } } } } as never;
    expect(scoreOptionsFor(def, { phq2Threshold: 2 }, 'male', 'phq2')).toEqual({
      sex: 'male',
      threshold: 2,
    });
    expect(scoreOptionsFor(null, {}, null, 'phq9')).toEqual({});
    expect(instruments.phq2.threshold?.default).toBe(3);
  });
});
