import { describe, expect, it } from 'vitest';
import { pcptsd5 } from './pcptsd5.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[], options?: ScoreOptions) {
  const result = pcptsd5.score(answers, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problems(answers: readonly Answer[], options?: ScoreOptions) {
  const result = pcptsd5.score(answers, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('PC-PTSD-5', () => {
  it('describes a gate plus 5 yes/no items, total 0–5, threshold 3 (3–4)', () => {
    expect(pcptsd5.items).toHaveLength(6);
    expect(pcptsd5.items.filter((i) => i.scored).map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(pcptsd5.totalRange).toEqual({ min: 0, max: 5 });
    expect(pcptsd5.threshold).toMatchObject({ default: 3, min: 3, max: 4 });
  });

  it('scores trauma "No" as 0 and negative, with just the gate answer', () => {
    expect(score([0])).toMatchObject({
      total: 0,
      band: 'negative',
      positive: false,
      answers: [0, null, null, null, null, null],
    });
  });

  it('accepts blank or "no" items after a trauma "No"', () => {
    expect(score([0, null, null, null, null, null]).total).toBe(0);
    expect(score([0, 0, 0, 0, 0, 0]).total).toBe(0);
  });

  it('rejects a "yes" item after a trauma "No" (skip logic)', () => {
    expect(problems([0, 1, 0, 0, 0, 0])).toEqual([
      expect.objectContaining({ code: 'answers.skip-logic', path: '$.answers[1]' }),
    ]);
  });

  it('scores 3 yes as positive at the default threshold 3 and negative at 4', () => {
    expect(score([1, 1, 1, 1, 0, 0])).toMatchObject({
      total: 3,
      band: 'positive',
      positive: true,
      threshold: 3,
    });
    expect(score([1, 1, 1, 1, 0, 0], { threshold: 4 })).toMatchObject({
      total: 3,
      band: 'negative',
      positive: false,
      threshold: 4,
    });
  });

  it('scores 2 yes as negative and 4 yes as positive at threshold 4', () => {
    expect(score([1, 0, 1, 0, 1, 0])).toMatchObject({
      total: 2,
      band: 'negative',
      positive: false,
    });
    expect(score([1, 1, 1, 1, 1, 0], { threshold: 4 })).toMatchObject({
      total: 4,
      band: 'positive',
      positive: true,
    });
  });

  it('does not count the gate in the total', () => {
    expect(score([1, 0, 0, 0, 0, 0])).toMatchObject({ total: 0, itemPoints: [1, 0, 0, 0, 0, 0] });
  });

  it('requires all five items after a trauma "Yes"', () => {
    expect(problems([1, 1, null, 0, 0, 0])).toEqual([
      expect.objectContaining({
        code: 'answers.missing',
        path: '$.answers[2]',
        message: expect.stringContaining('item 2'),
      }),
    ]);
    const onlyGate = problems([1]);
    expect(onlyGate).toHaveLength(5);
    expect(onlyGate.every((p) => p.code === 'answers.missing' && p.path === '$.answers')).toBe(
      true,
    );
  });

  it('requires the gate', () => {
    expect(problems([null, 0, 0, 0, 0, 0])).toEqual([
      expect.objectContaining({
        code: 'answers.missing',
        path: '$.answers[0]',
        message: expect.stringContaining('trauma'),
      }),
    ]);
  });

  it.each([2, 5])('rejects threshold %i', (threshold) => {
    expect(problems([0], { threshold })[0]?.code).toBe('threshold.out-of-range');
  });

  it('rejects 3 answers', () => {
    expect(problems([1, 1, 1])[0]?.code).toBe('answers.count');
  });
});
