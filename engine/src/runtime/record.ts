import type { PathwayDefinition, PathwayNode } from '../definition/schema.js';
import type { Score } from '../instruments/types.js';
import type { MachineContext } from './context.js';
import { REFERRAL_STATUSES, type TimedEvent } from './events.js';
import { nodeOf } from './nodes.js';
import { scoreFor } from './scoring.js';
import {
  closeInstrumentWork,
  completeTask,
  Draft,
  fireTimer,
  logContact,
  recordScore,
  refreshFlags,
  updateReferral,
  type Signal,
} from './reduce.js';

/** An external event as the machine receives it; `step` attaches the score it already computed. */
export type RecordableEvent = Exclude<TimedEvent, { type: 'override' | 'discharge' }> & {
  score?: Score;
};

/**
 * Applies an event to the facts and says what the machine should do next: `safety` (a critical
 * item was positive and the pathway's safety route takes over), `advance` (the event is the one
 * the current node waits for, so its transitions are evaluated), or nothing (facts only). The
 * flags are brought up to date once, after the event.
 */
export function recordEvent(
  def: PathwayDefinition,
  context: MachineContext,
  event: RecordableEvent,
): [MachineContext, Signal] {
  const node = nodeOf(def, context.state.node);
  let score: Score | null = null;
  if (event.type === 'instrument.completed') {
    score = event.score ?? scoreOrNull(def, context, event);
    if (!score) return [context, null];
  }
  const d = new Draft(context);
  d.state.clock = event.at;
  const signal = apply(def, d, node, event, score);
  refreshFlags(def, d);
  return [d.done(), signal];
}

/** The event's own change to the draft, and the signal it gives. */
function apply(
  def: PathwayDefinition,
  d: Draft,
  node: PathwayNode,
  event: RecordableEvent,
  score: Score | null,
): Signal {
  switch (event.type) {
    case 'instrument.completed': {
      const critical = recordScore(d, score!);
      const awaited =
        (node.kind === 'screen' || node.kind === 'assess' || node.kind === 'monitor') &&
        node.instrument === event.instrument;
      if (awaited) closeInstrumentWork(d, event.instrument, node.id);
      // Safety first, whatever the pathway says: the route pre-empts the node's own transitions.
      return critical && def.safety ? 'safety' : awaited ? 'advance' : null;
    }
    case 'task.completed': {
      const target = def.nodes.find((n) => n.id === event.task);
      const resolves = target?.kind === 'task' && target.resolvesSafetyRisk === true;
      completeTask(d, event.task, event.outcome, resolves);
      return node.id === event.task ? 'advance' : null;
    }
    case 'referral.updated': {
      updateReferral(d, event.referral, event.status);
      const advanceOn = node.kind === 'refer' ? (node.advanceOn ?? REFERRAL_STATUSES) : [];
      return node.id === event.referral && advanceOn.includes(event.status) ? 'advance' : null;
    }
    case 'timer.fired': {
      const timer = d.state.open.timers.find((t) => t.id === event.timer);
      fireTimer(def, d, event.timer);
      return timer?.node === node.id ? 'advance' : null;
    }
    case 'contact.logged':
      logContact(d, event.minutes);
      return null;
  }
}

function scoreOrNull(
  def: PathwayDefinition,
  ctx: MachineContext,
  event: Extract<RecordableEvent, { type: 'instrument.completed' }>,
): Score | null {
  const r = scoreFor(def, ctx.state, event.instrument, event.answers);
  return r.ok ? r.value : null;
}
