import { describe, expect, it } from 'vitest';
import { phq9 } from './phq9.js';
import type { Answer, Score, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions): Score {
  const result = phq9.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problems(answers: readonly Answer[], options?: ScoreOptions) {
  const result = phq9.score(answers, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('PHQ-9 definition', () => {
  it('describes the 0–27 total, LOINC codes, the ≥10 threshold and remission below 5', () => {
    expect(phq9.totalRange).toEqual({ min: 0, max: 27 });
    expect(phq9.loinc).toEqual({ panel: '44249-1', total: '44261-6' });
    expect(phq9.items.map((i) => i.loinc)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
      '69722-7',
    ]);
    expect(phq9.threshold).toMatchObject({ default: 10, min: 8, max: 12 });
    expect(phq9.remissionBelow).toBe(5);
    expect(phq9.hasCriticalItems).toBe(true);
    expect(phq9.bandIds).toEqual([
      'none-minimal',
      'mild',
      'moderate',
      'moderately-severe',
      'severe',
    ]);
    expect(phq9.reference).toBe('clinical-reference A1');
  });

  it('marks only item 9 critical and the difficulty item unscored', () => {
    expect(phq9.items.filter((i) => i.critical).map((i) => i.number)).toEqual([9]);
    expect(phq9.items.filter((i) => !i.scored).map((i) => i.number)).toEqual([10]);
  });
});

describe('PHQ-9 severity bands', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'none-minimal'],
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'none-minimal'],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
    [[2, 2, 2, 1, 1, 1, 0, 0, 0], 9, 'mild'],
    [[2, 2, 2, 2, 1, 1, 0, 0, 0], 10, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2, 0, 0], 14, 'moderate'],
    [[3, 2, 2, 2, 2, 2, 2, 0, 0], 15, 'moderately-severe'],
    [[3, 3, 3, 3, 3, 2, 2, 0, 0], 19, 'moderately-severe'],
    [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe'],
  ])('scores %j as total %i in band %s', (answers, total, band) => {
    const s = score(answers);
    expect(s.total).toBe(total);
    expect(s.band).toBe(band);
  });

  it('scores total 9 as negative and 10 as a positive screen at the default threshold', () => {
    expect(score([2, 2, 2, 1, 1, 1, 0, 0, 0])).toMatchObject({ positive: false, threshold: 10 });
    expect(score([2, 2, 2, 2, 1, 1, 0, 0, 0])).toMatchObject({ positive: true, threshold: 10 });
  });

  it('reports item points equal to the positions', () => {
    expect(score([0, 1, 2, 3, 0, 1, 2, 3, 0]).itemPoints).toEqual([
      0,
      1,
      2,
      3,
      0,
      1,
      2,
      3,
      0,
      null,
    ]);
  });
});

describe('PHQ-9 item 9 (self-harm)', () => {
  it('flags item 9 = 1 as critical even with a total of 3', () => {
    const s = score([1, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(s.total).toBe(3);
    expect(s.band).toBe('none-minimal');
    expect(s.positive).toBe(false);
    expect(s.critical).toBe(true);
    expect(s.criticalItems).toEqual([9]);
  });

  it('does not flag item 9 = 0, whatever the total', () => {
    const s = score([3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(s.total).toBe(24);
    expect(s.critical).toBe(false);
    expect(s.criticalItems).toEqual([]);
  });

  it('flags item 9 = 3', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 3])).toMatchObject({
      critical: true,
      criticalItems: [9],
      total: 3,
    });
  });
});

describe('PHQ-9 difficulty item', () => {
  it('does not count the difficulty item in the total', () => {
    const without = score([1, 1, 1, 1, 0, 0, 0, 0, 0]);
    const withDifficulty = score([1, 1, 1, 1, 0, 0, 0, 0, 0, 3]);
    expect(without.total).toBe(4);
    expect(withDifficulty.total).toBe(4);
    expect(withDifficulty.band).toBe('none-minimal');
    expect(withDifficulty.details?.difficulty).toBe(3);
  });

  it('reports difficulty null and pads answers when only 9 answers are given', () => {
    const s = score([1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(s.details?.difficulty).toBeNull();
    expect(s.answers).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, null]);
  });

  it('accepts a blank difficulty item', () => {
    expect(score([1, 1, 1, 1, 0, 0, 0, 0, 0, null]).total).toBe(4);
  });

  it('still validates the difficulty item range', () => {
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0, 0, 4])).toEqual([
      expect.objectContaining({ code: 'answers.out-of-range', path: '$.answers[9]' }),
    ]);
  });
});

describe('PHQ-9 diagnostic algorithm', () => {
  it('finds a major depressive syndrome with 5 positive symptoms including item 1', () => {
    expect(score([2, 0, 2, 2, 2, 2, 0, 0, 0]).details?.algorithm).toBe('major-depressive-syndrome');
  });

  it('counts item 9 at 1 as a positive symptom', () => {
    expect(score([0, 2, 2, 2, 2, 0, 0, 0, 1]).details?.algorithm).toBe('major-depressive-syndrome');
    expect(score([2, 0, 0, 0, 0, 0, 0, 0, 1]).details?.algorithm).toBe('other-depressive-syndrome');
  });

  it('does not count items 1–8 at 1 as positive symptoms', () => {
    expect(score([1, 1, 1, 1, 1, 1, 1, 1, 0]).details?.algorithm).toBe('none');
  });

  it('finds an other depressive syndrome with 2–4 positive symptoms including item 1 or 2', () => {
    expect(score([0, 2, 2, 0, 0, 0, 0, 0, 0]).details?.algorithm).toBe('other-depressive-syndrome');
    expect(score([3, 3, 3, 3, 0, 0, 0, 0, 0]).details?.algorithm).toBe('other-depressive-syndrome');
  });

  it('finds no syndrome without item 1 or 2, however many symptoms', () => {
    expect(score([1, 1, 3, 3, 3, 3, 3, 3, 3]).details?.algorithm).toBe('none');
  });

  it('finds no syndrome with a single positive symptom', () => {
    expect(score([3, 0, 0, 0, 0, 0, 0, 0, 0]).details?.algorithm).toBe('none');
  });

  it('exposes anhedonia (item 1) and depressed mood (item 2)', () => {
    expect(score([3, 1, 0, 0, 0, 0, 0, 0, 0]).details).toMatchObject({
      anhedonia: 3,
      depressedMood: 1,
    });
  });
});

describe('PHQ-9 tailored threshold', () => {
  it('uses a tailored threshold of 8 and 12 at the bounds', () => {
    expect(score([2, 2, 2, 1, 1, 0, 0, 0, 0], { threshold: 8 })).toMatchObject({
      total: 8,
      positive: true,
      threshold: 8,
      band: 'mild',
    });
    expect(score([2, 2, 2, 2, 1, 1, 1, 0, 0], { threshold: 12 })).toMatchObject({
      total: 11,
      positive: false,
      threshold: 12,
    });
  });

  it.each([7, 13, 10.5, Number.NaN])('rejects threshold %s', (threshold) => {
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0, 0], { threshold })).toEqual([
      expect.objectContaining({
        code: 'threshold.out-of-range',
        path: '$.threshold',
        severity: 'error',
      }),
    ]);
  });
});

describe('PHQ-9 invalid answers', () => {
  it('rejects 8 and 11 answers', () => {
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0])).toEqual([
      expect.objectContaining({ code: 'answers.count', path: '$.answers' }),
    ]);
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual([
      expect.objectContaining({ code: 'answers.count', path: '$.answers' }),
    ]);
  });

  it('names the 1-based item and the allowed values', () => {
    expect(problems([0, 0, 4, 0, 0, 0, 0, 0, 0])).toEqual([
      {
        code: 'answers.out-of-range',
        path: '$.answers[2]',
        message: 'PHQ-9 item 3 must be 0–3 (got 4)',
        severity: 'error',
      },
    ]);
  });

  it('rejects negative, fractional, NaN and missing answers, all at once', () => {
    const found = problems([-1, 1.5, Number.NaN, null, 0, 0, 0, 0, 0]);
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['answers.out-of-range', '$.answers[0]'],
      ['answers.not-integer', '$.answers[1]'],
      ['answers.not-integer', '$.answers[2]'],
      ['answers.missing', '$.answers[3]'],
    ]);
    expect(found[3]?.message).toContain('item 4');
  });

  it('rejects non-numbers given at run time', () => {
    expect(problems(['2', 0, 0, 0, 0, 0, 0, 0, 0] as unknown as Answer[])).toEqual([
      expect.objectContaining({ code: 'answers.not-integer', path: '$.answers[0]' }),
    ]);
    expect(problems('0,0,0' as unknown as Answer[])).toEqual([
      expect.objectContaining({ code: 'answers.count', path: '$.answers' }),
    ]);
  });

  it('reports answer and threshold problems together', () => {
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0, 9], { threshold: 20 }).map((p) => p.code)).toEqual([
      'answers.out-of-range',
      'threshold.out-of-range',
    ]);
  });
});
