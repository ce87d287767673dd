import type { Duration } from '../definition/schema.js';

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const ms = (iso: string): number => Date.parse(iso);
export const iso = (t: number): string => new Date(t).toISOString();

/** Whole days from `from` to `to` (floored; negative if `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.floor((ms(to) - ms(from)) / DAY);
export const weeksBetween = (from: string, to: string): number =>
  Math.floor((ms(to) - ms(from)) / (7 * DAY));

/** Length of a duration in milliseconds; `param` durations read the parameter's value and unit. */
export function durationMs(
  d: Duration,
  params: Readonly<Record<string, number | boolean>>,
  units: Readonly<Record<string, string | undefined>>,
): number {
  if (d.hours !== undefined) return d.hours * HOUR;
  if (d.days !== undefined) return d.days * DAY;
  if (d.weeks !== undefined) return d.weeks * 7 * DAY;
  const name = d.param ?? '';
  const value = Number(params[name] ?? 0);
  const unit = units[name];
  return value * (unit === 'hours' ? HOUR : unit === 'weeks' ? 7 * DAY : DAY);
}

export const addMs = (isoTime: string, delta: number): string => iso(ms(isoTime) + delta);
