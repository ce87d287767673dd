import type { PathwayDefinition } from '../definition/schema.js';
import { instruments } from '../instruments/index.js';
import type { InstanceState, Flag, ScoreRecord } from '../runtime/state.js';
import { weeksBetween } from './time.js';

/**
 * Outcome rules (clinical-reference B2, [V]):
 * - response: latest ≤ 50% of a baseline ≥ 10 (inclusive; ICSI, HEDIS DRR, CBE 1884);
 * - partial response: a 25–50% drop from a baseline ≥ 10 (ICSI);
 * - remission: latest strictly below the instrument's cut-off (PHQ-9 < 5, GAD-7 < 5; ICSI, CMS159),
 *   from a baseline ≥ 10.
 * Measures start from an index score > 9 (CMS159, DRR, CBE 1884), hence the baseline floor of 10
 * for all three.
 */
export const RESPONSE_BASELINE_MIN = 10;

export interface Outcome {
  response: boolean;
  partialResponse: boolean;
  remission: boolean;
  change: number | null;
}

export function outcomeOf(
  rec: ScoreRecord | undefined,
  remissionBelow: number | undefined,
): Outcome {
  if (!rec || rec.latest === null)
    return { response: false, partialResponse: false, remission: false, change: null };
  const { baseline, latest } = rec;
  const change = baseline === null || baseline === 0 ? null : (latest - baseline) / baseline;
  const eligible = baseline !== null && baseline >= RESPONSE_BASELINE_MIN;
  const response = eligible && latest <= baseline * 0.5;
  const partialResponse = eligible && !response && latest <= baseline * 0.75;
  // Remission, like response, is measured from an elevated index score (B2, D2, E3): a first
  // low screen is not "remission".
  const remission = eligible && remissionBelow !== undefined && latest < remissionBelow;
  return { response, partialResponse, remission, change };
}

/** The review week of the pathway's primary measure (a number or a parameter). */
export function reviewWeekOf(
  def: PathwayDefinition,
  params: InstanceState['params'],
): number | null {
  const rw = def.measure?.reviewWeek;
  if (rw === undefined) return null;
  return typeof rw === 'number' ? rw : Number(params[rw.param] ?? Number.NaN);
}

export function careStart(state: InstanceState): string {
  return state.enrolledAt ?? state.startedAt;
}

/**
 * The engine-maintained flags (DESIGN.md §4), recomputed after every event at the event's time.
 * `safety-risk` is sticky until a task with `resolvesSafetyRisk` is completed: it is never
 * cleared by a later, lower score (a 0 on PHQ-9 item 9 does not rule out risk; clinical-reference A1).
 */
export function deriveFlags(def: PathwayDefinition, state: InstanceState): Flag[] {
  const flags: Flag[] = [];
  if (state.safety) flags.push('safety-risk');
  const measure = def.measure;
  if (measure) {
    const rec = state.scores[measure.instrument];
    const o = outcomeOf(rec, instruments[measure.instrument].remissionBelow);
    if (o.response) flags.push('response');
    if (o.partialResponse) flags.push('partial-response');
    if (o.remission) flags.push('remission');
    const reviewWeek = reviewWeekOf(def, state.params);
    // IMPACT/AIMS: patients without a significant (≥50%) improvement 10–12 weeks after the start
    // of treatment go to psychiatric case review (clinical-reference B3 [V]).
    if (
      rec &&
      rec.count > 0 &&
      state.enrolledAt !== null &&
      reviewWeek !== null &&
      weeksBetween(state.enrolledAt, state.clock) >= reviewWeek &&
      !o.response &&
      !o.remission
    ) {
      flags.push('not-improving');
    }
  }
  if (state.overdue) flags.push('overdue');
  return flags;
}
