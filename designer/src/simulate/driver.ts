/**
 * Drives a simulated patient the way the server would: before an event, the timers due at or
 * before its time fire in due order (each at its own due time, chained timers too), and every
 * event is first checked with the engine's pure `step()` so a refusal shows the engine's reason
 * and changes nothing. Only accepted events reach the machine (the XState actor in the panel).
 */
import {
  start,
  step,
  type Effect,
  type InstanceState,
  type PathwayDefinition,
  type Problem,
  type TimedEvent,
  type TraceEntry,
} from '@care-pathways/engine';

/** What the driver needs of the running machine: its state now, and a way to send it an event. */
export interface MachineHandle {
  state(): InstanceState;
  send(event: TimedEvent): void;
}

/** One accepted event with what it did. */
export interface Applied {
  event: TimedEvent;
  effects: Effect[];
  trace: TraceEntry[];
  /** False when the machine's state after the event differs from `step()`'s: a bug to report. */
  agrees: boolean;
}

export type DriveResult =
  { ok: true; applied: Applied[] } | { ok: false; applied: Applied[]; problems: Problem[] };

type OpenTimer = InstanceState['open']['timers'][number];

/** The next timer due at or before `until` (earliest first, ties by id), or null. */
export function nextDueTimer(state: InstanceState, until: string): OpenTimer | null {
  if (state.status !== 'active') return null;
  const limit = Date.parse(until);
  let best: OpenTimer | null = null;
  for (const t of state.open.timers) {
    const due = Date.parse(t.dueAt);
    if (due > limit) continue;
    if (!best || due < Date.parse(best.dueAt) || (due === Date.parse(best.dueAt) && t.id < best.id))
      best = t;
  }
  return best;
}

/** The earliest open timer whatever its time (for "advance to the next timer"). */
export function earliestTimer(state: InstanceState): OpenTimer | null {
  return nextDueTimer(state, '9999-12-31T23:59:59.999Z');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Checks one event with `step()` and, only if it is accepted, sends the same timed event. */
export function applyOne(
  def: PathwayDefinition,
  machine: MachineHandle,
  event: Record<string, unknown>,
  now: string,
): { ok: true; applied: Applied } | { ok: false; problems: Problem[] } {
  const r = step(def, machine.state(), event, now);
  if (!r.ok) return { ok: false, problems: r.problems };
  // step() stamps the event's time (the event's own `at`, or `now`); the machine gets exactly that.
  const at = r.snapshot.clock;
  const timed = { ...event, at } as TimedEvent;
  machine.send(timed);
  return {
    ok: true,
    applied: {
      event: timed,
      effects: r.effects,
      trace: r.trace,
      agrees: same(machine.state(), r.snapshot),
    },
  };
}

/** Fires every timer due at or before `until`, in due order, each at its due time. */
export function fireDue(
  def: PathwayDefinition,
  machine: MachineHandle,
  until: string,
): DriveResult {
  const applied: Applied[] = [];
  // Bounded: a pathway cannot schedule unboundedly many timers within one interval of time.
  for (let guard = 0; guard < 10_000; guard++) {
    const due = nextDueTimer(machine.state(), until);
    if (!due) return { ok: true, applied };
    const clock = machine.state().clock;
    const at = Date.parse(due.dueAt) >= Date.parse(clock) ? due.dueAt : clock;
    const r = applyOne(def, machine, { type: 'timer.fired', timer: due.id, at }, at);
    if (!r.ok) return { ok: false, applied, problems: r.problems };
    applied.push(r.applied);
  }
  return { ok: true, applied };
}

/** A user's event at simulated time `now`: due timers first, then the event (checked). */
export function drive(
  def: PathwayDefinition,
  machine: MachineHandle,
  event: Record<string, unknown>,
  now: string,
): DriveResult {
  const at = typeof event.at === 'string' ? event.at : now;
  const timers = fireDue(def, machine, at);
  if (!timers.ok) return timers;
  const r = applyOne(def, machine, { ...event, at }, at);
  if (!r.ok) return { ok: false, applied: timers.applied, problems: r.problems };
  return { ok: true, applied: [...timers.applied, r.applied] };
}

/** A machine handle backed by `step()` alone: for replaying a script and for tests. */
export function pureMachine(def: PathwayDefinition, initial: InstanceState): MachineHandle {
  let state = initial;
  return {
    state: () => state,
    send(event) {
      const r = step(def, state, event, event.at);
      if (!r.ok) throw new Error(`refused event sent: ${r.problems[0]?.message ?? ''}`);
      state = r.snapshot;
    },
  };
}

export interface Setup {
  at: string;
  patient: { age?: number; sex?: 'female' | 'male' | 'other' | 'unknown' };
}

/** What the user did, in order: their events (at the simulated time) and clock moves. */
export type ScriptItem =
  { kind: 'event'; event: Record<string, unknown>; at: string } | { kind: 'advance'; to: string };

export interface Replayed {
  state: InstanceState;
  start: { effects: Effect[]; trace: TraceEntry[] };
  applied: Applied[];
  now: string;
  /** Where the replay stopped, when an action is refused by the (changed) pathway. */
  stopped: { index: number; problems: Problem[] } | null;
}

/**
 * Replays the user's actions against a (possibly changed) pathway, so that editing a threshold
 * shows at once what it does to the same patient. Stops at the first refused action.
 */
export function replayScript(
  def: PathwayDefinition,
  params: Record<string, unknown>,
  setup: Setup,
  script: readonly ScriptItem[],
): { ok: true; replayed: Replayed } | { ok: false; problems: Problem[] } {
  const begun = start(def, { at: setup.at, patient: setup.patient, params });
  if (!begun.ok) return begun;
  const machine = pureMachine(def, begun.snapshot);
  const applied: Applied[] = [];
  let now = begun.snapshot.clock;
  let stopped: Replayed['stopped'] = null;
  for (const [index, item] of script.entries()) {
    const r =
      item.kind === 'advance'
        ? fireDue(def, machine, item.to)
        : drive(def, machine, { ...item.event, at: item.at }, item.at);
    applied.push(...r.applied);
    if (!r.ok) {
      stopped = { index, problems: r.problems };
      break;
    }
    const t = item.kind === 'advance' ? item.to : item.at;
    if (Date.parse(t) > Date.parse(now)) now = t;
  }
  return {
    ok: true,
    replayed: {
      state: machine.state(),
      start: { effects: begun.effects, trace: begun.trace },
      applied,
      now,
      stopped,
    },
  };
}
