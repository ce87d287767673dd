import { describe, expect, it } from 'vitest';
import { asq } from './asq.js';
import type { Answer } from './types.js';

function score(answers: readonly Answer[]) {
  const result = asq.score(answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problems(answers: readonly Answer[]) {
  const result = asq.score(answers);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('ASQ', () => {
  it('has no total and three risk levels', () => {
    expect(asq.totalRange).toBeNull();
    expect(asq.bandIds).toEqual(['negative', 'non-acute', 'acute']);
    expect(asq.items.map((i) => i.options.length)).toEqual([3, 3, 3, 3, 2]);
    expect(asq.hasCriticalItems).toBe(true);
    expect(asq.loinc).toBeUndefined();
  });

  it('scores all "no" without Q5 as negative', () => {
    expect(score([0, 0, 0, 0])).toMatchObject({
      total: null,
      risk: 'negative',
      band: 'negative',
      positive: false,
      critical: false,
      criticalItems: [],
      answers: [0, 0, 0, 0, null],
    });
    expect(score([0, 0, 0, 0, null]).risk).toBe('negative');
  });

  it('scores a yes with Q5 = no as a non-acute positive, which is critical', () => {
    expect(score([1, 0, 0, 0, 0])).toMatchObject({
      risk: 'non-acute',
      positive: true,
      critical: true,
      criticalItems: [1],
    });
  });

  it('scores Q5 = yes as an acute positive', () => {
    expect(score([0, 0, 1, 0, 1])).toMatchObject({
      risk: 'acute',
      band: 'acute',
      positive: true,
      critical: true,
      criticalItems: [3, 5],
    });
  });

  it('counts a refusal to answer as positive', () => {
    expect(score([2, 0, 0, 0, 0])).toMatchObject({
      risk: 'non-acute',
      positive: true,
      criticalItems: [1],
      itemPoints: [1, 0, 0, 0, 0],
      details: { declinedItems: [1] },
    });
  });

  it('lists every positive item among 1–4', () => {
    expect(score([1, 2, 0, 1, 0]).criticalItems).toEqual([1, 2, 4]);
  });

  it('requires Q5 (acuity) on a positive screen, never guessing it', () => {
    expect(problems([0, 0, 0, 1])).toEqual([
      expect.objectContaining({
        code: 'answers.missing',
        path: '$.answers',
        message: expect.stringContaining('item 5'),
      }),
    ]);
    expect(problems([0, 2, 0, 0, null])).toEqual([
      expect.objectContaining({ code: 'answers.missing', path: '$.answers[4]' }),
    ]);
  });

  it('rejects Q5 after an all-"no" screen (skip logic), a yes especially', () => {
    expect(problems([0, 0, 0, 0, 1])).toEqual([
      expect.objectContaining({ code: 'answers.skip-logic', path: '$.answers[4]' }),
    ]);
    expect(problems([0, 0, 0, 0, 0])).toEqual([
      expect.objectContaining({ code: 'answers.skip-logic', path: '$.answers[4]' }),
    ]);
  });

  it('rejects a screen answer of 3 and a Q5 of 2', () => {
    expect(problems([3, 0, 0, 0])).toEqual([
      expect.objectContaining({
        code: 'answers.out-of-range',
        path: '$.answers[0]',
        message: 'ASQ item 1 must be 0 (no), 1 (yes) or 2 (declined to answer) (got 3)',
      }),
    ]);
    expect(problems([1, 0, 0, 0, 2])).toEqual([
      expect.objectContaining({ code: 'answers.out-of-range', path: '$.answers[4]' }),
    ]);
  });
});
