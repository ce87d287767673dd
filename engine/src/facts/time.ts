import type { Duration } from '../definition/schema.js';

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * The last few times parsed. A step reads the same few times (the clock, the event's time, the
 * enrolment date) again and again, and `Date.parse` showed in profiles. A handful of entries
 * looked up by `===` (the same string objects come back: they live in the state) serves one step
 * without hashing, allocating or holding on to a history (nor helping a benchmark that repeats
 * the same journey).
 */
const RECENT = 8;
const recentIso: string[] = Array.from({ length: RECENT }, () => '');
const recentMs: number[] = Array.from({ length: RECENT }, () => Date.parse(''));
let oldest = 0;

export const ms = (iso: string): number => {
  for (let i = 0; i < RECENT; i++) if (recentIso[i] === iso) return recentMs[i]!;
  const t = Date.parse(iso);
  recentIso[oldest] = iso;
  recentMs[oldest] = t;
  oldest = (oldest + 1) % RECENT;
  return t;
};

/** Times from 0000-01-01 to 9999-12-31, where `toISOString` writes a four-digit year. */
const ISO_MIN = -62_167_219_200_000;
const ISO_MAX = 253_402_300_799_999;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(t).toISOString()`, written out: `toISOString` took about a microsecond a call and
 * every step formats a few times (the event's time, due dates). Whole milliseconds in years
 * 0–9999 are formatted here (the civil-from-days algorithm of H. Hinnant); anything else goes to
 * `toISOString` (which drops fractions of a millisecond and throws on invalid times). time.test.ts compares the
 * two.
 */
export function iso(t: number): string {
  if (!Number.isInteger(t) || t < ISO_MIN || t > ISO_MAX) return new Date(t).toISOString();
  const days = Math.floor(t / DAY);
  let rest = t - days * DAY;
  // Days since 1970-01-01 → year, month, day (proleptic Gregorian; eras of 400 years).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / HOUR);
  rest -= hour * HOUR;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  const yyyy =
    year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  return `${yyyy}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(milli)}Z`;
}

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
