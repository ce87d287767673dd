/**
 * The simulation's history: one entry per accepted event (its effects and trace lines), and what
 * the editor lights up from it.
 */
import {
  deriveFlags,
  factsOf,
  type Effect,
  type Facts,
  type InstanceState,
  type PathwayDefinition,
  type TraceEntry,
} from '@care-pathways/engine';
import type { SimulationProgress } from './SimulationPanel.js';
import type { Applied } from './driver.js';
import { EXITED_NODE } from '../care/describe.js';

export interface LogEntry {
  seq: number;
  at: string;
  event: Record<string, unknown>;
  effects: Effect[];
  trace: TraceEntry[];
  agrees: boolean;
}

export function startEntry(
  at: string,
  patient: unknown,
  effects: Effect[],
  trace: TraceEntry[],
): LogEntry {
  return { seq: 0, at, event: { type: 'start', patient }, effects, trace, agrees: true };
}

export function appendApplied(log: readonly LogEntry[], applied: readonly Applied[]): LogEntry[] {
  let seq = log.length ? log[log.length - 1]!.seq : -1;
  return [
    ...log,
    ...applied.map((a) => ({
      seq: ++seq,
      at: a.event.at,
      event: a.event as Record<string, unknown>,
      effects: a.effects,
      trace: a.trace,
      agrees: a.agrees,
    })),
  ];
}

/** Moves the patient made, as "from→to": recorded stays and the discharge pseudo-state left out. */
export function takenOf(log: readonly LogEntry[]): string[] {
  return log.flatMap((e) =>
    e.trace
      .filter((t) => t.why !== 'recorded' && t.to !== EXITED_NODE)
      .map((t) => `${t.from}→${t.to}`),
  );
}

export function progressOf(state: InstanceState, log: readonly LogEntry[]): SimulationProgress {
  return {
    status: state.status,
    active: state.status === 'exited' ? [] : [state.node],
    taken: takenOf(log),
  };
}

/**
 * The state as of the simulated clock: flags and facts that depend on time (weeks in care,
 * not-improving) move on with the clock, as in the engine's `simulate`.
 */
export function asOf(
  def: PathwayDefinition,
  state: InstanceState,
  now: string,
): { state: InstanceState; facts: Facts } {
  const clock = Date.parse(now) > Date.parse(state.clock) ? now : state.clock;
  const moved = { ...state, clock };
  const final = { ...moved, flags: deriveFlags(def, moved) };
  return { state: final, facts: factsOf(def, final) };
}

/** Every effect of the log, newest last (for counting alerts, etc.). */
export const allEffects = (log: readonly LogEntry[]): Effect[] => log.flatMap((e) => e.effects);
