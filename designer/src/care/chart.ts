/**
 * The geometry of the symptom-trajectory chart: scales, ticks, line paths and severity bands.
 * Pure numbers in, numbers and strings out; the component only draws them.
 */
import { instruments, type InstrumentId } from '@care-pathways/engine';
import type { Series } from './trajectory.js';

export type Scale = (v: number) => number;

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** A "nice" step (1, 2 or 5 × 10^k) giving at most `maxTicks` intervals over `span`. */
export function niceStep(span: number, maxTicks: number): number {
  if (span <= 0) return 1;
  const raw = span / Math.max(1, maxTicks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

/** Score ticks from 0 to the instrument maximum: 0, 5, 10, … and the maximum itself. */
export function scoreTicks(max: number, maxTicks = 6): number[] {
  const step = Math.max(1, niceStep(max, maxTicks));
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  // The maximum is worth labelling unless a tick sits right next to it.
  if (ticks[ticks.length - 1] !== max && max - ticks[ticks.length - 1]! > step / 2) ticks.push(max);
  return ticks;
}

const DAY = 86_400_000;
const TIME_STEPS = [1, 2, 7, 14, 28, 56, 91, 182, 364].map((d) => d * DAY);

/**
 * Date ticks at local midnights (offset = the zone's offset from UTC in ms, east positive),
 * a whole number of days or weeks apart, at most `maxTicks` of them, within [t0, t1].
 */
export function timeTicks(t0: number, t1: number, maxTicks = 6, offset = 0): number[] {
  const span = Math.max(t1 - t0, DAY);
  const step = TIME_STEPS.find((s) => span / s <= maxTicks) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  const localMidnight = (t: number) => Math.floor((t + offset) / DAY) * DAY - offset;
  let first = localMidnight(t0);
  if (first < t0) first += DAY;
  const ticks: number[] = [];
  for (let t = first; t <= t1 && ticks.length < 100; t += step) ticks.push(t);
  return ticks;
}

/** The time span to draw: the episode from its start to its last event, padded a little. */
export function timeDomain(
  start: number,
  end: number,
  points: readonly { t: number }[],
): [number, number] {
  let lo = Math.min(start, ...points.map((p) => p.t));
  let hi = Math.max(end, ...points.map((p) => p.t));
  if (hi - lo < 7 * DAY) hi = lo + 7 * DAY;
  const pad = (hi - lo) * 0.03;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join('');
}

const round = (v: number) => Math.round(v * 10) / 10;

export interface BandRect {
  id: string;
  label: string;
  y: number;
  height: number;
  /** 0 = mildest … 1 = most severe: for the shading. */
  severity: number;
}

/** Severity bands of an instrument as horizontal strips (band max is inclusive: up to max + 1). */
export function bandRects(id: InstrumentId, y: Scale, yMax: number): BandRect[] {
  const bands = instruments[id].bands;
  return bands.map((b, i) => {
    const top = y(Math.min(b.max + (i === bands.length - 1 ? 0 : 1), yMax));
    const bottom = y(b.min);
    return {
      id: b.id,
      label: b.label,
      y: round(top),
      height: round(bottom - top),
      severity: bands.length > 1 ? i / (bands.length - 1) : 0,
    };
  });
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yMax: number;
  xTicks: { t: number; x: number }[];
  yTicks: { v: number; y: number }[];
  lines: {
    instrument: InstrumentId;
    name: string;
    path: string;
    points: { x: number; y: number; total: number; at: string; bandLabel: string }[];
  }[];
  bands: BandRect[];
}

export interface LayoutOptions {
  width: number;
  height: number;
  start: number;
  end: number;
  bandsOf: InstrumentId | null;
  margin?: { left: number; top: number; right: number; bottom: number };
  offset?: number;
}

/** Everything the chart draws, for these series at this size. */
export function chartLayout(series: readonly Series[], o: LayoutOptions): ChartLayout {
  const m = o.margin ?? { left: 44, top: 12, right: 120, bottom: 36 };
  const plot = { left: m.left, top: m.top, right: o.width - m.right, bottom: o.height - m.bottom };
  const yMax = Math.max(1, ...series.map((s) => s.max));
  const all = series.flatMap((s) => s.points);
  const [t0, t1] = timeDomain(o.start, o.end, all);
  const x = linearScale([t0, t1], [plot.left, plot.right]);
  const y = linearScale([0, yMax], [plot.bottom, plot.top]);
  return {
    width: o.width,
    height: o.height,
    plot,
    yMax,
    xTicks: timeTicks(
      t0,
      t1,
      Math.max(2, Math.floor((plot.right - plot.left) / 90)),
      o.offset ?? 0,
    ).map((t) => ({ t, x: round(x(t)) })),
    yTicks: scoreTicks(yMax).map((v) => ({ v, y: round(y(v)) })),
    lines: series.map((s) => {
      const pts = s.points.map((p) => ({
        x: round(x(p.t)),
        y: round(y(p.total)),
        total: p.total,
        at: p.at,
        bandLabel: p.bandLabel,
      }));
      return { instrument: s.instrument, name: s.name, path: linePath(pts), points: pts };
    }),
    bands: o.bandsOf && instruments[o.bandsOf].bands.length ? bandRects(o.bandsOf, y, yMax) : [],
  };
}
