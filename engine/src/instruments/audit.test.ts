import { describe, expect, it } from 'vitest';
import { audit } from './audit.js';
import type { Answer } from './types.js';

function score(answers: readonly Answer[]) {
  const result = audit.score(answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('AUDIT', () => {
  it('describes total 0–40, LOINC 72110-0 / 75624-7 and the fixed ≥8 threshold', () => {
    expect(audit.totalRange).toEqual({ min: 0, max: 40 });
    expect(audit.loinc).toEqual({ panel: '72110-0', total: '75624-7' });
    expect(audit.threshold).toMatchObject({ default: 8, min: 8, max: 8 });
    expect(audit.bandIds).toEqual(['zone-1', 'zone-2', 'zone-3', 'zone-4']);
    expect(audit.items[8]?.options).toHaveLength(3);
    expect(audit.items[9]?.options).toHaveLength(3);
  });

  it('scores Q9 and Q10 positions 0, 1, 2 as 0, 2, 4 points', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 1, 0])).toMatchObject({ total: 2 });
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0, 2])).toMatchObject({ total: 4 });
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 2, 1]).itemPoints).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 4, 2,
    ]);
  });

  it('scores the maximum answers as 40', () => {
    expect(score([4, 4, 4, 4, 4, 4, 4, 4, 2, 2])).toMatchObject({ total: 40, band: 'zone-4' });
  });

  it.each([
    [[4, 3, 0, 0, 0, 0, 0, 0, 0, 0], 7, 'zone-1', false],
    [[4, 4, 0, 0, 0, 0, 0, 0, 0, 0], 8, 'zone-2', true],
    [[4, 4, 4, 0, 0, 0, 3, 0, 0, 0], 15, 'zone-2', true],
    [[4, 4, 4, 0, 0, 0, 4, 0, 0, 0], 16, 'zone-3', true],
    [[4, 4, 4, 1, 1, 1, 4, 0, 0, 0], 19, 'zone-3', true],
    [[4, 4, 4, 1, 1, 1, 4, 1, 0, 0], 20, 'zone-4', true],
  ])('scores %j as total %i in %s (positive %s)', (answers, total, band, positive) => {
    const s = score(answers);
    expect(s).toMatchObject({ total, band, positive, threshold: 8 });
    expect(s.details).toEqual({ nextHigherIntervention: false, recommendedZone: band });
  });

  it.each([
    ['Q4', [0, 0, 0, 2, 0, 0, 0, 0, 0, 0]],
    ['Q5', [0, 0, 0, 0, 2, 0, 0, 0, 0, 0]],
    ['Q6', [0, 0, 0, 0, 0, 3, 0, 0, 0, 0]],
  ])('recommends the next-higher intervention for ≥2 points on %s', (_q, answers) => {
    expect(score(answers)).toMatchObject({
      band: 'zone-1',
      details: { nextHigherIntervention: true, recommendedZone: 'zone-2' },
    });
  });

  it('recommends the next-higher intervention for 4 points on Q9 or Q10 but not 2', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 2, 0]).details).toEqual({
      nextHigherIntervention: true,
      recommendedZone: 'zone-2',
    });
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0, 2]).details?.nextHigherIntervention).toBe(true);
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]).details?.nextHigherIntervention).toBe(false);
  });

  it('does not count 1 point on Q4–6 or ≥2 points on Q7–8 for the extra rule', () => {
    expect(score([0, 0, 0, 1, 1, 1, 4, 4, 0, 0]).details?.nextHigherIntervention).toBe(false);
  });

  it('bumps zone 3 to zone 4 and caps at zone 4', () => {
    expect(score([4, 4, 4, 0, 0, 2, 2, 0, 0, 0])).toMatchObject({
      total: 16,
      band: 'zone-3',
      details: { nextHigherIntervention: true, recommendedZone: 'zone-4' },
    });
    expect(score([4, 4, 4, 4, 4, 4, 4, 4, 2, 2]).details?.recommendedZone).toBe('zone-4');
  });

  it('rejects Q9 position 3, naming the three printed options', () => {
    expect(audit.score([0, 0, 0, 0, 0, 0, 0, 0, 3, 0])).toEqual({
      ok: false,
      problems: [
        {
          code: 'answers.out-of-range',
          path: '$.answers[8]',
          message:
            'AUDIT item 9 must be 0 (no), 1 (yes, but not in the last year) or 2 (yes, during the last year) (got 3)',
          severity: 'error',
        },
      ],
    });
  });

  it('rejects Q9 given as 4 points instead of a position', () => {
    const result = audit.score([0, 0, 0, 0, 0, 0, 0, 0, 4, 0]);
    expect(result.ok).toBe(false);
  });

  it('is not tailorable', () => {
    const result = audit.score([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { threshold: 7 });
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'threshold.out-of-range' })],
    });
  });
});
