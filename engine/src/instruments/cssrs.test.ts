import { describe, expect, it } from 'vitest';
import { cssrs } from './cssrs.js';
import type { Answer, ScoreOptions } from './types.js';

function score(answers: readonly Answer[]) {
  const result = cssrs.score(answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problems(answers: readonly Answer[], options?: ScoreOptions) {
  const result = cssrs.score(answers, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('C-SSRS screener', () => {
  it('has no total and four risk levels', () => {
    expect(cssrs.totalRange).toBeNull();
    expect(cssrs.bands).toEqual([]);
    expect(cssrs.bandIds).toEqual(['none', 'low', 'moderate', 'high']);
    expect(cssrs.threshold).toBeUndefined();
    expect(cssrs.hasCriticalItems).toBe(true);
  });

  it('scores all "no" (items 3–5 skipped) as no risk', () => {
    expect(score([0, 0, null, null, null, 0])).toMatchObject({
      total: null,
      risk: 'none',
      band: 'none',
      positive: false,
      critical: false,
      criticalItems: [],
      answers: [0, 0, null, null, null, 0, null],
    });
  });

  it('scores a wish to be dead only (item 1) as low risk', () => {
    expect(score([1, 0, null, null, null, 0])).toMatchObject({
      risk: 'low',
      positive: true,
      critical: false,
    });
  });

  it('scores non-specific active thoughts (item 2) with no to 3–5 as low risk', () => {
    expect(score([0, 1, 0, 0, 0, 0])).toMatchObject({ risk: 'low', band: 'low' });
  });

  it('scores ideation with method (item 3) as moderate risk', () => {
    expect(score([1, 1, 1, 0, 0, 0])).toMatchObject({
      risk: 'moderate',
      positive: true,
      critical: false,
    });
  });

  it('scores suicidal behaviour more than 3 months ago as moderate risk', () => {
    expect(score([0, 0, null, null, null, 1, 0])).toMatchObject({
      risk: 'moderate',
      critical: false,
      criticalItems: [],
      details: { suicidalBehavior: 'lifetime' },
    });
  });

  it('scores intent (item 4) as high risk and critical', () => {
    expect(score([1, 1, 1, 1, 0, 0])).toMatchObject({
      risk: 'high',
      critical: true,
      criticalItems: [4],
    });
  });

  it('scores plan and intent (item 5) as high risk and critical', () => {
    expect(score([1, 1, 0, 0, 1, 0])).toMatchObject({
      risk: 'high',
      critical: true,
      criticalItems: [5],
    });
  });

  it('scores behaviour within 3 months as high risk even with no current ideation', () => {
    expect(score([0, 0, null, null, null, 1, 1])).toMatchObject({
      risk: 'high',
      critical: true,
      criticalItems: [6],
      details: { mostSevereIdeation: 0, suicidalBehavior: 'past-3-months' },
    });
  });

  it('lists only the high-risk items that are endorsed', () => {
    expect(score([1, 1, 1, 1, 1, 1, 0]).criticalItems).toEqual([4, 5]);
    expect(score([1, 1, 1, 1, 1, 1, 1]).criticalItems).toEqual([4, 5, 6]);
  });

  it('reports the most severe ideation item endorsed', () => {
    expect(score([1, 1, 1, 0, 0, 0]).details?.mostSevereIdeation).toBe(3);
  });

  it('accepts "no" to items 3–5 after item 2 = no', () => {
    expect(score([1, 0, 0, 0, 0, 0]).risk).toBe('low');
  });

  it('rejects a "yes" to item 3 after item 2 = no (skip logic), never dropping it', () => {
    expect(problems([0, 0, 1, null, null, 0])).toEqual([
      expect.objectContaining({
        code: 'answers.skip-logic',
        path: '$.answers[2]',
        message: expect.stringContaining('item 3'),
      }),
    ]);
    expect(problems([0, 0, 0, 0, 1, 0]).map((p) => p.path)).toEqual(['$.answers[4]']);
  });

  it('requires items 3–5 after item 2 = yes', () => {
    expect(problems([0, 1, null, 0, null, 0]).map((p) => [p.code, p.path])).toEqual([
      ['answers.missing', '$.answers[2]'],
      ['answers.missing', '$.answers[4]'],
    ]);
  });

  it('requires the 3-month follow-up after item 6 = yes', () => {
    expect(problems([0, 0, null, null, null, 1])).toEqual([
      expect.objectContaining({ code: 'answers.missing', path: '$.answers' }),
    ]);
    expect(problems([0, 0, null, null, null, 1, null])).toEqual([
      expect.objectContaining({ code: 'answers.missing', path: '$.answers[6]' }),
    ]);
  });

  it('rejects a "yes" to the follow-up after item 6 = no', () => {
    expect(problems([0, 0, null, null, null, 0, 1])).toEqual([
      expect.objectContaining({ code: 'answers.skip-logic', path: '$.answers[6]' }),
    ]);
  });

  it('requires items 1, 2 and 6', () => {
    expect(problems([null, null, null, null, null, null]).map((p) => p.path)).toEqual([
      '$.answers[0]',
      '$.answers[1]',
      '$.answers[5]',
    ]);
  });

  it('rejects a threshold (no total)', () => {
    expect(problems([0, 0, null, null, null, 0], { threshold: 1 })).toEqual([
      expect.objectContaining({ code: 'threshold.out-of-range' }),
    ]);
  });

  it('rejects 5 or 8 answers', () => {
    expect(problems([0, 0, 0, 0, 0])[0]?.code).toBe('answers.count');
    expect(problems([0, 0, 0, 0, 0, 0, 0, 0])[0]?.code).toBe('answers.count');
  });
});
