import { describe, expect, it } from 'vitest';
import { epds } from './epds.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions) {
  const result = epds.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('EPDS', () => {
  it('describes total 0–30, panel 71354-5 without the unverified total code, threshold 13 (10–13)', () => {
    expect(epds.totalRange).toEqual({ min: 0, max: 30 });
    expect(epds.loinc).toEqual({ panel: '71354-5' });
    expect(epds.threshold).toMatchObject({ default: 13, min: 10, max: 13 });
    expect(epds.bandIds).toEqual(['unlikely', 'possible', 'probable']);
    expect(epds.items.filter((i) => i.critical).map((i) => i.number)).toEqual([10]);
  });

  it('reverse-keys items 3 and 5–10: all first positions is total 21, not 0', () => {
    const s = score([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.total).toBe(21);
    expect(s.itemPoints).toEqual([0, 0, 3, 0, 3, 3, 3, 3, 3, 3]);
    expect(s.band).toBe('probable');
  });

  it('scores all last positions as total 9 (items 1, 2, 4 only)', () => {
    const s = score([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(s.total).toBe(9);
    expect(s.itemPoints).toEqual([3, 3, 0, 3, 0, 0, 0, 0, 0, 0]);
    expect(s.band).toBe('unlikely');
  });

  it('scores the lowest-symptom answers as total 0', () => {
    expect(score([0, 0, 3, 0, 3, 3, 3, 3, 3, 3]).total).toBe(0);
  });

  it.each([
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 9, 'unlikely', false],
    [[3, 3, 2, 3, 3, 3, 3, 3, 3, 3], 10, 'possible', false],
    [[3, 3, 0, 3, 3, 3, 3, 3, 3, 3], 12, 'possible', false],
    [[3, 3, 0, 3, 2, 3, 3, 3, 3, 3], 13, 'probable', true],
  ])('scores %j as total %i in band %s (positive %s at ≥13)', (answers, total, band, positive) => {
    expect(score(answers)).toMatchObject({ total, band, positive, threshold: 13 });
  });

  it('flags item 10 at position 2 (1 point) as critical whatever the total', () => {
    expect(score([0, 0, 3, 0, 3, 3, 3, 3, 3, 2])).toMatchObject({
      total: 1,
      band: 'unlikely',
      critical: true,
      criticalItems: [10],
    });
  });

  it('does not flag item 10 at position 3 (0 points)', () => {
    expect(score([3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toMatchObject({
      critical: false,
      criticalItems: [],
    });
  });

  it('screens 10 positive with the tailored "possible depression" threshold 10', () => {
    expect(score([3, 3, 2, 3, 3, 3, 3, 3, 3, 3], { threshold: 10 })).toMatchObject({
      total: 10,
      positive: true,
      threshold: 10,
      band: 'possible',
    });
  });

  it.each([9, 14])('rejects threshold %i', (threshold) => {
    const result = epds.score([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], { threshold });
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'threshold.out-of-range', path: '$.threshold' })],
    });
  });

  it('rejects position 4', () => {
    const result = epds.score([0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          code: 'answers.out-of-range',
          message: 'EPDS item 10 must be 0–3 (got 4)',
        }),
      ],
    });
  });
});
