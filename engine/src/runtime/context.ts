import type { Effect } from './effects.js';
import type { InstanceState } from './state.js';

/** One line of the trace: why the patient moved (or, for a recorded event, stayed). */
export interface TraceEntry {
  at: string;
  event: string;
  from: string;
  to: string;
  why: string;
}

/** XState machine context: the persisted state plus the effects and trace of the current step. */
export interface MachineContext {
  state: InstanceState;
  effects: Effect[];
  trace: TraceEntry[];
  /** The external event being processed (`start` while entering the first node). */
  cause: string;
}
