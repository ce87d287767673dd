import { describe, expect, it } from 'vitest';
import { phqa } from './phqa.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions) {
  const result = phqa.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problems(answers: readonly Answer[], options?: ScoreOptions) {
  const result = phqa.score(answers, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('PHQ-A (PHQ-9 Modified for Teens)', () => {
  it('describes 9 scored items plus 4 unscored extras, LOINC 89206-7 / 89204-2', () => {
    expect(phqa.items).toHaveLength(13);
    expect(phqa.items.filter((i) => i.scored).map((i) => i.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(phqa.items.filter((i) => i.critical).map((i) => i.number)).toEqual([9, 12, 13]);
    expect(phqa.loinc).toEqual({ panel: '89206-7', total: '89204-2' });
    expect(phqa.totalRange).toEqual({ min: 0, max: 27 });
    expect(phqa.threshold).toMatchObject({ default: 10, min: 10, max: 11 });
    expect(phqa.remissionBelow).toBe(5);
  });

  it('puts depressed/irritable mood at item 1 and anhedonia at item 2 (swapped vs PHQ-9)', () => {
    expect(phqa.items[0]?.text).toMatch(/irritable/);
    expect(phqa.items[1]?.text).toMatch(/interest or pleasure/);
    expect(score([3, 0, 0, 0, 0, 0, 0, 0, 0]).details).toMatchObject({
      depressedMood: 3,
      anhedonia: 0,
    });
    expect(score([0, 2, 0, 0, 0, 0, 0, 0, 0]).details).toMatchObject({
      depressedMood: 0,
      anhedonia: 2,
    });
  });

  it.each([
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'none-minimal'],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
    [[2, 2, 2, 1, 1, 1, 0, 0, 0], 9, 'mild'],
    [[2, 2, 2, 2, 1, 1, 0, 0, 0], 10, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2, 0, 0], 14, 'moderate'],
    [[3, 2, 2, 2, 2, 2, 2, 0, 0], 15, 'moderately-severe'],
    [[3, 3, 3, 3, 3, 2, 2, 0, 0], 19, 'moderately-severe'],
    [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe'],
  ])('scores %j as total %i in band %s (same bands as the PHQ-9)', (answers, total, band) => {
    expect(score(answers)).toMatchObject({ total, band });
  });

  it('screens 10 positive at the default threshold and negative at the Richardson threshold 11', () => {
    const ten = [2, 2, 2, 2, 1, 1, 0, 0, 0];
    expect(score(ten)).toMatchObject({ total: 10, positive: true, threshold: 10 });
    expect(score(ten, { threshold: 11 })).toMatchObject({
      total: 10,
      positive: false,
      threshold: 11,
    });
    expect(score([2, 2, 2, 2, 2, 1, 0, 0, 0], { threshold: 11 })).toMatchObject({
      total: 11,
      positive: true,
    });
  });

  it.each([9, 12])('rejects threshold %i', (threshold) => {
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0, 0], { threshold })[0]?.code).toBe(
      'threshold.out-of-range',
    );
  });

  it('does not count the extra items in the total', () => {
    const s = score([1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 3, 0, 0]);
    expect(s.total).toBe(4);
    expect(s.details).toMatchObject({
      pastYearDepressed: true,
      difficulty: 3,
      pastMonthSeriousSuicidalThoughts: false,
      lifetimeSuicideAttempt: false,
    });
  });

  it('accepts exactly 9 answers and treats the extras as not asked', () => {
    const s = score([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.answers).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null]);
    expect(s.itemPoints.slice(9)).toEqual([null, null, null, null]);
    expect(s.details).toMatchObject({
      pastYearDepressed: null,
      difficulty: null,
      pastMonthSeriousSuicidalThoughts: null,
      lifetimeSuicideAttempt: null,
    });
  });

  it('accepts blank extras', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null]).total).toBe(0);
  });

  it('flags item 9 > 0 as critical', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 1])).toMatchObject({
      total: 1,
      critical: true,
      criticalItems: [9],
    });
  });

  it('flags a yes to past-month serious suicidal thoughts (item 12) with a total of 0', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])).toMatchObject({
      total: 0,
      critical: true,
      criticalItems: [12],
    });
  });

  it('flags a yes to a lifetime suicide attempt (item 13) with a total of 0', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toMatchObject({
      total: 0,
      critical: true,
      criticalItems: [13],
    });
  });

  it('lists every positive suicide item', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 1, 1]).criticalItems).toEqual([9, 12, 13]);
  });

  it('does not flag a yes to the past-year depression item', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]).critical).toBe(false);
  });

  it('runs the PHQ-9 diagnostic algorithm with mood as item 1', () => {
    expect(score([2, 0, 2, 2, 2, 2, 0, 0, 0]).details?.algorithm).toBe('major-depressive-syndrome');
  });

  it('rejects 10–12 answers', () => {
    for (const answers of [
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]) {
      expect(problems(answers)).toEqual([expect.objectContaining({ code: 'answers.count' })]);
    }
  });

  it('rejects a yes/no extra outside 0–1, naming the allowed values', () => {
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0])).toEqual([
      expect.objectContaining({
        code: 'answers.out-of-range',
        path: '$.answers[11]',
        message: 'PHQ-A item 12 must be 0 (no) or 1 (yes) (got 2)',
      }),
    ]);
  });
});
