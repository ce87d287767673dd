import { DEFAULT_STEPS, type PathwayDefinition, type PathwayNode } from '../definition/schema.js';
import { deriveFlags } from '../facts/flags.js';
import { addMs, durationMs, ms } from '../facts/time.js';
import { instruments } from '../instruments/index.js';
import type { InstrumentId, Score } from '../instruments/types.js';
import type { MachineContext } from './context.js';
import type { Effect, Priority } from './effects.js';
import { DEFAULT_ROLE, nodeOf, paramUnits } from './nodes.js';
import type { InstanceState, OpenTask } from './state.js';

/**
 * Pure updates of the machine context. Each returns a new context; XState actions are thin
 * wrappers around these (machine.ts). Nothing here reads a clock: time is `state.clock`, set from
 * the event being processed.
 */

type Ctx = MachineContext;

const withFlags = (def: PathwayDefinition, state: InstanceState): InstanceState => ({
  ...state,
  flags: deriveFlags(def, state),
});

function nextId(state: InstanceState, prefix: string): [string, InstanceState] {
  const seq = state.seq + 1;
  return [`${prefix}#${seq}`, { ...state, seq }];
}

const dueAfter = (
  def: PathwayDefinition,
  state: InstanceState,
  d: Parameters<typeof durationMs>[0] | undefined,
) => (d === undefined ? null : addMs(state.clock, durationMs(d, state.params, paramUnits(def))));

function openTask(
  ctx: Ctx,
  node: PathwayNode,
  task: Omit<OpenTask, 'id' | 'node' | 'createdAt'>,
): Ctx {
  const [id, state] = nextId(ctx.state, node.id);
  const open: OpenTask = { id, node: node.id, createdAt: state.clock, ...task };
  const effect: Effect = {
    kind: 'task',
    action: 'create',
    id,
    node: node.id,
    role: task.role,
    title: task.title,
    priority: task.priority,
    due: task.due,
    ...(task.instrument ? { instrument: task.instrument } : {}),
  };
  return {
    ...ctx,
    state: { ...state, open: { ...state.open, tasks: [...state.open.tasks, open] } },
    effects: [...ctx.effects, effect],
  };
}

function scheduleTimer(
  ctx: Ctx,
  node: PathwayNode,
  dueAt: string,
  purpose: 'wait' | 'follow-up',
): Ctx {
  const [id, state] = nextId(ctx.state, `${node.id}.timer`);
  return {
    ...ctx,
    state: {
      ...state,
      open: {
        ...state.open,
        timers: [...state.open.timers, { id, node: node.id, dueAt, purpose }],
      },
    },
    effects: [...ctx.effects, { kind: 'timer', action: 'schedule', id, node: node.id, dueAt }],
  };
}

type InstrumentNode = Extract<PathwayNode, { kind: 'screen' | 'assess' | 'monitor' }>;

function instrumentTask(ctx: Ctx, node: InstrumentNode, due: string | null, title?: string): Ctx {
  const kind = node.kind;
  const inst = instruments[node.instrument];
  return openTask(ctx, node, {
    role: node.role ?? DEFAULT_ROLE[kind],
    title: title ?? node.title ?? `Administer ${inst.shortTitle}`,
    priority: (node.kind !== 'monitor' && node.priority) || 'routine',
    due,
    instrument: node.instrument,
  });
}

/** Entry of a node: the work it creates, as open items and effects. */
export function enterNode(def: PathwayDefinition, ctx: Ctx, nodeId: string): Ctx {
  const node = nodeOf(def, nodeId);
  let state: InstanceState = { ...ctx.state, node: node.id, nodeEnteredAt: ctx.state.clock };
  if (node.enrol && state.enrolledAt === null) state = { ...state, enrolledAt: state.clock };
  let next: Ctx = { ...ctx, state };
  switch (node.kind) {
    case 'screen':
    case 'assess':
      next = instrumentTask(next, node, dueAfter(def, state, node.due));
      break;
    case 'task':
      next = openTask(next, node, {
        role: node.role,
        title: node.title,
        priority: node.priority ?? 'routine',
        due: dueAfter(def, state, node.due),
      });
      break;
    case 'refer': {
      const [id, s] = nextId(state, node.id);
      const role = node.role ?? DEFAULT_ROLE.refer;
      next = {
        ...next,
        state: {
          ...s,
          open: {
            ...s.open,
            referrals: [
              ...s.open.referrals,
              {
                id,
                node: node.id,
                service: node.service,
                urgency: node.urgency,
                status: 'requested',
                createdAt: s.clock,
              },
            ],
          },
        },
        effects: [
          ...next.effects,
          {
            kind: 'referral',
            action: 'create',
            id,
            node: node.id,
            service: node.service,
            urgency: node.urgency,
            role,
            due: dueAfter(def, s, node.due),
          },
        ],
      };
      break;
    }
    case 'wait':
      next = scheduleTimer(next, node, dueAfter(def, state, node.duration)!, 'wait');
      break;
    case 'monitor': {
      const due = dueAfter(def, state, node.every)!;
      next = instrumentTask(
        next,
        node,
        due,
        node.title ? undefined : `Follow-up ${instruments[node.instrument].shortTitle}`,
      );
      next = scheduleTimer(next, node, due, 'follow-up');
      break;
    }
    case 'step': {
      const steps = def.steps ?? DEFAULT_STEPS;
      const target =
        node.direction === 'up'
          ? state.stepLevel + 1
          : node.direction === 'down'
            ? state.stepLevel - 1
            : (node.level ?? state.stepLevel);
      next = {
        ...next,
        state: { ...next.state, stepLevel: Math.min(steps.max, Math.max(steps.min, target)) },
      };
      break;
    }
    case 'end':
      next = finish(next, 'completed', node.outcome, node.id);
      break;
    case 'decision':
      break;
  }
  return { ...next, state: withFlags(def, next.state) };
}

/** Leaving a node cancels the work it still has open (a referral stays open until it resolves). */
export function leaveNode(ctx: Ctx, nodeId: string): Ctx {
  const { tasks, timers } = ctx.state.open;
  const effects: Effect[] = [
    ...tasks
      .filter((t) => t.node === nodeId)
      .map((t): Effect => ({ kind: 'task', action: 'cancel', id: t.id, node: t.node })),
    ...timers
      .filter((t) => t.node === nodeId)
      .map((t): Effect => ({ kind: 'timer', action: 'cancel', id: t.id, node: t.node })),
  ];
  if (effects.length === 0) return ctx;
  return {
    ...ctx,
    state: {
      ...ctx.state,
      open: {
        ...ctx.state.open,
        tasks: tasks.filter((t) => t.node !== nodeId),
        timers: timers.filter((t) => t.node !== nodeId),
      },
    },
    effects: [...ctx.effects, ...effects],
  };
}

/** Ends the instance: everything still open is cancelled and the outcome recorded. */
export function finish(
  ctx: Ctx,
  status: 'completed' | 'exited',
  outcome: string,
  node: string | null,
  reason?: string,
): Ctx {
  const { tasks, timers, referrals } = ctx.state.open;
  const effects: Effect[] = [
    ...tasks.map((t): Effect => ({ kind: 'task', action: 'cancel', id: t.id, node: t.node })),
    ...timers.map((t): Effect => ({ kind: 'timer', action: 'cancel', id: t.id, node: t.node })),
    ...referrals.map((r): Effect => ({
      kind: 'referral',
      action: 'cancel',
      id: r.id,
      node: r.node,
    })),
    { kind: 'outcome', outcome, node, status, ...(reason ? { reason } : {}) },
  ];
  return {
    ...ctx,
    state: { ...ctx.state, status, outcome, open: { tasks: [], timers: [], referrals: [] } },
    effects: [...ctx.effects, ...effects],
  };
}

/** Monitor found no exit: the next follow-up is due one cadence from now. */
export function rescheduleMonitor(def: PathwayDefinition, ctx: Ctx, nodeId: string): Ctx {
  const node = nodeOf(def, nodeId);
  if (node.kind !== 'monitor') return ctx;
  const due = dueAfter(def, ctx.state, node.every)!;
  let next = ctx;
  const hasTask = next.state.open.tasks.some((t) => t.node === node.id);
  if (!hasTask)
    next = instrumentTask(
      next,
      node,
      due,
      node.title ? undefined : `Follow-up ${instruments[node.instrument].shortTitle}`,
    );
  if (!next.state.open.timers.some((t) => t.node === node.id))
    next = scheduleTimer(next, node, due, 'follow-up');
  return next;
}

const ALERT_TEXT: Partial<Record<InstrumentId, string>> = {
  phq9: 'PHQ-9 item 9 (thoughts of death or self-harm) is positive',
  phqa: 'PHQ-A suicide item(s) positive',
  epds: 'EPDS item 10 (thoughts of self-harm) is positive',
  cssrs: 'C-SSRS screen is high risk',
  asq: 'ASQ suicide screen is positive',
};

function alertPriority(score: Score): Exclude<Priority, 'routine'> {
  // C-SSRS high risk and ASQ acute positive need emergent, same-visit evaluation (clinical-reference
  // A11, A12); other critical items need a same-day safety assessment (A1, A3, A9).
  return score.risk === 'high' || score.risk === 'acute' ? 'emergent' : 'urgent';
}

export type Signal = 'advance' | 'safety' | null;

/** Records a completed instrument into the facts; raises the safety alert for any critical item. */
export function recordScore(def: PathwayDefinition, ctx: Ctx, score: Score): [Ctx, boolean] {
  const id = score.instrument;
  const prev = ctx.state.scores[id];
  const at = ctx.state.clock;
  const value = score.total;
  const remissionBelow = instruments[id].remissionBelow;
  const inRemission = remissionBelow !== undefined && value !== null && value < remissionBelow;
  const rec = {
    count: (prev?.count ?? 0) + 1,
    baseline: prev?.baseline ?? value,
    baselineAt: prev?.baselineAt ?? at,
    latest: value,
    previous: prev?.latest ?? null,
    lastAt: at,
    items: score.answers,
    band: score.band,
    positive: score.positive,
    critical: score.critical,
    risk: score.risk ?? null,
    remissionStreak: inRemission ? (prev?.remissionStreak ?? 0) + 1 : 0,
  };
  let state: InstanceState = {
    ...ctx.state,
    scores: { ...ctx.state.scores, [id]: rec },
    lastEngagementAt: at,
  };
  if (state.overdue?.instrument === id) state = { ...state, overdue: null };
  let effects = ctx.effects;
  if (score.critical) {
    const [alertId, s2] = nextId(state, 'alert');
    state = {
      ...s2,
      safety: { since: state.safety?.since ?? at, instrument: id, items: score.criticalItems },
    };
    effects = [
      ...effects,
      {
        kind: 'alert',
        id: alertId,
        priority: alertPriority(score),
        reason: 'critical-item',
        instrument: id,
        items: score.criticalItems,
        ...(score.risk ? { risk: score.risk } : {}),
        role: 'pcp',
        message: `${ALERT_TEXT[id] ?? `${instruments[id].shortTitle}: critical item positive`} (item ${score.criticalItems.join(', ')}): assess suicide risk today`,
      },
    ];
  }
  return [{ ...ctx, state, effects }, score.critical];
}

/** Closes the open instrument task(s) this score satisfies and the follow-up timer it answers. */
export function closeInstrumentWork(ctx: Ctx, instrument: InstrumentId, nodeId: string): Ctx {
  const { tasks, timers } = ctx.state.open;
  const done = tasks.filter((t) => t.node === nodeId && t.instrument === instrument);
  const stopped = timers.filter((t) => t.node === nodeId && t.purpose === 'follow-up');
  if (done.length === 0 && stopped.length === 0) return ctx;
  return {
    ...ctx,
    state: {
      ...ctx.state,
      open: {
        ...ctx.state.open,
        tasks: tasks.filter((t) => !done.includes(t)),
        timers: timers.filter((t) => !stopped.includes(t)),
      },
    },
    effects: [
      ...ctx.effects,
      ...done.map((t): Effect => ({ kind: 'task', action: 'complete', id: t.id, node: t.node })),
      ...stopped.map((t): Effect => ({ kind: 'timer', action: 'cancel', id: t.id, node: t.node })),
    ],
  };
}

export function completeTask(
  ctx: Ctx,
  nodeId: string,
  outcome: string | undefined,
  resolvesSafety: boolean,
): Ctx {
  const { tasks } = ctx.state.open;
  const done = tasks.filter((t) => t.node === nodeId);
  return {
    ...ctx,
    state: {
      ...ctx.state,
      outcomes: { ...ctx.state.outcomes, [nodeId]: outcome ?? 'completed' },
      safety: resolvesSafety ? null : ctx.state.safety,
      open: { ...ctx.state.open, tasks: tasks.filter((t) => t.node !== nodeId) },
    },
    effects: [
      ...ctx.effects,
      ...done.map((t): Effect => ({ kind: 'task', action: 'complete', id: t.id, node: t.node })),
    ],
  };
}

export function updateReferral(ctx: Ctx, nodeId: string, status: string): Ctx {
  const { referrals } = ctx.state.open;
  const hit = referrals.filter((r) => r.node === nodeId);
  const resolved = status !== 'accepted';
  return {
    ...ctx,
    state: {
      ...ctx.state,
      outcomes: { ...ctx.state.outcomes, [nodeId]: status },
      open: {
        ...ctx.state.open,
        referrals: resolved
          ? referrals.filter((r) => r.node !== nodeId)
          : referrals.map((r) => (r.node === nodeId ? { ...r, status } : r)),
      },
    },
    effects: [
      ...ctx.effects,
      ...hit.map((r): Effect => ({
        kind: 'referral',
        action: 'update',
        id: r.id,
        node: r.node,
        status,
      })),
    ],
  };
}

/** A timer fired: it is no longer open; a follow-up timer with no score yet marks the patient overdue. */
export function fireTimer(def: PathwayDefinition, ctx: Ctx, timerId: string): Ctx {
  const timer = ctx.state.open.timers.find((t) => t.id === timerId);
  if (!timer) return ctx;
  const node = nodeOf(def, timer.node);
  const overdue =
    timer.purpose === 'follow-up' && node.kind === 'monitor'
      ? (ctx.state.overdue ?? { since: timer.dueAt, instrument: node.instrument })
      : ctx.state.overdue;
  return {
    ...ctx,
    state: {
      ...ctx.state,
      overdue,
      open: { ...ctx.state.open, timers: ctx.state.open.timers.filter((t) => t.id !== timerId) },
    },
  };
}

export function logContact(ctx: Ctx, minutes: number): Ctx {
  const s = ctx.state;
  return {
    ...ctx,
    state: {
      ...s,
      contacts: {
        count: s.contacts.count + 1,
        minutes: s.contacts.minutes + minutes,
        lastAt: s.clock,
      },
      lastEngagementAt: s.clock,
    },
  };
}

export const refreshFlags = (def: PathwayDefinition, ctx: Ctx): Ctx => ({
  ...ctx,
  state: withFlags(def, ctx.state),
});

export const timeOrder = (
  a: { dueAt: string; id: string },
  b: { dueAt: string; id: string },
): number => ms(a.dueAt) - ms(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
