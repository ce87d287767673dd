import { describe, expect, it } from 'vitest';
import { gad2 } from './gad2.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions) {
  const result = gad2.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('GAD-2', () => {
  it('describes GAD-7 items 1–2 with total 0–6 and no (unknown) panel codes', () => {
    expect(gad2.totalRange).toEqual({ min: 0, max: 6 });
    expect(gad2.loinc).toBeUndefined();
    expect(gad2.items.map((i) => i.loinc)).toEqual(['69725-0', '68509-9']);
    expect(gad2.threshold).toMatchObject({ default: 3, min: 2, max: 4 });
  });

  it('scores total 2 as negative and 3 as positive', () => {
    expect(score([0, 2])).toMatchObject({ total: 2, band: 'negative', positive: false });
    expect(score([1, 2])).toMatchObject({ total: 3, band: 'positive', positive: true });
  });

  it('accepts tailored thresholds 2 and 4 and rejects 1 and 5', () => {
    expect(score([1, 1], { threshold: 2 })).toMatchObject({ band: 'positive', threshold: 2 });
    expect(score([3, 0], { threshold: 4 })).toMatchObject({ band: 'negative', threshold: 4 });
    for (const threshold of [1, 5]) {
      const result = gad2.score([0, 0], { threshold });
      expect(result.ok).toBe(false);
    }
  });

  it('rejects a missing item', () => {
    const result = gad2.score([1, null]);
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'answers.missing', path: '$.answers[1]' })],
    });
  });
});
