import { describe, expect, it } from 'vitest';
import { gad7 } from './gad7.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions) {
  const result = gad7.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('GAD-7', () => {
  it('describes total 0–21, LOINC codes, threshold 10 (8–10) and remission below 5', () => {
    expect(gad7.totalRange).toEqual({ min: 0, max: 21 });
    expect(gad7.loinc).toEqual({ panel: '69737-5', total: '70274-6' });
    expect(gad7.items.slice(0, 7).map((i) => i.loinc)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    expect(gad7.threshold).toMatchObject({ default: 10, min: 8, max: 10 });
    expect(gad7.remissionBelow).toBe(5);
    expect(gad7.hasCriticalItems).toBe(false);
  });

  it('has no moderately-severe band', () => {
    expect(gad7.bandIds).toEqual(['minimal', 'mild', 'moderate', 'severe']);
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    [[1, 1, 1, 1, 0, 0, 0], 4, 'minimal'],
    [[1, 1, 1, 1, 1, 0, 0], 5, 'mild'],
    [[2, 2, 2, 1, 1, 1, 0], 9, 'mild'],
    [[2, 2, 2, 2, 1, 1, 0], 10, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2], 14, 'moderate'],
    [[3, 2, 2, 2, 2, 2, 2], 15, 'severe'],
    [[3, 3, 3, 3, 2, 2, 2], 18, 'severe'],
    [[3, 3, 3, 3, 3, 3, 2], 20, 'severe'],
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe'],
  ])('scores %j as total %i in band %s', (answers, total, band) => {
    expect(score(answers)).toMatchObject({ total, band });
  });

  it('scores 9 negative and 10 positive at the default threshold', () => {
    expect(score([2, 2, 2, 1, 1, 1, 0]).positive).toBe(false);
    expect(score([2, 2, 2, 2, 1, 1, 0]).positive).toBe(true);
  });

  it('accepts the caseness threshold 8 and rejects 7 and 11', () => {
    expect(score([2, 2, 2, 1, 1, 0, 0], { threshold: 8 })).toMatchObject({
      total: 8,
      positive: true,
      threshold: 8,
    });
    for (const threshold of [7, 11]) {
      const result = gad7.score([0, 0, 0, 0, 0, 0, 0], { threshold });
      expect(result).toEqual({
        ok: false,
        problems: [
          expect.objectContaining({ code: 'threshold.out-of-range', path: '$.threshold' }),
        ],
      });
    }
  });

  it('does not count the difficulty item in the total', () => {
    const s = score([1, 1, 1, 1, 0, 0, 0, 3]);
    expect(s.total).toBe(4);
    expect(s.band).toBe('minimal');
    expect(s.details?.difficulty).toBe(3);
    expect(score([1, 1, 1, 1, 0, 0, 0]).details?.difficulty).toBeNull();
  });

  it('rejects 6 or 9 answers', () => {
    for (const answers of [
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]) {
      const result = gad7.score(answers);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['answers.count']);
    }
  });
});
