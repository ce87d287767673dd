import { describe, expect, it } from 'vitest';
import { outcomeOf } from './flags.js';
import type { ScoreRecord } from '../runtime/state.js';

const rec = (baseline: number, latest: number): ScoreRecord => ({
  count: 2,
  baseline,
  baselineAt: 'x',
  latest,
  previous: baseline,
  lastAt: 'x',
  items: [],
  band: null,
  positive: false,
  critical: false,
  risk: null,
  remissionStreak: 0,
});

// clinical-reference B2 and E3: response ≥50% (inclusive) from a baseline ≥10; partial 25–50%;
// remission strictly < 5.
describe('outcome flags', () => {
  it('counts a fall from 15 to 7 as response and to 8 as not (7.5 rounds down)', () => {
    expect(outcomeOf(rec(15, 7), 5).response).toBe(true);
    expect(outcomeOf(rec(15, 8), 5).response).toBe(false);
  });
  it('counts exactly 50% as response (baseline 20 → 10)', () => {
    expect(outcomeOf(rec(20, 10), 5)).toMatchObject({ response: true, partialResponse: false });
  });
  it('counts 25% as partial response and just under 25% as neither (baseline 20 → 15, 16)', () => {
    expect(outcomeOf(rec(20, 15), 5)).toMatchObject({ response: false, partialResponse: true });
    expect(outcomeOf(rec(20, 16), 5)).toMatchObject({ response: false, partialResponse: false });
  });
  it('never counts response or remission from a baseline below 10 (measures need an index score > 9)', () => {
    expect(outcomeOf(rec(9, 0), 5)).toMatchObject({
      response: false,
      partialResponse: false,
      remission: false,
    });
    expect(outcomeOf(rec(3, 3), 5).remission).toBe(false);
    expect(outcomeOf(rec(10, 5), 5)).toMatchObject({ response: true });
  });
  it('counts 4 as remission and 5 as not', () => {
    expect(outcomeOf(rec(12, 4), 5).remission).toBe(true);
    expect(outcomeOf(rec(12, 5), 5).remission).toBe(false);
  });
  it('reports change as a fraction of baseline, negative when better, null from a baseline of 0', () => {
    expect(outcomeOf(rec(20, 15), 5).change).toBe(-0.25);
    expect(outcomeOf(rec(0, 3), 5).change).toBeNull();
  });
  it('has no remission for instruments without a remission cut-off', () => {
    expect(outcomeOf(rec(12, 0), undefined).remission).toBe(false);
  });
});
