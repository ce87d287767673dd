import { describe, expect, it } from 'vitest';
import {
  bandRects,
  chartLayout,
  linePath,
  linearScale,
  niceStep,
  scoreTicks,
  timeDomain,
  timeTicks,
} from './chart.js';
import type { Series } from './trajectory.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T09:00:00.000Z');

describe('chart scales and ticks', () => {
  it('maps a domain onto a range, flipped for the y axis', () => {
    const y = linearScale([0, 27], [300, 0]);
    expect(y(0)).toBe(300);
    expect(y(27)).toBe(0);
    expect(y(13.5)).toBe(150);
    // A zero-width domain does not divide by zero.
    expect(Number.isFinite(linearScale([5, 5], [0, 10])(5))).toBe(true);
  });

  it('chooses 1-2-5 steps', () => {
    expect(niceStep(27, 6)).toBe(5);
    expect(niceStep(6, 6)).toBe(1);
    expect(niceStep(40, 6)).toBe(10);
    expect(niceStep(0, 6)).toBe(1);
  });

  it('labels scores from 0 to the instrument maximum', () => {
    expect(scoreTicks(27)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(scoreTicks(21)).toEqual([0, 5, 10, 15, 20]);
    expect(scoreTicks(6)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(scoreTicks(40)).toEqual([0, 10, 20, 30, 40]);
  });

  it('puts date ticks on midnights, whole weeks apart over a quarter', () => {
    const ticks = timeTicks(T0, T0 + 84 * DAY, 6);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) expect(t % DAY).toBe(0);
    expect((ticks[1]! - ticks[0]!) % (7 * DAY)).toBe(0);
    expect(ticks[0]!).toBeGreaterThanOrEqual(T0);
  });

  it('aligns to the local midnight of the zone given', () => {
    const twoHoursEast = 2 * 3_600_000;
    const [first] = timeTicks(T0, T0 + 10 * DAY, 5, twoHoursEast);
    expect((first! + twoHoursEast) % DAY).toBe(0);
  });

  it('spans at least a week, padded, so one score is not drawn on the edge', () => {
    const [lo, hi] = timeDomain(T0, T0, [{ t: T0 }]);
    expect(lo).toBeLessThan(T0);
    expect(hi - lo).toBeGreaterThanOrEqual(7 * DAY);
  });
});

describe('chart shapes', () => {
  it('draws a polyline path', () => {
    expect(linePath([])).toBe('');
    expect(
      linePath([
        { x: 1, y: 2 },
        { x: 3.14159, y: 4 },
      ]),
    ).toBe('M1,2L3.1,4');
  });

  it('shades PHQ-9 bands as strips from minimal to severe', () => {
    const y = linearScale([0, 27], [270, 0]);
    const bands = bandRects('phq9', y, 27);
    expect(bands.map((b) => b.id)).toEqual([
      'none-minimal',
      'mild',
      'moderate',
      'moderately-severe',
      'severe',
    ]);
    // Minimal covers 0 up to 5 (its max 4 is inclusive); severe reaches the top.
    expect(bands[0]).toMatchObject({ y: 220, height: 50, severity: 0 });
    expect(bands[4]).toMatchObject({ y: 0, height: 70, severity: 1 });
    const total = bands.reduce((s, b) => s + b.height, 0);
    expect(total).toBe(270);
  });

  it('lays out series: one line each, points where the scores are, bands of the chosen instrument', () => {
    const series: Series[] = [
      {
        instrument: 'phq9',
        name: 'PHQ-9',
        max: 27,
        points: [0, 14, 28].map((d, i) => ({
          instrument: 'phq9' as const,
          at: new Date(T0 + d * DAY).toISOString(),
          t: T0 + d * DAY,
          total: [18, 12, 6][i]!,
          band: 'x',
          bandLabel: 'X',
          seq: i,
        })),
      },
      {
        instrument: 'gad7',
        name: 'GAD-7',
        max: 21,
        points: [
          {
            instrument: 'gad7',
            at: new Date(T0).toISOString(),
            t: T0,
            total: 9,
            band: 'mild',
            bandLabel: 'Mild',
            seq: 9,
          },
        ],
      },
    ];
    const l = chartLayout(series, {
      width: 600,
      height: 300,
      start: T0,
      end: T0 + 28 * DAY,
      bandsOf: 'phq9',
      margin: { left: 40, top: 10, right: 100, bottom: 30 },
    });
    expect(l.yMax).toBe(27);
    expect(l.lines).toHaveLength(2);
    const [a, b, c] = l.lines[0]!.points;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x).toBeLessThan(c!.x);
    expect(a!.y).toBeLessThan(c!.y); // 18 is drawn higher than 6
    expect(l.lines[0]!.path.startsWith('M')).toBe(true);
    expect(l.lines[0]!.path.match(/L/g)).toHaveLength(2);
    for (const p of l.lines[0]!.points) {
      expect(p.x).toBeGreaterThanOrEqual(l.plot.left);
      expect(p.x).toBeLessThanOrEqual(l.plot.right);
    }
    expect(l.bands).toHaveLength(5);
    expect(l.yTicks[0]).toEqual({ v: 0, y: 270 });
    expect(l.xTicks.length).toBeGreaterThan(1);
    expect(
      chartLayout(series, { width: 600, height: 300, start: T0, end: T0, bandsOf: null }).bands,
    ).toEqual([]);
  });
});
