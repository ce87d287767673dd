import type { InstanceState, ScoreRecord } from '../runtime/state.js';
import { DAY, ms } from './time.js';

/**
 * How far before enrolment a score may lie and still be the episode's index score. The outcome
 * measures start from an index PHQ-9 "on the same date as the encounter or up to 7 days before"
 * (clinical-reference D2, CMS159; CBE 1884 and HEDIS DRR also count from the index score, B2, D1).
 * The engine has no time zone, so the window is 7 × 24 hours back from the enrolment time, edge
 * included, rather than 7 calendar dates (decision 0007).
 */
export const INDEX_WINDOW_MS = 7 * DAY;

/**
 * The score records as they stand once the patient is enrolled at `enrolledAt`: each
 * instrument's baseline becomes its index score, the latest score recorded at or within
 * `INDEX_WINDOW_MS` before enrolment. An instrument with no such score has no baseline until its
 * next score, which `recordScore` then takes as the baseline (its `prev.baseline ?? value`).
 * Everything computed from the baseline (change, response, partial response, remission, the
 * not-improving flag) follows, since it is derived on each read; the remission streak counts
 * totals below the cut-off whatever the baseline, so it is kept. Records already right are kept
 * as they are (the same objects).
 */
export function indexBaselines(
  scores: InstanceState['scores'],
  enrolledAt: string,
): InstanceState['scores'] {
  const from = ms(enrolledAt) - INDEX_WINDOW_MS;
  let out: InstanceState['scores'] | null = null;
  for (const [id, rec] of Object.entries(scores) as [keyof typeof scores, ScoreRecord][]) {
    const index = rec.lastAt !== null && ms(rec.lastAt) >= from;
    const baseline = index ? rec.latest : null;
    const baselineAt = index ? rec.lastAt : null;
    if (rec.baseline === baseline && rec.baselineAt === baselineAt) continue;
    out ??= { ...scores };
    out[id] = { ...rec, baseline, baselineAt };
  }
  return out ?? scores;
}
