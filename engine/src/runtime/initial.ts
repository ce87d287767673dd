import type { ParameterValues } from '../definition/parameters.js';
import { DEFAULT_STEPS, type PathwayDefinition } from '../definition/schema.js';
import type { InstanceState, Patient } from './state.js';
import { iso, ms } from '../facts/time.js';

/** The state of a new instance, before the start node is entered. */
export function initialState(
  def: PathwayDefinition,
  params: ParameterValues,
  patient: Patient,
  atTime: string,
): InstanceState {
  const at = iso(ms(atTime));
  return {
    schemaVersion: 1,
    pathway: def.id,
    status: 'active',
    node: def.start,
    nodeEnteredAt: at,
    outcome: null,
    startedAt: at,
    clock: at,
    patient,
    params,
    enrolledAt: null,
    stepLevel: (def.steps ?? DEFAULT_STEPS).initial,
    scores: {},
    outcomes: {},
    contacts: { count: 0, minutes: 0, lastAt: null },
    lastEngagementAt: at,
    safety: null,
    overdue: null,
    flags: [],
    open: { tasks: [], timers: [], referrals: [] },
    seq: 0,
  };
}

/** Parameter defaults of a definition (no practice overrides). */
export const defaultParams = (def: PathwayDefinition): ParameterValues =>
  Object.fromEntries(Object.entries(def.parameters).map(([k, p]) => [k, p.default]));
