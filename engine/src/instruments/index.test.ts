import { describe, expect, it } from 'vitest';
import {
  INSTRUMENT_IDS,
  getInstrument,
  instruments,
  isInstrumentId,
  scoreInstrument,
} from './index.js';

describe('instrument registry', () => {
  it('holds all 12 instruments under their ids', () => {
    expect(Object.keys(instruments).sort()).toEqual([...INSTRUMENT_IDS].sort());
    for (const id of INSTRUMENT_IDS) expect(instruments[id].id).toBe(id);
  });

  it('finds instruments by id and nothing else', () => {
    expect(getInstrument('phq9')).toBe(instruments.phq9);
    expect(getInstrument('PHQ9')).toBeUndefined();
    expect(getInstrument('toString')).toBeUndefined();
    expect(getInstrument('')).toBeUndefined();
  });

  it('recognises instrument ids', () => {
    expect(isInstrumentId('asq')).toBe(true);
    expect(isInstrumentId('crafft')).toBe(false);
    expect(isInstrumentId(7)).toBe(false);
    expect(isInstrumentId(undefined)).toBe(false);
  });

  it('cites a primary paper and a clinical-reference section for every instrument', () => {
    const references = Object.fromEntries(
      INSTRUMENT_IDS.map((id) => [id, instruments[id].reference]),
    );
    expect(references).toEqual({
      phq9: 'clinical-reference A1',
      phq2: 'clinical-reference A2',
      phqa: 'clinical-reference A3',
      gad7: 'clinical-reference A4',
      gad2: 'clinical-reference A5',
      auditc: 'clinical-reference A6',
      audit: 'clinical-reference A7',
      dast10: 'clinical-reference A8',
      epds: 'clinical-reference A9',
      pcptsd5: 'clinical-reference A10',
      cssrs: 'clinical-reference A11',
      asq: 'clinical-reference A12',
    });
    for (const id of INSTRUMENT_IDS) expect(instruments[id].citation).toMatch(/\d{4}/);
  });

  it('defines remission only for the PHQ-9, PHQ-A and GAD-7, all below 5', () => {
    const remission = INSTRUMENT_IDS.filter((id) => instruments[id].remissionBelow !== undefined);
    expect(remission).toEqual(['phq9', 'phqa', 'gad7']);
    for (const id of remission) expect(instruments[id].remissionBelow).toBe(5);
  });

  it('has critical items only on the PHQ-9, PHQ-A, EPDS, C-SSRS and ASQ', () => {
    expect(INSTRUMENT_IDS.filter((id) => instruments[id].hasCriticalItems)).toEqual([
      'phq9',
      'phqa',
      'epds',
      'cssrs',
      'asq',
    ]);
  });

  it('has bands that tile each total range without gaps or overlaps', () => {
    for (const id of INSTRUMENT_IDS) {
      const def = instruments[id];
      if (def.totalRange === null) continue;
      let next = def.totalRange.min;
      for (const band of def.bands) {
        expect(band.min, `${id} ${band.id}`).toBe(next);
        next = band.max + 1;
      }
      expect(next - 1, id).toBe(def.totalRange.max);
      expect(def.bandIds).toEqual(def.bands.map((b) => b.id));
    }
  });

  it('numbers items as printed and gives every item printed options', () => {
    for (const id of INSTRUMENT_IDS) {
      for (const item of instruments[id].items) {
        expect(item.options.length, `${id} item ${item.number}`).toBeGreaterThanOrEqual(2);
        expect(item.text.length).toBeGreaterThan(0);
        if (item.points !== undefined) expect(item.points).toHaveLength(item.options.length);
      }
    }
  });

  it('freezes the definitions', () => {
    expect(Object.isFrozen(instruments)).toBe(true);
    expect(Object.isFrozen(instruments.phq9.items[0])).toBe(true);
    expect(Object.isFrozen(instruments.phq9.bands)).toBe(true);
  });
});

describe('scoreInstrument', () => {
  it('scores by id', () => {
    const result = scoreInstrument('gad2', [2, 1]);
    expect(result).toMatchObject({
      ok: true,
      value: { instrument: 'gad2', total: 3, positive: true },
    });
  });

  it('passes options through', () => {
    const result = scoreInstrument('auditc', [2, 1, 0], { sex: 'male' });
    expect(result).toMatchObject({ ok: true, value: { positive: false, threshold: 4 } });
  });

  it('reports an unknown id as instrument.unknown', () => {
    expect(scoreInstrument('phq10', [0])).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          code: 'instrument.unknown',
          path: '$.instrument',
          severity: 'error',
          message: expect.stringContaining('"phq10"'),
        }),
      ],
    });
  });

  it('never mutates the caller’s answers', () => {
    const answers = Object.freeze([1, 1, 1, 1, 0, 0, 0, 0, 0]);
    const result = scoreInstrument('phq9', answers);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.answers).not.toBe(answers);
  });
});
