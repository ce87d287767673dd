import type { PathwayDefinition } from '../definition/schema.js';
import type { Score } from '../instruments/types.js';
import type { MachineContext } from './context.js';
import { REFERRAL_STATUSES, type TimedEvent } from './events.js';
import { nodeOf } from './nodes.js';
import { scoreFor } from './scoring.js';
import {
  closeInstrumentWork,
  completeTask,
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
 * the current node waits for, so its transitions are evaluated), or nothing (facts only).
 */
export function recordEvent(
  def: PathwayDefinition,
  context: MachineContext,
  event: RecordableEvent,
): [MachineContext, Signal] {
  let ctx: MachineContext = { ...context, state: { ...context.state, clock: event.at } };
  const node = nodeOf(def, ctx.state.node);
  switch (event.type) {
    case 'instrument.completed': {
      const score = event.score ?? scoreOrNull(def, ctx, event);
      if (!score) return [context, null];
      const [scored, critical] = recordScore(def, ctx, score);
      ctx = scored;
      const awaited =
        (node.kind === 'screen' || node.kind === 'assess' || node.kind === 'monitor') &&
        node.instrument === event.instrument;
      if (awaited) ctx = closeInstrumentWork(ctx, event.instrument, node.id);
      ctx = refreshFlags(def, ctx);
      // Safety first, whatever the pathway says: the route pre-empts the node's own transitions.
      return [ctx, critical && def.safety ? 'safety' : awaited ? 'advance' : null];
    }
    case 'task.completed': {
      const target = def.nodes.find((n) => n.id === event.task);
      const resolves = target?.kind === 'task' && target.resolvesSafetyRisk === true;
      ctx = refreshFlags(def, completeTask(ctx, event.task, event.outcome, resolves));
      return [ctx, node.id === event.task ? 'advance' : null];
    }
    case 'referral.updated': {
      ctx = refreshFlags(def, updateReferral(ctx, event.referral, event.status));
      const advanceOn = node.kind === 'refer' ? (node.advanceOn ?? REFERRAL_STATUSES) : [];
      return [
        ctx,
        node.id === event.referral && advanceOn.includes(event.status) ? 'advance' : null,
      ];
    }
    case 'timer.fired': {
      const timer = ctx.state.open.timers.find((t) => t.id === event.timer);
      ctx = refreshFlags(def, fireTimer(def, ctx, event.timer));
      return [ctx, timer?.node === node.id ? 'advance' : null];
    }
    case 'contact.logged':
      return [refreshFlags(def, logContact(ctx, event.minutes)), null];
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
