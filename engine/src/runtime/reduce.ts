import { DEFAULT_STEPS, type PathwayDefinition, type PathwayNode } from '../definition/schema.js';
import { indexBaselines } from '../facts/baseline.js';
import { deriveFlags } from '../facts/flags.js';
import { addMs, durationMs, ms } from '../facts/time.js';
import { instruments } from '../instruments/index.js';
import type { InstrumentId, Score } from '../instruments/types.js';
import type { MachineContext } from './context.js';
import type { Effect, Priority } from './effects.js';
import { DEFAULT_ROLE, nodeOf, ownsWork, paramUnits } from './nodes.js';
import type { InstanceState, OpenTask } from './state.js';

/**
 * Pure updates of the machine context. Each exported update returns a new context; XState
 * actions are thin wrappers around these (machine.ts). Nothing here reads a clock: time is
 * `state.clock`, set from the event being processed.
 *
 * Inside, an update works on a `Draft`: one fresh copy of the state (and of its open lists and
 * the effects, when it changes them), filled in place and then returned. Nothing outside sees a
 * draft before it is returned, so the updates stay pure while copying the state once per update
 * rather than once per field changed.
 */

type Ctx = MachineContext;

export class Draft {
  /** A shallow copy of the state, changed in place. */
  readonly state: InstanceState;
  private effects: Effect[] | null = null;
  private openCopied = false;

  constructor(private readonly ctx: Ctx) {
    this.state = { ...ctx.state };
  }

  /** The open work, copied the first time an update changes it. */
  get open(): InstanceState['open'] {
    if (!this.openCopied) {
      const { tasks, timers, referrals } = this.state.open;
      this.state.open = { tasks: [...tasks], timers: [...timers], referrals: [...referrals] };
      this.openCopied = true;
    }
    return this.state.open;
  }

  /** Adds effects after the ones already produced in this step. */
  emit(...effects: Effect[]): void {
    this.effects ??= [...this.ctx.effects];
    this.effects.push(...effects);
  }

  /** The next deterministic id: `<prefix>#<seq>`. */
  nextId(prefix: string): string {
    this.state.seq += 1;
    return `${prefix}#${this.state.seq}`;
  }

  /** The new context. */
  done(): Ctx {
    return { ...this.ctx, state: this.state, effects: this.effects ?? this.ctx.effects };
  }
}

/** Runs `update` on a draft of `ctx` and returns the new context. */
const drafted = (ctx: Ctx, update: (d: Draft) => void): Ctx => {
  const d = new Draft(ctx);
  update(d);
  return d.done();
};

/**
 * Brings the derived flags up to date. When they are unchanged the state keeps its flags array
 * (flags are recomputed after every event and node entry, and seldom change).
 */
export function refreshFlags(def: PathwayDefinition, d: Draft): void {
  const flags = deriveFlags(def, d.state);
  const old = d.state.flags;
  if (flags.length !== old.length || flags.some((f, i) => f !== old[i])) d.state.flags = flags;
}

const dueAfter = (
  def: PathwayDefinition,
  state: InstanceState,
  d: Parameters<typeof durationMs>[0] | undefined,
) => (d === undefined ? null : addMs(state.clock, durationMs(d, state.params, paramUnits(def))));

function openTask(
  d: Draft,
  node: PathwayNode,
  task: Omit<OpenTask, 'id' | 'node' | 'createdAt'>,
): void {
  const id = d.nextId(node.id);
  d.open.tasks.push({ id, node: node.id, createdAt: d.state.clock, ...task });
  d.emit({
    kind: 'task',
    action: 'create',
    id,
    node: node.id,
    role: task.role,
    title: task.title,
    priority: task.priority,
    due: task.due,
    ...(task.instrument ? { instrument: task.instrument } : {}),
  });
}

function scheduleTimer(
  d: Draft,
  node: PathwayNode,
  dueAt: string,
  purpose: 'wait' | 'follow-up',
): void {
  const id = d.nextId(`${node.id}.timer`);
  d.open.timers.push({ id, node: node.id, dueAt, purpose });
  d.emit({ kind: 'timer', action: 'schedule', id, node: node.id, dueAt });
}

type InstrumentNode = Extract<PathwayNode, { kind: 'screen' | 'assess' | 'monitor' }>;

function instrumentTask(d: Draft, node: InstrumentNode, due: string | null, title?: string): void {
  const kind = node.kind;
  const inst = instruments[node.instrument];
  openTask(d, node, {
    role: node.role ?? DEFAULT_ROLE[kind],
    title: title ?? node.title ?? `Administer ${inst.shortTitle}`,
    priority: (node.kind !== 'monitor' && node.priority) || 'routine',
    due,
    instrument: node.instrument,
  });
}

/** Entry of a node: the work it creates, as open items and effects. */
export function enterNode(def: PathwayDefinition, ctx: Ctx, nodeId: string): Ctx {
  return drafted(ctx, (d) => enter(def, d, nodeId));
}

function enter(def: PathwayDefinition, d: Draft, nodeId: string): void {
  const node = nodeOf(def, nodeId);
  const state = d.state;
  state.node = node.id;
  state.nodeEnteredAt = state.clock;
  // The first enrolment starts the episode of care and fixes its baselines (decision 0007); a
  // later enrol node, or the same one re-entered, changes neither.
  if (node.enrol && state.enrolledAt === null) {
    state.enrolledAt = state.clock;
    state.scores = indexBaselines(state.scores, state.clock);
  }
  switch (node.kind) {
    case 'screen':
    case 'assess':
      instrumentTask(d, node, dueAfter(def, state, node.due));
      break;
    case 'task':
      openTask(d, node, {
        role: node.role,
        title: node.title,
        priority: node.priority ?? 'routine',
        due: dueAfter(def, state, node.due),
      });
      break;
    case 'refer': {
      const id = d.nextId(node.id);
      const role = node.role ?? DEFAULT_ROLE.refer;
      d.open.referrals.push({
        id,
        node: node.id,
        service: node.service,
        urgency: node.urgency,
        status: 'requested',
        createdAt: state.clock,
      });
      d.emit({
        kind: 'referral',
        action: 'create',
        id,
        node: node.id,
        service: node.service,
        urgency: node.urgency,
        role,
        due: dueAfter(def, state, node.due),
      });
      break;
    }
    case 'wait':
      scheduleTimer(d, node, dueAfter(def, state, node.duration)!, 'wait');
      break;
    case 'monitor': {
      const due = dueAfter(def, state, node.every)!;
      instrumentTask(
        d,
        node,
        due,
        node.title ? undefined : `Follow-up ${instruments[node.instrument].shortTitle}`,
      );
      scheduleTimer(d, node, due, 'follow-up');
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
      state.stepLevel = Math.min(steps.max, Math.max(steps.min, target));
      break;
    }
    case 'end':
      end(d, 'completed', node.outcome, node.id);
      break;
    case 'decision':
      break;
  }
  refreshFlags(def, d);
}

/**
 * The patient moves from the current node to `to`: the work the current node still has open is
 * cancelled, then `to` is entered. XState would run these as the old node's exit action and the
 * new node's entry action; one update does both, in that order, on one draft.
 */
export function moveNode(def: PathwayDefinition, ctx: Ctx, to: string): Ctx {
  return drafted(ctx, (d) => {
    leave(def, d);
    enter(def, d, to);
  });
}

/** Leaving the current node cancels the work it still has open (a referral stays open until it resolves). */
function leave(def: PathwayDefinition, d: Draft): void {
  const nodeId = d.state.node;
  // Only nodes that open tasks or timers have anything to cancel when left.
  if (!ownsWork(nodeOf(def, nodeId))) return;
  const { tasks, timers } = d.state.open;
  if (!tasks.some((t) => t.node === nodeId) && !timers.some((t) => t.node === nodeId)) return;
  for (const t of tasks)
    if (t.node === nodeId) d.emit({ kind: 'task', action: 'cancel', id: t.id, node: t.node });
  for (const t of timers)
    if (t.node === nodeId) d.emit({ kind: 'timer', action: 'cancel', id: t.id, node: t.node });
  const open = d.open;
  open.tasks = tasks.filter((t) => t.node !== nodeId);
  open.timers = timers.filter((t) => t.node !== nodeId);
}

/** Discharge: the current node's open work is cancelled, then everything else, and the outcome recorded. */
export function discharge(def: PathwayDefinition, ctx: Ctx, reason: string): Ctx {
  return drafted(ctx, (d) => {
    leave(def, d);
    end(d, 'exited', 'discharged', d.state.node, reason);
  });
}

/** Ends the instance: everything still open is cancelled and the outcome recorded. */
function end(
  d: Draft,
  status: 'completed' | 'exited',
  outcome: string,
  node: string | null,
  reason?: string,
): void {
  const { tasks, timers, referrals } = d.state.open;
  for (const t of tasks) d.emit({ kind: 'task', action: 'cancel', id: t.id, node: t.node });
  for (const t of timers) d.emit({ kind: 'timer', action: 'cancel', id: t.id, node: t.node });
  for (const r of referrals) d.emit({ kind: 'referral', action: 'cancel', id: r.id, node: r.node });
  d.emit({ kind: 'outcome', outcome, node, status, ...(reason ? { reason } : {}) });
  d.state.status = status;
  d.state.outcome = outcome;
  d.state.open = { tasks: [], timers: [], referrals: [] };
}

/** Monitor found no exit: the next follow-up is due one cadence from now. */
export function rescheduleMonitor(def: PathwayDefinition, ctx: Ctx, nodeId: string): Ctx {
  const node = nodeOf(def, nodeId);
  if (node.kind !== 'monitor') return ctx;
  const due = dueAfter(def, ctx.state, node.every)!;
  const { tasks, timers } = ctx.state.open;
  const hasTask = tasks.some((t) => t.node === node.id);
  const hasTimer = timers.some((t) => t.node === node.id);
  if (hasTask && hasTimer) return ctx;
  return drafted(ctx, (d) => {
    if (!hasTask)
      instrumentTask(
        d,
        node,
        due,
        node.title ? undefined : `Follow-up ${instruments[node.instrument].shortTitle}`,
      );
    if (!hasTimer) scheduleTimer(d, node, due, 'follow-up');
  });
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

/**
 * Records a completed instrument into the facts; raises the safety alert for any critical item.
 * Returns whether an item was critical.
 */
export function recordScore(d: Draft, score: Score): boolean {
  const id = score.instrument;
  const state = d.state;
  const prev = state.scores[id];
  const at = state.clock;
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
  state.scores = { ...state.scores, [id]: rec };
  state.lastEngagementAt = at;
  if (state.overdue?.instrument === id) state.overdue = null;
  if (score.critical) {
    const alertId = d.nextId('alert');
    state.safety = { since: state.safety?.since ?? at, instrument: id, items: score.criticalItems };
    d.emit({
      kind: 'alert',
      id: alertId,
      priority: alertPriority(score),
      reason: 'critical-item',
      instrument: id,
      items: score.criticalItems,
      ...(score.risk ? { risk: score.risk } : {}),
      role: 'pcp',
      message: `${ALERT_TEXT[id] ?? `${instruments[id].shortTitle}: critical item positive`} (item ${score.criticalItems.join(', ')}): assess suicide risk today`,
    });
  }
  return score.critical;
}

/** Closes the open instrument task(s) this score satisfies and the follow-up timer it answers. */
export function closeInstrumentWork(d: Draft, instrument: InstrumentId, nodeId: string): void {
  const { tasks, timers } = d.state.open;
  const done = tasks.filter((t) => t.node === nodeId && t.instrument === instrument);
  const stopped = timers.filter((t) => t.node === nodeId && t.purpose === 'follow-up');
  if (done.length === 0 && stopped.length === 0) return;
  const open = d.open;
  open.tasks = tasks.filter((t) => !done.includes(t));
  open.timers = timers.filter((t) => !stopped.includes(t));
  for (const t of done) d.emit({ kind: 'task', action: 'complete', id: t.id, node: t.node });
  for (const t of stopped) d.emit({ kind: 'timer', action: 'cancel', id: t.id, node: t.node });
}

export function completeTask(
  d: Draft,
  nodeId: string,
  outcome: string | undefined,
  resolvesSafety: boolean,
): void {
  const state = d.state;
  const { tasks } = state.open;
  state.outcomes = { ...state.outcomes, [nodeId]: outcome ?? 'completed' };
  if (resolvesSafety) state.safety = null;
  d.open.tasks = tasks.filter((t) => t.node !== nodeId);
  for (const t of tasks)
    if (t.node === nodeId) d.emit({ kind: 'task', action: 'complete', id: t.id, node: t.node });
}

export function updateReferral(d: Draft, nodeId: string, status: string): void {
  const state = d.state;
  const { referrals } = state.open;
  const resolved = status !== 'accepted';
  state.outcomes = { ...state.outcomes, [nodeId]: status };
  d.open.referrals = resolved
    ? referrals.filter((r) => r.node !== nodeId)
    : referrals.map((r) => (r.node === nodeId ? { ...r, status } : r));
  for (const r of referrals)
    if (r.node === nodeId)
      d.emit({ kind: 'referral', action: 'update', id: r.id, node: r.node, status });
}

/** A timer fired: it is no longer open; a follow-up timer with no score yet marks the patient overdue. */
export function fireTimer(def: PathwayDefinition, d: Draft, timerId: string): void {
  const state = d.state;
  const timer = state.open.timers.find((t) => t.id === timerId);
  if (!timer) return;
  const node = nodeOf(def, timer.node);
  if (timer.purpose === 'follow-up' && node.kind === 'monitor')
    state.overdue ??= { since: timer.dueAt, instrument: node.instrument };
  d.open.timers = state.open.timers.filter((t) => t.id !== timerId);
}

export function logContact(d: Draft, minutes: number): void {
  const s = d.state;
  s.contacts = {
    count: s.contacts.count + 1,
    minutes: s.contacts.minutes + minutes,
    lastAt: s.clock,
  };
  s.lastEngagementAt = s.clock;
}

export const timeOrder = (
  a: { dueAt: string; id: string },
  b: { dueAt: string; id: string },
): number => ms(a.dueAt) - ms(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
