import { describe, expect, it } from 'vitest';
import { trajectoryFromTimeline } from './trajectory.js';

const at = (d: number) =>
  new Date(Date.parse('2026-01-05T09:00:00Z') + d * 86_400_000).toISOString();

const timeline = [
  { seq: 0, at: at(0), event: { type: 'instance.started', at: at(0), patient: {} } },
  {
    seq: 1,
    at: at(0),
    event: { type: 'instrument.completed', instrument: 'phq2', answers: [2, 2] },
  },
  {
    seq: 2,
    at: at(0),
    event: {
      type: 'instrument.completed',
      instrument: 'phq9',
      answers: [3, 3, 2, 2, 2, 2, 2, 3, 0],
    },
  },
  { seq: 3, at: at(3), event: { type: 'contact.logged', role: 'care-manager', minutes: 20 } },
  {
    seq: 5,
    at: at(28),
    event: {
      type: 'instrument.completed',
      instrument: 'phq9',
      answers: [1, 1, 1, 1, 1, 1, 0, 0, 0],
    },
  },
  {
    seq: 4,
    at: at(14),
    event: {
      type: 'instrument.completed',
      instrument: 'phq9',
      answers: [2, 2, 2, 2, 1, 1, 1, 1, 0],
    },
  },
  {
    seq: 6,
    at: at(30),
    event: {
      type: 'instrument.completed',
      instrument: 'cssrs',
      answers: [1, 0, null, null, null, 0, null],
    },
  },
  {
    seq: 7,
    at: at(31),
    event: { type: 'instrument.completed', instrument: 'phq9', answers: [9, 9] },
  },
];

describe('symptom trajectories from a timeline', () => {
  const { series, risks } = trajectoryFromTimeline(timeline, 'female');

  it('gives one series per instrument with a total, in the order first seen', () => {
    expect(series.map((s) => s.name)).toEqual(['PHQ-2', 'PHQ-9']);
    expect(series[1]!.max).toBe(27);
  });

  it('scores each completed instrument with the engine, in time order', () => {
    expect(series[1]!.points.map((p) => p.total)).toEqual([19, 12, 6]);
    expect(series[1]!.points.map((p) => p.bandLabel)).toEqual([
      'Moderately severe',
      'Moderate',
      'Mild',
    ]);
    expect(series[1]!.points.map((p) => p.seq)).toEqual([2, 4, 5]);
  });

  it('keeps risk-only screens apart and skips answers the engine cannot score', () => {
    expect(risks).toEqual([{ instrument: 'cssrs', at: at(30), risk: 'low', seq: 6 }]);
    expect(series[1]!.points.some((p) => p.seq === 7)).toBe(false);
  });

  it('is empty without scores', () => {
    expect(trajectoryFromTimeline([timeline[0]!])).toEqual({ series: [], risks: [] });
  });
});
