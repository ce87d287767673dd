/** The simulated clock: steps to advance by, and where the patient is in time, in words. */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const ADVANCE_STEPS = [
  { label: '1 day', ms: DAY },
  { label: '1 week', ms: 7 * DAY },
  { label: '2 weeks', ms: 14 * DAY },
] as const;

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** "Day 15 (week 2)" since the start: what a clinical lead reads a pathway's timings in. */
export function sinceStart(start: string, now: string): string {
  const ms = Math.max(0, Date.parse(now) - Date.parse(start));
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const weeks = Math.floor(days / 7);
  return `Day ${days}${hours ? ` + ${hours} h` : ''} (week ${weeks})`;
}

/** Whether the clock may move to `to`: only forward. Returns a reason when it may not. */
export function advanceProblem(now: string, to: string | null): string | null {
  if (to === null) return 'Enter a date and time.';
  if (Date.parse(to) <= Date.parse(now)) return 'Choose a time after the current simulated time.';
  return null;
}
