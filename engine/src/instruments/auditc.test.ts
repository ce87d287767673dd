import { describe, expect, it } from 'vitest';
import { auditc } from './auditc.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions) {
  const result = auditc.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('AUDIT-C', () => {
  it('describes three 0–4 items, total 0–12 and LOINC 72109-2 / 75626-2', () => {
    expect(auditc.totalRange).toEqual({ min: 0, max: 12 });
    expect(auditc.loinc).toEqual({ panel: '72109-2', total: '75626-2' });
    expect(auditc.items.map((i) => i.loinc)).toEqual(['68518-0', '68519-8', '68520-6']);
    expect(auditc.items.map((i) => i.options.length)).toEqual([5, 5, 5]);
  });

  it('scores a man with 3 as negative and 4 as positive', () => {
    expect(score([2, 1, 0], { sex: 'male' })).toMatchObject({
      total: 3,
      positive: false,
      band: 'negative',
      threshold: 4,
      details: { thresholdRule: 'sex-male' },
    });
    expect(score([2, 1, 1], { sex: 'male' })).toMatchObject({
      total: 4,
      positive: true,
      band: 'positive',
    });
  });

  it('scores a woman with 2 as negative and 3 as positive', () => {
    expect(score([1, 1, 0], { sex: 'female' })).toMatchObject({
      total: 2,
      positive: false,
      threshold: 3,
      details: { thresholdRule: 'sex-female' },
    });
    expect(score([2, 1, 0], { sex: 'female' })).toMatchObject({
      total: 3,
      positive: true,
      band: 'positive',
    });
  });

  it.each([{ sex: 'other' as const }, { sex: 'unknown' as const }, {}, undefined])(
    'uses the lower (female) threshold 3 when sex is %j',
    (options) => {
      expect(score([2, 1, 0], options)).toMatchObject({
        total: 3,
        positive: true,
        threshold: 3,
        details: { thresholdRule: 'fallback-lower-threshold' },
      });
    },
  );

  it('lets options.threshold override the sex-specific threshold within 3–4', () => {
    expect(score([2, 1, 0], { sex: 'female', threshold: 4 })).toMatchObject({
      total: 3,
      positive: false,
      threshold: 4,
      details: { thresholdRule: 'tailored' },
    });
    for (const threshold of [2, 5]) {
      const result = auditc.score([0, 0, 0], { sex: 'male', threshold });
      expect(result).toEqual({
        ok: false,
        problems: [
          expect.objectContaining({ code: 'threshold.out-of-range', path: '$.threshold' }),
        ],
      });
    }
  });

  it('notes when all points come from Q1', () => {
    expect(score([4, 0, 0], { sex: 'male' })).toMatchObject({
      total: 4,
      positive: true,
      details: { allPointsFromQ1: true },
    });
    expect(score([2, 1, 0]).details?.allPointsFromQ1).toBe(false);
    expect(score([0, 0, 0]).details?.allPointsFromQ1).toBe(false);
  });

  it('rejects Q2 = 5', () => {
    expect(auditc.score([0, 5, 0])).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          code: 'answers.out-of-range',
          path: '$.answers[1]',
          message: 'AUDIT-C item 2 must be 0–4 (got 5)',
        }),
      ],
    });
  });
});
