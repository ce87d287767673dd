import { assign, enqueueActions, setup } from 'xstate';
import type {
  JsonLogic,
  PathwayDefinition,
  PathwayNode,
  Transition,
} from '../definition/schema.js';
import { factView } from '../facts/view.js';
import { describe, holds } from '../logic/evaluate.js';
import { instruments } from '../instruments/index.js';
import type { MachineContext } from './context.js';
import type { TimedEvent } from './events.js';
import { recordEvent, type RecordableEvent } from './record.js';
import { discharge, enterNode, moveNode, rescheduleMonitor } from './reduce.js';
import type { InstanceState } from './state.js';
import { defaultParams, initialState } from './initial.js';

/** Internal events the machine raises to itself; never accepted from outside (`step` refuses them). */
export type InternalEvent = { type: 'engine.advance' } | { type: 'engine.safety' };
export type MachineEvent =
  | (TimedEvent & {
      score?: RecordableEvent extends infer R ? (R extends { score?: infer S } ? S : never) : never;
    })
  | InternalEvent;

/**
 * `{ at, patient }` starts a new patient (machines from `compile`); `{ state }` starts from a prepared
 * initial state (what `start()` does). Either way the start node is entered: to continue a stored
 * instance use `restoreSnapshot` (step.ts).
 */
export type MachineInput =
  { state: InstanceState } | { at: string; patient?: InstanceState['patient'] };

/** The state a discharged instance rests in. Node ids are slugs, so it cannot clash with one. */
export const EXITED = '_exited';

const EVENTLESS = new Set<PathwayNode['kind']>(['decision', 'step']);
const EPOCH = '1970-01-01T00:00:00.000Z';

/** How a drawn transition's move is explained in the trace (`why`); hosts match trace lines by it. */
export function transitionReason(t: Transition): string {
  if (t.label) return t.label;
  if (t.otherwise) return 'otherwise';
  return t.when === undefined ? 'next' : describe(t.when as JsonLogic);
}

/**
 * A clinician's event (override, discharge) moves the clock to its time and becomes the cause of
 * what follows; events the machine raises itself carry no time and change neither.
 */
function stamped(context: MachineContext, event: MachineEvent): MachineContext {
  if (!('at' in event) || (event.type !== 'override' && event.type !== 'discharge')) return context;
  return { ...context, state: { ...context.state, clock: event.at }, cause: event.type };
}

function branches(def: PathwayDefinition, node: PathwayNode) {
  const out = def.transitions.filter((t) => t.from === node.id);
  // Conditions in written order; the `otherwise` branch (or an unconditional one) goes last.
  const ordered = [
    ...out.filter((t) => t.when !== undefined),
    ...out.filter((t) => t.when === undefined),
  ];
  return ordered.map((t) => ({
    ...(t.when !== undefined
      ? { guard: { type: 'rule' as const, params: { logic: t.when as JsonLogic } } }
      : {}),
    target: t.to,
    reenter: t.to === node.id,
    actions: [{ type: 'move' as const, params: { to: t.to, why: transitionReason(t) } }],
  }));
}

/**
 * Builds the XState v5 machine of a pathway. Flat by design (no invoked or spawned children, no
 * `after` delays): time arrives as events, so a snapshot restored months later behaves exactly as
 * one that never left memory. One `rule` guard backed by json-logic; behaviour referenced by name.
 *
 * The definition must be valid (see `validatePathway`); `createInitialState` builds the input.
 */
export function buildMachine(
  def: PathwayDefinition,
  initial?: (input: Exclude<MachineInput, { state: InstanceState }>) => InstanceState,
) {
  const defaultInitial = (input: { at: string; patient?: InstanceState['patient'] }) =>
    initialState(def, defaultParams(def), input.patient ?? {}, input.at);
  // Nodes carry no entry or exit actions: every way into a node is a transition whose `move`
  // action leaves the old node and enters the new one (the start node is entered by the initial
  // context), which costs XState one snapshot copy per move instead of three.
  const states: Record<string, unknown> = {};
  for (const node of def.nodes) {
    const config: Record<string, unknown> = {};
    if (node.kind === 'end') config.type = 'final';
    else if (EVENTLESS.has(node.kind)) config.always = branches(def, node);
    else {
      const handlers: unknown[] = branches(def, node);
      // A monitor with no exit condition met keeps monitoring: schedule the next follow-up.
      if (node.kind === 'monitor')
        handlers.push({ actions: [{ type: 'reschedule', params: { node: node.id } }] });
      config.on = { 'engine.advance': handlers };
    }
    states[node.id] = config;
  }
  states[EXITED] = { type: 'final' };

  const record = { actions: 'record' as const };
  const root = {
    id: def.id,
    initial: def.start,
    // The context the machine starts with has already entered the start node: nodes have no
    // entry actions (see above), and a root entry action would run again on every root
    // transition that re-enters (override, safety).
    context: ({ input }: { input: MachineInput | undefined }): MachineContext =>
      enterNode(
        def,
        {
          state:
            input && 'state' in input
              ? input.state
              : (initial ?? defaultInitial)(input ?? { at: EPOCH }),
          effects: [],
          trace: [],
          cause: 'start',
        },
        def.start,
      ),
    on: {
      'instrument.completed': record,
      'task.completed': record,
      'referral.updated': record,
      'timer.fired': record,
      'contact.logged': record,
      override: def.nodes.map((n) => ({
        guard: { type: 'overrideTo', params: { to: n.id } },
        target: `.${n.id}`,
        reenter: true,
        actions: [{ type: 'move', params: { to: n.id, why: 'override' } }],
      })),
      discharge: { target: `.${EXITED}`, actions: ['discharge'] },
      ...(def.safety
        ? {
            'engine.safety': {
              target: `.${def.safety.route}`,
              reenter: true,
              actions: [{ type: 'move', params: { to: def.safety.route, why: 'safety' } }],
            },
          }
        : {}),
    },
    states,
  };

  return setup({
    types: {} as { context: MachineContext; events: MachineEvent; input: MachineInput | undefined },
    guards: {
      rule: ({ context }, params: { logic: JsonLogic }) =>
        holds(params.logic, factView(def, context.state)),
      overrideTo: ({ event }, params: { to: string }) =>
        event.type === 'override' && event.to === params.to,
    },
    actions: {
      record: enqueueActions(({ context, event, enqueue }) => {
        const [next, signal] = recordEvent(def, context, event as RecordableEvent);
        enqueue.assign({ ...next, cause: event.type });
        if (signal) enqueue.raise({ type: `engine.${signal}` });
      }),
      reschedule: assign(({ context }, params: { node: string }) =>
        rescheduleMonitor(def, context, params.node),
      ),
      move: assign(({ context: before, event }, params: { to: string; why: string }) => {
        const context = stamped(before, event);
        const s = context.state;
        let reason = params.why;
        if (event.type === 'override') reason = `override: ${event.reason}`;
        else if (event.type === 'engine.safety' && s.safety) {
          reason = `safety-risk: ${instruments[s.safety.instrument].shortTitle} critical item ${s.safety.items.join(', ')} positive`;
        }
        const line = {
          at: s.clock,
          event: context.cause,
          from: s.node,
          to: params.to,
          why: reason,
        };
        return { ...moveNode(def, context, params.to), trace: [...context.trace, line] };
      }),
      discharge: assign(({ context: before, event }) => {
        const context = stamped(before, event);
        const reason = event.type === 'discharge' ? event.reason : 'discharged';
        const done = discharge(def, context, reason);
        const line = {
          at: done.state.clock,
          event: 'discharge',
          from: context.state.node,
          to: EXITED,
          why: reason,
        };
        return { ...done, trace: [...done.trace, line] };
      }),
    },
  }).createMachine(root as never);
}

export type PathwayMachine = ReturnType<typeof buildMachine>;

const compiled = new WeakMap<PathwayDefinition, PathwayMachine>();

/** The machine of a definition, compiled once per definition object. */
export function machineOf(def: PathwayDefinition): PathwayMachine {
  let m = compiled.get(def);
  if (!m) {
    m = buildMachine(def);
    compiled.set(def, m);
  }
  return m;
}
