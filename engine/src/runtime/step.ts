import { resolveParameters } from '../definition/parameters.js';
import type { PathwayDefinition } from '../definition/schema.js';
import { at as pathAt, error, type Problem } from '../problem.js';
import { accept } from './accept.js';
import type { MachineContext, TraceEntry } from './context.js';
import type { Effect } from './effects.js';
import {
  parseEventFast,
  pathwayEventSchema,
  type PathwayEvent,
  type TimedEvent,
} from './events.js';
import { buildMachine, EXITED, machineOf } from './machine.js';
import { parsePatient, patientSchema, type InstanceState, type Patient } from './state.js';
import { initialState } from './initial.js';
import { resolveSnapshot, scopeOf } from './scope.js';
import { zodProblems } from '../definition/zod-problems.js';
import { iso, ms } from '../facts/time.js';
import type { Score } from '../instruments/types.js';

export interface StartInput {
  /** When the instance starts (ISO 8601). */
  at: string;
  patient?: Patient;
  /** The practice's parameter overrides (validated against the pathway's bounds). */
  params?: Record<string, unknown>;
}

export type StepResult =
  | { ok: true; snapshot: InstanceState; effects: Effect[]; trace: TraceEntry[] }
  | { ok: false; problems: Problem[] };

const ISO_START = /\d{4}-\d{2}-\d{2}T/;
/** The time in milliseconds of an ISO 8601 date-time with a date, else NaN. */
const isoMs = (s: unknown): number =>
  typeof s === 'string' && ISO_START.test(s) ? ms(s) : Number.NaN;
const isoOk = (s: unknown): s is string => !Number.isNaN(isoMs(s));

/** The event as the schema parses it: the fast check when it is sure, zod otherwise. */
function parseEvent(
  event: unknown,
): { success: true; data: PathwayEvent } | { success: false; problems: Problem[] } {
  const fast = parseEventFast(event);
  if (fast) return { success: true, data: fast };
  const parsed = pathwayEventSchema.safeParse(event);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, problems: zodProblems(parsed.error, '$') };
}

function result(ctx: MachineContext, stay?: { event: TimedEvent; from: string }): StepResult {
  let trace = ctx.trace;
  if (stay && trace.length === 0) {
    trace = [
      {
        at: ctx.state.clock,
        event: stay.event.type,
        from: stay.from,
        to: ctx.state.node,
        why: 'recorded',
      },
    ];
  }
  return { ok: true, snapshot: ctx.state, effects: ctx.effects, trace };
}

/** Starts a patient's instance at the pathway's start node. The definition must be valid. */
export function start(def: PathwayDefinition, input: StartInput): StepResult {
  const problems: Problem[] = [];
  if (!isoOk(input.at))
    problems.push(
      error(
        'start.at',
        '$.at',
        'the start time must be an ISO 8601 date-time, e.g. 2026-01-05T09:00:00Z',
      ),
    );
  const patient = parsePatient(input.patient ?? {});
  if (!patient.success) problems.push(...zodProblems(patient.error, '$.patient'));
  const params = resolveParameters(def, input.params ?? {}, '$.params');
  if (!params.ok) problems.push(...params.problems);
  if (problems.length || !patient.success || !params.ok) return { ok: false, problems };
  const state = initialState(def, params.value, patient.data, input.at);
  const machine = machineOf(def);
  const snap = machine.getInitialSnapshot(scopeOf(machine), { state });
  return result(snap.context);
}

/**
 * The pure step (DESIGN.md §3): the next snapshot and the effects the host must carry out, built
 * on XState's pure `transition()`. `now` is used for events without an `at`. A refused event
 * returns problems and changes nothing.
 */
export function step(
  def: PathwayDefinition,
  snapshot: InstanceState,
  event: unknown,
  now: string,
): StepResult {
  const parsed = parseEvent(event);
  if (!parsed.success) return { ok: false, problems: parsed.problems };
  const atMs = isoMs(parsed.data.at ?? now);
  if (Number.isNaN(atMs))
    return {
      ok: false,
      problems: [error('event.at', '$.at', 'the event needs a time: an ISO 8601 date-time')],
    };
  // The parsed event is a fresh object (the fast path's or zod's): complete it in place.
  const timed = parsed.data as TimedEvent & { score?: Score };
  timed.at = iso(atMs);
  const verdict = accept(def, snapshot, timed);
  if (!verdict.ok) return verdict;
  if (verdict.score) timed.score = verdict.score;

  const machine = machineOf(def);
  const current = resolveSnapshot(machine, snapshot.status === 'exited' ? EXITED : snapshot.node, {
    state: snapshot,
    effects: [],
    trace: [],
    cause: timed.type,
  });
  const next = machine.transition(current, timed, scopeOf(machine));
  return result(next.context, { event: timed, from: snapshot.node });
}

export type ReplayResult =
  | { ok: true; snapshot: InstanceState; effects: Effect[]; trace: TraceEntry[] }
  | { ok: false; problems: Problem[]; index: number };

/**
 * Rebuilds an instance from its event log. The same log always gives the same snapshot, effects
 * and trace: this is what audit, simulation and migration stand on.
 */
export function replay(
  def: PathwayDefinition,
  input: StartInput,
  events: readonly unknown[],
): ReplayResult {
  const first = start(def, input);
  if (!first.ok) return { ...first, index: -1 };
  let snapshot = first.snapshot;
  const effects = [...first.effects];
  const trace = [...first.trace];
  for (const [i, event] of events.entries()) {
    const r = step(def, snapshot, event, snapshot.clock);
    if (!r.ok)
      return {
        ok: false,
        index: i,
        problems: r.problems.map((p) => ({
          ...p,
          path: p.path.replace(/^\$/, pathAt('$.events', i)),
        })),
      };
    snapshot = r.snapshot;
    effects.push(...r.effects);
    trace.push(...r.trace);
  }
  return { ok: true, snapshot, effects, trace };
}

export class PathwayError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'PathwayError';
  }
}

/**
 * `compile(definition, params)` → an XState v5 machine for this practice's parameters, ready for
 * `createActor(machine, { input: { at, patient } })` to start a new patient. To continue a stored
 * instance, pass `{ snapshot: restoreSnapshot(machine, state) }` instead: an `input` always enters
 * the start node. Parameter overrides outside their bounds throw a `PathwayError` listing every
 * problem; validate first.
 */
export function compile(def: PathwayDefinition, params: Record<string, unknown> = {}) {
  const resolved = resolveParameters(def, params, '$.params');
  if (!resolved.ok) throw new PathwayError(resolved.problems);
  return buildMachine(def, (input) => {
    const patient = patientSchema.parse(input.patient ?? {});
    return initialState(def, resolved.value, patient, input.at);
  });
}

/** The XState snapshot of a stored instance, for `createActor(machine, { snapshot })`. */
export function restoreSnapshot(machine: ReturnType<typeof buildMachine>, state: InstanceState) {
  return machine.resolveState({
    value: state.status === 'exited' ? EXITED : state.node,
    context: { state, effects: [], trace: [], cause: 'restore' },
  });
}
