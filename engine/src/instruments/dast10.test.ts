import { describe, expect, it } from 'vitest';
import { dast10 } from './dast10.js';
import type { Answer } from './types.js';

function score(answers: readonly Answer[]) {
  const result = dast10.score(answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('DAST-10', () => {
  it('describes 10 yes/no items, total 0–10, LOINC 82666-9 / 82667-7 and threshold 3', () => {
    expect(dast10.items).toHaveLength(10);
    expect(dast10.totalRange).toEqual({ min: 0, max: 10 });
    expect(dast10.loinc).toEqual({ panel: '82666-9', total: '82667-7' });
    expect(dast10.threshold).toMatchObject({ default: 3, min: 3, max: 3 });
    expect(dast10.bandIds).toEqual(['none', 'low', 'moderate', 'substantial', 'severe']);
  });

  it('reverse-scores item 3: No = 1 point, Yes = 0', () => {
    const allNo = score([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(allNo.total).toBe(1);
    expect(allNo.band).toBe('low');
    expect(allNo.itemPoints).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(score([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]).itemPoints).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it.each([
    [[0, 0, 1, 0, 0, 0, 0, 0, 0, 0], 0, 'none', false],
    [[1, 0, 1, 0, 0, 0, 0, 0, 0, 0], 1, 'low', false],
    [[1, 1, 1, 0, 0, 0, 0, 0, 0, 0], 2, 'low', false],
    [[1, 1, 0, 0, 0, 0, 0, 0, 0, 0], 3, 'moderate', true],
    [[1, 1, 0, 1, 1, 0, 0, 0, 0, 0], 5, 'moderate', true],
    [[1, 1, 0, 1, 1, 1, 0, 0, 0, 0], 6, 'substantial', true],
    [[1, 1, 0, 1, 1, 1, 1, 1, 0, 0], 8, 'substantial', true],
    [[1, 1, 0, 1, 1, 1, 1, 1, 1, 0], 9, 'severe', true],
    [[1, 1, 0, 1, 1, 1, 1, 1, 1, 1], 10, 'severe', true],
  ])('scores %j as total %i in band %s (positive %s)', (answers, total, band, positive) => {
    expect(score(answers)).toMatchObject({ total, band, positive, threshold: 3 });
  });

  it('rejects an answer of 2 on a yes/no item', () => {
    expect(dast10.score([0, 0, 2, 0, 0, 0, 0, 0, 0, 0])).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          code: 'answers.out-of-range',
          path: '$.answers[2]',
          message: 'DAST-10 item 3 must be 0 (no) or 1 (yes) (got 2)',
        }),
      ],
    });
  });
});
