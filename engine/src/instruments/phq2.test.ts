import { describe, expect, it } from 'vitest';
import { phq2 } from './phq2.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions) {
  const result = phq2.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('PHQ-2', () => {
  it('describes PHQ-9 items 1–2, total 0–6 and LOINC 55757-9 / 55758-7', () => {
    expect(phq2.totalRange).toEqual({ min: 0, max: 6 });
    expect(phq2.loinc).toEqual({ panel: '55757-9', total: '55758-7' });
    expect(phq2.items.map((i) => i.loinc)).toEqual(['44250-9', '44255-8']);
    expect(phq2.threshold).toMatchObject({ default: 3, min: 2, max: 4 });
    expect(phq2.hasCriticalItems).toBe(false);
    expect(phq2.bandIds).toEqual(['negative', 'positive']);
  });

  it('scores total 2 as negative and 3 as positive', () => {
    expect(score([1, 1])).toMatchObject({
      total: 2,
      band: 'negative',
      positive: false,
      threshold: 3,
    });
    expect(score([2, 1])).toMatchObject({
      total: 3,
      band: 'positive',
      positive: true,
      threshold: 3,
    });
  });

  it('bands by the applied threshold: 2 is positive at ≥2, 3 is negative at ≥4', () => {
    expect(score([1, 1], { threshold: 2 })).toMatchObject({
      total: 2,
      band: 'positive',
      positive: true,
    });
    expect(score([2, 1], { threshold: 4 })).toMatchObject({
      total: 3,
      band: 'negative',
      positive: false,
    });
    expect(score([3, 1], { threshold: 4 })).toMatchObject({
      total: 4,
      band: 'positive',
      positive: true,
    });
  });

  it('has no critical items', () => {
    expect(score([3, 3])).toMatchObject({ total: 6, critical: false, criticalItems: [] });
  });

  it.each([1, 5])('rejects threshold %i', (threshold) => {
    const result = phq2.score([0, 0], { threshold });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.code).toBe('threshold.out-of-range');
  });

  it('rejects a third answer and out-of-range items', () => {
    const result = phq2.score([0, 4, 0]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.code)).toEqual(['answers.count', 'answers.out-of-range']);
      expect(result.problems[1]?.message).toBe('PHQ-2 item 2 must be 0–3 (got 4)');
    }
  });
});
