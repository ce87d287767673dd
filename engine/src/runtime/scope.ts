import { createActor, type ActorScope } from 'xstate';
import type { PathwayMachine } from './machine.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one scope serves every snapshot type of the machine
type Scope = ActorScope<any, any, any, any>;
const scopes = new WeakMap<PathwayMachine, Scope>();
const noop = () => {};

/**
 * One inert actor scope per compiled machine. XState's `transition()` builds a throwaway actor on
 * every call (and computes its initial snapshot); our machines are flat, with no children, delays
 * or custom executable actions, so the same inert scope can serve every pure step. Measured in
 * BENCHMARKS.md.
 */
export function scopeOf(machine: PathwayMachine): Scope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine, { input: undefined });
    scope = {
      self,
      defer: noop,
      id: '',
      logger: noop,
      sessionId: '',
      stopChild: noop,
      system: self.system,
      emit: noop,
      actionExecutor: noop,
    } as unknown as Scope;
    scopes.set(machine, scope);
  }
  return scope;
}

type Snapshot = ReturnType<PathwayMachine['resolveState']>;
const resolvedNodes = new WeakMap<PathwayMachine, Map<string, Snapshot>>();

/**
 * `machine.resolveState({ value, context })`, with XState's part (finding the state nodes of the
 * value, the status, the tags) done once per node: every step restores a snapshot from the
 * stored state, and this was a twentieth of a step. The snapshot made once is copied with the
 * step's context and fresh `children` and `historyValue` objects, so no two snapshots share
 * anything XState might change. scope.test.ts holds it equal to `resolveState`.
 */
export function resolveSnapshot(
  machine: PathwayMachine,
  value: string,
  context: Snapshot['context'],
): Snapshot {
  let byValue = resolvedNodes.get(machine);
  if (!byValue) {
    byValue = new Map();
    resolvedNodes.set(machine, byValue);
  }
  let template = byValue.get(value);
  if (!template) {
    template = machine.resolveState({ value, context });
    byValue.set(value, template);
  }
  return { ...template, context, children: {}, historyValue: {} };
}
