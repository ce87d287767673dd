import { describe, expect, it } from 'vitest';
import { checkReviewWeek } from './measure.js';

describe('the review week', () => {
  it('takes a whole number of weeks, 1 or more', () => {
    expect(checkReviewWeek('12')).toEqual({ week: 12, problem: null });
    expect(checkReviewWeek(' 1 ')).toEqual({ week: 1, problem: null });
  });

  it('rejects empty, zero, negative and fractional weeks, naming the field', () => {
    expect(checkReviewWeek('')).toEqual({
      week: null,
      problem: 'Enter the review week (measure.reviewWeek).',
    });
    for (const bad of ['0', '-2', '10.5', 'abc'])
      expect(checkReviewWeek(bad), bad).toEqual({
        week: null,
        problem: 'The review week must be a whole number of weeks, 1 or more (measure.reviewWeek).',
      });
  });
});
