/**
 * Variant D: the depression fixture written by hand as an XState v5 machine that does the same
 * clinical work as the engine on this journey, the way a developer would write it for this one
 * pathway: a cheap hand-written check of each event's shape and time, instrument scoring with the
 * engine's own scorers (`scoreInstrument`, the public API), the facts this pathway's rules need
 * (score records with baseline, previous and remission streak, enrolment, outcomes, contacts,
 * overdue and safety), open tasks and timers with deterministic ids, and the effects a host would
 * carry out. The sanity check in run.js holds its effects, step by step, to the engine's, so it
 * cannot quietly do less.
 *
 * It is driven exactly like variant C (the headline baseline) and the engine: one reused inert
 * actor scope, `machine.transition(snapshot, event, scope)`.
 *
 * What it does not do, and the engine does: a trace line per move, the derived flags list, the
 * generic fact view and json-logic conditions, every node kind and option of the definition
 * format, restoring the snapshot from its persisted JSON form on every step, and the exact
 * problem messages of refused events (it refuses with a short code).
 */
import { enqueueActions, setup } from 'xstate';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REMISSION_BELOW = 5; // PHQ-9 remission: total < 5
const RESPONSE_BASELINE_MIN = 10;

/** Event shapes, checked by hand: field name → predicate. `at` is checked apart. */
const str = (v) => typeof v === 'string' && v.length > 0;
const SHAPES = {
  'instrument.completed': {
    instrument: (v) => v === 'phq2' || v === 'phq9',
    answers: (v) =>
      Array.isArray(v) &&
      v.length <= 20 &&
      v.every((a) => a === null || (typeof a === 'number' && Number.isFinite(a))),
  },
  'task.completed': { task: str, outcome: (v) => v === undefined || str(v) },
  'timer.fired': { timer: str },
  'contact.logged': {
    role: str,
    minutes: (v) => Number.isInteger(v) && v >= 1 && v <= 600,
  },
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A refusal code, or null when the event is well formed and can be taken now.
 * @param {Record<string, unknown>} state @param {any} event
 */
export function refuse(state, event) {
  if (event === null || typeof event !== 'object') return 'event.shape';
  const shape = SHAPES[event.type];
  if (!shape) return 'event.type';
  for (const key of Object.keys(event))
    if (key !== 'type' && key !== 'at' && key !== 'note' && !(key in shape)) return 'event.shape';
  for (const [key, ok] of Object.entries(shape)) if (!ok(event[key])) return `event.${key}`;
  if (typeof event.at !== 'string' || !ISO.test(event.at)) return 'event.at';
  const at = Date.parse(event.at);
  if (Number.isNaN(at)) return 'event.at';
  if (at < state.clockMs) return 'event.out-of-order';
  if (state.status !== 'active') return 'event.instance-finished';
  if (event.type === 'task.completed' && !state.open.tasks.some((t) => t.node === event.task))
    return 'event.task-not-open';
  if (event.type === 'timer.fired' && !state.open.timers.some((t) => t.id === event.timer))
    return 'event.timer-not-open';
  return null;
}

// ---- pure updates of the clinical state -----------------------------------------------------

const iso = (ms) => new Date(ms).toISOString();

/** The node's open work and its effects: what the engine's `enterNode` does for these kinds. */
const NODES = {
  'phq2-screen': { task: { role: 'medical-assistant', title: 'Administer PHQ-2' }, phq: 'phq2' },
  'phq9-assess': { task: { role: 'medical-assistant', title: 'Administer PHQ-9' }, phq: 'phq9' },
  enrol: {
    task: { role: 'care-manager', title: 'Engage patient in collaborative care', due: 7 * DAY },
    enrol: true,
  },
  'follow-up': {
    task: { role: 'care-manager', title: 'Follow-up PHQ-9', due: 'followUp' },
    phq: 'phq9',
    timer: true,
  },
  'caseload-review': {
    task: { role: 'psychiatric-consultant', title: 'Psychiatric caseload review' },
  },
  'safety-assessment': {
    task: { role: 'pcp', title: 'Same-day suicide risk assessment', due: 4 * HOUR },
    priority: 'urgent',
  },
};

function openTask(s, fx, node, spec, dueMs) {
  const id = `${node}#${++s.seq}`;
  const task = {
    id,
    node,
    role: spec.task.role,
    title: spec.task.title,
    priority: spec.priority ?? 'routine',
    due: dueMs === null ? null : iso(dueMs),
    ...(spec.phq ? { instrument: spec.phq } : {}),
  };
  s.open.tasks.push(task);
  fx.push({ kind: 'task', action: 'create', ...task });
}

function scheduleTimer(s, fx, node, dueMs) {
  const timer = { id: `${node}.timer#${++s.seq}`, node, dueAt: iso(dueMs) };
  s.open.timers.push(timer);
  fx.push({ kind: 'timer', action: 'schedule', ...timer });
}

/** Copies what a step may change, so the previous snapshot's context stays untouched. */
const fork = (s) => ({
  ...s,
  open: { tasks: [...s.open.tasks], timers: [...s.open.timers] },
});

function enter(s0, fx, node) {
  const s = fork(s0);
  s.node = node;
  const spec = NODES[node];
  if (spec?.enrol && s.enrolledAt === null) s.enrolledAt = s.clock;
  if (spec) {
    const due = spec.task.due;
    const dueMs =
      due === undefined
        ? null
        : s.clockMs + (due === 'followUp' ? s.params.followUpDays * DAY : due);
    openTask(s, fx, node, spec, dueMs);
    if (spec.timer) scheduleTimer(s, fx, node, dueMs);
  }
  return s;
}

function leave(s0, fx, node) {
  const s = fork(s0);
  for (const t of s.open.tasks)
    if (t.node === node) fx.push({ kind: 'task', action: 'cancel', id: t.id, node });
  for (const t of s.open.timers)
    if (t.node === node) fx.push({ kind: 'timer', action: 'cancel', id: t.id, node });
  s.open.tasks = s.open.tasks.filter((t) => t.node !== node);
  s.open.timers = s.open.timers.filter((t) => t.node !== node);
  return s;
}

function finish(s0, fx, node, outcome) {
  const s = fork(s0);
  for (const t of s.open.tasks) fx.push({ kind: 'task', action: 'cancel', id: t.id, node: t.node });
  for (const t of s.open.timers)
    fx.push({ kind: 'timer', action: 'cancel', id: t.id, node: t.node });
  fx.push({ kind: 'outcome', outcome, node, status: 'completed' });
  return { ...s, node, status: 'completed', outcome, open: { tasks: [], timers: [] } };
}

/** A new score: the facts the rules read, as the engine's score record keeps them. */
function recordScore(s, score) {
  const prev = s.scores[score.instrument];
  const value = score.total;
  const remission = score.instrument === 'phq9' && value !== null && value < REMISSION_BELOW;
  const rec = {
    count: (prev?.count ?? 0) + 1,
    baseline: prev?.baseline ?? value,
    latest: value,
    previous: prev?.latest ?? null,
    lastAt: s.clock,
    positive: score.positive,
    band: score.band,
    remissionStreak: remission ? (prev?.remissionStreak ?? 0) + 1 : 0,
  };
  s.scores = { ...s.scores, [score.instrument]: rec };
  s.lastEngagementAt = s.clock;
  if (s.overdue === score.instrument) s.overdue = null;
}

/** Completes the open instrument task(s) of the node and cancels its follow-up timer. */
function closeInstrumentWork(s, fx, node, instrument) {
  for (const t of s.open.tasks)
    if (t.node === node && t.instrument === instrument)
      fx.push({ kind: 'task', action: 'complete', id: t.id, node });
  for (const t of s.open.timers)
    if (t.node === node) fx.push({ kind: 'timer', action: 'cancel', id: t.id, node });
  s.open.tasks = s.open.tasks.filter((t) => !(t.node === node && t.instrument === instrument));
  s.open.timers = s.open.timers.filter((t) => t.node !== node);
}

const weeksSince = (s, from) => Math.floor((s.clockMs - Date.parse(from)) / (7 * DAY));

/** IMPACT's not-improving rule on the PHQ-9: no response and no remission by the review week. */
function notImproving(s) {
  const r = s.scores.phq9;
  if (!r || s.enrolledAt === null || weeksSince(s, s.enrolledAt) < s.params.reviewWeek)
    return false;
  const response =
    r.baseline !== null && r.baseline >= RESPONSE_BASELINE_MIN && r.latest <= r.baseline * 0.5;
  return !response && !(r.latest < REMISSION_BELOW);
}

// ---- the machine ------------------------------------------------------------------------------

const advance = { type: 'engine.advance' };

export function buildClinicalMachine() {
  /** Starts each external event: a fresh effects list, the clock at the event's time. */
  const begin = (context, event) => ({
    state: { ...fork(context.state), clock: event.at, clockMs: Date.parse(event.at) },
    effects: [],
  });
  return setup({
    guards: {
      phq2Positive: ({ context }) => context.state.scores.phq2?.positive === true,
      phq9AtThreshold: ({ context }) =>
        (context.state.scores.phq9?.latest ?? -1) >= context.state.params.phq9Threshold,
      remittedTwice: ({ context }) => (context.state.scores.phq9?.remissionStreak ?? 0) >= 2,
      notImproving: ({ context }) => notImproving(context.state),
      steppedUp: ({ context }) => context.state.outcomes['caseload-review'] === 'step-up',
    },
    actions: {
      enter: enqueueActions(({ context, enqueue }, /** @type {{ node: string }} */ p) => {
        const effects = [...context.effects];
        enqueue.assign({ state: enter(context.state, effects, p.node), effects });
      }),
      leave: enqueueActions(({ context, enqueue }, /** @type {{ node: string }} */ p) => {
        const effects = [...context.effects];
        enqueue.assign({ state: leave(context.state, effects, p.node), effects });
      }),
      finish: enqueueActions(
        ({ context, enqueue }, /** @type {{ node: string, outcome: string }} */ p) => {
          const effects = [...context.effects];
          enqueue.assign({ state: finish(context.state, effects, p.node, p.outcome), effects });
        },
      ),
      instrument: enqueueActions(({ context, event, enqueue }) => {
        const { state: s, effects } = begin(context, event);
        const scored = event.score;
        recordScore(s, scored);
        if (scored.critical) {
          const items = scored.criticalItems;
          s.safety = { since: s.safety?.since ?? s.clock, instrument: scored.instrument, items };
          effects.push({
            kind: 'alert',
            id: `alert#${++s.seq}`,
            priority: scored.risk === 'high' || scored.risk === 'acute' ? 'emergent' : 'urgent',
            reason: 'critical-item',
            instrument: scored.instrument,
            items,
            role: 'pcp',
            message: `PHQ-9 item 9 (thoughts of death or self-harm) is positive (item ${items.join(', ')}): assess suicide risk today`,
          });
        }
        const awaited = NODES[s.node]?.phq === event.instrument;
        if (awaited) closeInstrumentWork(s, effects, s.node, event.instrument);
        enqueue.assign({ state: s, effects });
        if (scored.critical) enqueue.raise({ type: 'engine.safety' });
        else if (awaited) enqueue.raise(advance);
      }),
      task: enqueueActions(({ context, event, enqueue }) => {
        const { state: s, effects } = begin(context, event);
        for (const t of s.open.tasks)
          if (t.node === event.task)
            effects.push({ kind: 'task', action: 'complete', id: t.id, node: t.node });
        s.open.tasks = s.open.tasks.filter((t) => t.node !== event.task);
        s.outcomes = { ...s.outcomes, [event.task]: event.outcome ?? 'completed' };
        if (event.task === 'safety-assessment') s.safety = null;
        enqueue.assign({ state: s, effects });
        if (s.node === event.task) enqueue.raise(advance);
      }),
      timer: enqueueActions(({ context, event, enqueue }) => {
        const { state: s, effects } = begin(context, event);
        const timer = s.open.timers.find((t) => t.id === event.timer);
        s.open.timers = s.open.timers.filter((t) => t.id !== event.timer);
        if (timer.node === 'follow-up' && s.overdue === null) s.overdue = 'phq9';
        enqueue.assign({ state: s, effects });
        if (timer.node === s.node) enqueue.raise(advance);
      }),
      contact: enqueueActions(({ context, event, enqueue }) => {
        const { state: s, effects } = begin(context, event);
        const c = s.contacts;
        s.contacts = { count: c.count + 1, minutes: c.minutes + event.minutes, lastAt: s.clock };
        s.lastEngagementAt = s.clock;
        enqueue.assign({ state: s, effects });
      }),
      reschedule: enqueueActions(({ context, enqueue }) => {
        const s = fork(context.state);
        const effects = [...context.effects];
        const due = s.clockMs + s.params.followUpDays * DAY;
        if (!s.open.tasks.some((t) => t.node === 'follow-up'))
          openTask(s, effects, 'follow-up', NODES['follow-up'], due);
        if (!s.open.timers.some((t) => t.node === 'follow-up'))
          scheduleTimer(s, effects, 'follow-up', due);
        enqueue.assign({ state: s, effects });
      }),
      stepUp: enqueueActions(({ context, enqueue }) => {
        const s = context.state;
        enqueue.assign({ state: { ...s, stepLevel: Math.min(3, s.stepLevel + 1) } });
      }),
    },
  }).createMachine({
    id: 'depression-mini-clinical',
    initial: 'phq2-screen',
    // Total, like the engine's: the scope's throwaway actor is built without an input.
    context: ({ input }) => ({
      state: {
        status: 'active',
        node: 'phq2-screen',
        clock: input?.at ?? '1970-01-01T00:00:00.000Z',
        clockMs: Date.parse(input?.at ?? '1970-01-01T00:00:00.000Z'),
        patient: input?.patient ?? {},
        params: { phq2Threshold: 3, phq9Threshold: 10, followUpDays: 14, reviewWeek: 10 },
        enrolledAt: null,
        stepLevel: 1,
        scores: {},
        outcomes: {},
        contacts: { count: 0, minutes: 0, lastAt: null },
        lastEngagementAt: input?.at ?? null,
        safety: null,
        overdue: null,
        outcome: null,
        open: { tasks: [], timers: [] },
        seq: 0,
      },
      effects: [],
    }),
    on: {
      'instrument.completed': { actions: 'instrument' },
      'task.completed': { actions: 'task' },
      'timer.fired': { actions: 'timer' },
      'contact.logged': { actions: 'contact' },
      'engine.safety': { target: '.safety-assessment', reenter: true },
    },
    states: {
      'phq2-screen': {
        entry: { type: 'enter', params: { node: 'phq2-screen' } },
        exit: { type: 'leave', params: { node: 'phq2-screen' } },
        on: {
          'engine.advance': [
            { guard: 'phq2Positive', target: 'phq9-assess' },
            { target: 'negative' },
          ],
        },
      },
      'phq9-assess': {
        entry: { type: 'enter', params: { node: 'phq9-assess' } },
        exit: { type: 'leave', params: { node: 'phq9-assess' } },
        on: { 'engine.advance': { target: 'severity' } },
      },
      severity: {
        entry: { type: 'enter', params: { node: 'severity' } },
        always: [{ guard: 'phq9AtThreshold', target: 'enrol' }, { target: 'negative' }],
      },
      enrol: {
        entry: { type: 'enter', params: { node: 'enrol' } },
        exit: { type: 'leave', params: { node: 'enrol' } },
        on: { 'engine.advance': { target: 'follow-up' } },
      },
      'follow-up': {
        entry: { type: 'enter', params: { node: 'follow-up' } },
        exit: { type: 'leave', params: { node: 'follow-up' } },
        on: {
          'engine.advance': [
            { guard: 'remittedTwice', target: 'remitted' },
            { guard: 'notImproving', target: 'caseload-review' },
            { actions: 'reschedule' },
          ],
        },
      },
      'caseload-review': {
        entry: { type: 'enter', params: { node: 'caseload-review' } },
        exit: { type: 'leave', params: { node: 'caseload-review' } },
        on: {
          'engine.advance': [{ guard: 'steppedUp', target: 'step-up' }, { target: 'follow-up' }],
        },
      },
      'step-up': {
        entry: [{ type: 'enter', params: { node: 'step-up' } }, 'stepUp'],
        always: { target: 'follow-up' },
      },
      'safety-assessment': {
        entry: { type: 'enter', params: { node: 'safety-assessment' } },
        exit: { type: 'leave', params: { node: 'safety-assessment' } },
        on: { 'engine.advance': { target: 'severity' } },
      },
      negative: {
        type: 'final',
        entry: { type: 'finish', params: { node: 'negative', outcome: 'screen-negative' } },
      },
      remitted: {
        type: 'final',
        entry: { type: 'finish', params: { node: 'remitted', outcome: 'remission' } },
      },
    },
  });
}

/**
 * One step of variant D: check the event, score an instrument once, then run the machine.
 * Returns the next snapshot, or a refusal code with the snapshot unchanged.
 * @param {any} machine @param {any} scope @param {any} snapshot @param {any} event
 * @param {(id: string, answers: unknown[], options: object) => any} scoreInstrument
 */
export function clinicalStep(machine, scope, snapshot, event, scoreInstrument) {
  const s = snapshot.context.state;
  const refused = refuse(s, event);
  if (refused) return { ok: false, code: refused, snapshot };
  let input = event;
  if (event.type === 'instrument.completed') {
    const options = event.instrument === 'phq2' ? { threshold: s.params.phq2Threshold } : {};
    if (s.patient.sex) options.sex = s.patient.sex;
    const r = scoreInstrument(event.instrument, event.answers, options);
    if (!r.ok) return { ok: false, code: r.problems[0].code, snapshot };
    input = { ...event, score: r.value };
  }
  return { ok: true, snapshot: machine.transition(snapshot, input, scope) };
}
