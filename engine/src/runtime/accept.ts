import type { PathwayDefinition } from '../definition/schema.js';
import { instruments } from '../instruments/index.js';
import type { Score } from '../instruments/types.js';
import { ms } from '../facts/time.js';
import { error, type Problem } from '../problem.js';
import type { TimedEvent } from './events.js';
import { nodeMap } from './nodes.js';
import { scoreFor } from './scoring.js';
import type { InstanceState } from './state.js';

export type Acceptance = { ok: true; score?: Score } | { ok: false; problems: Problem[] };

const reject = (code: string, path: string, message: string): Acceptance => ({
  ok: false,
  problems: [error(code, path, message)],
});

/**
 * Whether the instance can take this event now, and why not. An event that is refused changes
 * nothing (DESIGN.md §5); the reason names the field at fault.
 */
export function accept(
  def: PathwayDefinition,
  state: InstanceState,
  event: TimedEvent,
): Acceptance {
  if (state.status !== 'active') {
    return reject(
      'event.instance-finished',
      '$.type',
      `this pathway has already ${state.status === 'completed' ? `completed (${state.outcome})` : 'been exited'}; it takes no more events`,
    );
  }
  if (ms(event.at) < ms(state.clock)) {
    return reject(
      'event.out-of-order',
      '$.at',
      `event time ${event.at} is before the last recorded event (${state.clock}); events must be recorded in time order`,
    );
  }
  const open = state.open;
  switch (event.type) {
    case 'instrument.completed': {
      if (!def.instruments.includes(event.instrument)) {
        return reject(
          'event.instrument-not-in-pathway',
          '$.instrument',
          `${instruments[event.instrument].shortTitle} is not used by this pathway (it uses ${def.instruments.join(', ') || 'no instruments'})`,
        );
      }
      const r = scoreFor(def, state, event.instrument, event.answers);
      return r.ok ? { ok: true, score: r.value } : { ok: false, problems: r.problems };
    }
    case 'task.completed': {
      if (!open.tasks.some((t) => t.node === event.task)) {
        const waiting = open.tasks.map((t) => t.node);
        return reject(
          'event.task-not-open',
          '$.task',
          `task "${event.task}" is not open${waiting.length ? ` (open: ${waiting.join(', ')})` : ' (no task is open)'}`,
        );
      }
      const node = nodeMap(def).get(event.task);
      if (node?.kind === 'task' && node.outcomes) {
        if (event.outcome === undefined)
          return reject(
            'event.outcome-required',
            '$.outcome',
            `task "${event.task}" needs an outcome: one of ${node.outcomes.join(', ')}`,
          );
        if (!node.outcomes.includes(event.outcome))
          return reject(
            'event.unknown-outcome',
            '$.outcome',
            `"${event.outcome}" is not an outcome of task "${event.task}" (expected one of ${node.outcomes.join(', ')})`,
          );
      }
      if (node && (node.kind === 'screen' || node.kind === 'assess' || node.kind === 'monitor')) {
        return reject(
          'event.task-needs-instrument',
          '$.task',
          `"${event.task}" is completed by recording the ${instruments[node.instrument].shortTitle} (instrument.completed), not by task.completed`,
        );
      }
      return { ok: true };
    }
    case 'referral.updated':
      if (!open.referrals.some((r) => r.node === event.referral)) {
        return reject(
          'event.referral-not-open',
          '$.referral',
          `no open referral from "${event.referral}"`,
        );
      }
      return { ok: true };
    case 'timer.fired':
      if (!open.timers.some((t) => t.id === event.timer)) {
        return reject(
          'event.timer-not-open',
          '$.timer',
          `timer "${event.timer}" is not scheduled${open.timers.length ? ` (scheduled: ${open.timers.map((t) => t.id).join(', ')})` : ''}`,
        );
      }
      return { ok: true };
    case 'override':
      if (!nodeMap(def).has(event.to))
        return reject('event.unknown-node', '$.to', `"${event.to}" is not a node of this pathway`);
      return { ok: true };
    case 'contact.logged':
    case 'discharge':
      return { ok: true };
  }
}
