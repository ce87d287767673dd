import type { PathwayDefinition } from '../definition/schema.js';
import { instruments } from '../instruments/index.js';
import type { InstrumentId } from '../instruments/types.js';
import type { InstanceState } from '../runtime/state.js';
import { careStart, outcomeOf } from './flags.js';
import { DAY, ms } from './time.js';

export type Facts = Record<string, unknown>;

/** Whole days / weeks from `from` to a time already in milliseconds, as `daysBetween` counts. */
const daysTo = (from: string, toMs: number): number => Math.floor((toMs - ms(from)) / DAY);
const weeksTo = (from: string, toMs: number): number => Math.floor((toMs - ms(from)) / (7 * DAY));

/**
 * The facts of one state, computed when first read. Guards read one or two facts each, through
 * json-logic's `var` (`phq9.latest` is `view.phq9.latest`), so building every fact and parsing
 * every date for each guard was most of a guard's cost. Each getter computes exactly what
 * `factsOf` puts in the same place.
 */
class FactView {
  private groups: Map<string, unknown> | undefined;

  constructor(private readonly state: InstanceState) {}

  /** "Now" is the state's clock (`ms` caches the parse). */
  private get now(): number {
    return ms(this.state.clock);
  }

  /** A group of facts (an object such as `contacts`), built on first read and then kept. */
  private group<T>(key: string, build: () => T): T {
    this.groups ??= new Map();
    if (this.groups.has(key)) return this.groups.get(key) as T;
    const value = build();
    this.groups.set(key, value);
    return value;
  }

  /** The facts of one instrument (`phq9.latest` reads `instrument('phq9').latest`). */
  instrument(id: InstrumentId): Facts {
    return this.group(id, () => instrumentFacts(id, this.state, this.now));
  }

  get weeksInCare() {
    return Math.max(0, weeksTo(careStart(this.state), this.now));
  }
  get daysInCare() {
    return Math.max(0, daysTo(careStart(this.state), this.now));
  }
  get daysInNode() {
    return Math.max(0, daysTo(this.state.nodeEnteredAt, this.now));
  }
  get stepLevel() {
    return this.state.stepLevel;
  }
  get enrolled() {
    return this.state.enrolledAt !== null;
  }
  get flags() {
    return this.state.flags;
  }
  get patient() {
    return this.group('patient', () => ({
      age: this.state.patient.age ?? null,
      sex: this.state.patient.sex ?? null,
    }));
  }
  get params() {
    return this.state.params;
  }
  get outcomes() {
    return this.state.outcomes;
  }
  get contacts() {
    return this.group('contacts', () => {
      const c = this.state.contacts;
      return {
        count: c.count,
        minutes: c.minutes,
        daysSinceLast: c.lastAt === null ? null : daysTo(c.lastAt, this.now),
      };
    });
  }
  get daysSinceEngagement() {
    return Math.max(0, daysTo(this.state.lastEngagementAt, this.now));
  }
}

/** The fact names in `factsOf`'s order (instrument facts follow, in the pathway's order). */
const FACT_NAMES = [
  'weeksInCare',
  'daysInCare',
  'daysInNode',
  'stepLevel',
  'enrolled',
  'flags',
  'patient',
  'params',
  'outcomes',
  'contacts',
  'daysSinceEngagement',
] as const satisfies readonly (keyof FactView)[];

type FactViewClass = new (state: InstanceState) => FactView;
const viewClasses = new WeakMap<PathwayDefinition, FactViewClass>();

/**
 * The view class of a pathway, made once per definition: `FactView` plus one property per
 * instrument of the pathway, so that `phq9.latest` reads `view.phq9.latest`.
 */
function viewClassOf(def: PathwayDefinition): FactViewClass {
  let View = viewClasses.get(def);
  if (!View) {
    View = class extends FactView {};
    for (const id of def.instruments)
      Object.defineProperty(View.prototype, id, {
        enumerable: true,
        get(this: FactView) {
          return this.instrument(id);
        },
      });
    viewClasses.set(def, View);
  }
  return View;
}

const views = new WeakMap<InstanceState, FactView>();

/**
 * The facts as conditions read them, computed on demand (see `FactView`). States are immutable,
 * so the view is cached per state object: the guards evaluated on one state share it.
 */
export function factView(def: PathwayDefinition, state: InstanceState): Facts {
  let view = views.get(state);
  if (!view) {
    view = new (viewClassOf(def))(state);
    views.set(state, view);
  }
  return view as unknown as Facts;
}

const cache = new WeakMap<InstanceState, Facts>();

/**
 * The facts conditions read (see catalogue.ts for the names), as of the state's clock, as a plain
 * object with every fact (what the API and simulations show). Cached per state object.
 */
export function factsOf(def: PathwayDefinition, state: InstanceState): Facts {
  const hit = cache.get(state);
  if (hit) return hit;
  const view = factView(def, state);
  const facts: Facts = {};
  for (const name of FACT_NAMES) facts[name] = view[name];
  for (const id of def.instruments) facts[id] = (view as unknown as FactView).instrument(id);
  cache.set(state, facts);
  return facts;
}

function instrumentFacts(id: InstrumentId, state: InstanceState, now: number): Facts {
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
    daysSinceLast: rec?.lastAt ? daysTo(rec.lastAt, now) : null,
    response: o.response,
    partialResponse: o.partialResponse,
    remission: o.remission,
    remissionStreak: rec?.remissionStreak ?? 0,
  };
}
