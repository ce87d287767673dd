import type { PathwayDefinition } from '../definition/schema.js';
import { instruments } from '../instruments/index.js';
import type { InstrumentId } from '../instruments/types.js';
import type { InstanceState } from '../runtime/state.js';
import { careStart, outcomeOf } from './flags.js';
import { daysBetween, weeksBetween } from './time.js';

export type Facts = Record<string, unknown>;

const cache = new WeakMap<InstanceState, Facts>();

/**
 * The facts conditions read (see catalogue.ts for the names), as of the state's clock.
 * States are immutable, so the view is cached per state object: every guard evaluated in one
 * step reads the same object.
 */
export function factsOf(def: PathwayDefinition, state: InstanceState): Facts {
  const hit = cache.get(state);
  if (hit) return hit;
  const now = state.clock;
  const facts: Facts = {
    weeksInCare: Math.max(0, weeksBetween(careStart(state), now)),
    daysInCare: Math.max(0, daysBetween(careStart(state), now)),
    daysInNode: Math.max(0, daysBetween(state.nodeEnteredAt, now)),
    stepLevel: state.stepLevel,
    enrolled: state.enrolledAt !== null,
    flags: state.flags,
    patient: { age: state.patient.age ?? null, sex: state.patient.sex ?? null },
    params: state.params,
    outcomes: state.outcomes,
    contacts: {
      count: state.contacts.count,
      minutes: state.contacts.minutes,
      daysSinceLast:
        state.contacts.lastAt === null ? null : daysBetween(state.contacts.lastAt, now),
    },
    daysSinceEngagement: Math.max(0, daysBetween(state.lastEngagementAt, now)),
  };
  for (const id of def.instruments) facts[id] = instrumentFacts(id, state);
  cache.set(state, facts);
  return facts;
}

function instrumentFacts(id: InstrumentId, state: InstanceState): Facts {
  const rec = state.scores[id];
  const o = outcomeOf(rec, instruments[id].remissionBelow);
  return {
    latest: rec?.latest ?? null,
    previous: rec?.previous ?? null,
    baseline: rec?.baseline ?? null,
    items: rec?.items ?? [],
    band: rec?.band ?? null,
    positive: rec?.positive ?? false,
    critical: rec?.critical ?? false,
    risk: rec?.risk ?? null,
    change: o.change,
    count: rec?.count ?? 0,
    lastAt: rec?.lastAt ?? null,
    daysSinceLast: rec?.lastAt ? daysBetween(rec.lastAt, state.clock) : null,
    response: o.response,
    partialResponse: o.partialResponse,
    remission: o.remission,
    remissionStreak: rec?.remissionStreak ?? 0,
  };
}
