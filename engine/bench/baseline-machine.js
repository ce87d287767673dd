/**
 * The baseline: the depression fixture written by hand as an XState v5 machine of the same shape
 * as the one the engine compiles (runtime/machine.ts): the same flat states, the same transitions
 * in the same order, facts recorded by root-level handlers that raise `engine.advance` when the
 * current node was waiting for the event, `always` branches on decision and step nodes, a monitor
 * that stays put when no exit holds. Guards are plain JavaScript over a small context kept with
 * `assign`; there is no event validation, instrument scoring beyond a sum, fact view, json-logic,
 * open-work bookkeeping, effects or trace. What the engine costs on top of this is its overhead.
 *
 * Its context factory is total (no input gives an empty context), like the engine's, so an actor
 * built without an input (an inert scope's `self`, or `transition()`'s throwaway actor) does not
 * fail.
 */
import { assign, createActor, enqueueActions, setup } from 'xstate';

const DAY = 86_400_000;
const PARAMS = { phq2Threshold: 3, phq9Threshold: 10, reviewWeek: 10 };

/** Which instrument each node waits for. */
const AWAITS = { 'phq2-screen': 'phq2', 'phq9-assess': 'phq9', 'follow-up': 'phq9' };

const sum9 = (/** @type {number[]} */ answers) =>
  answers.slice(0, 9).reduce((a, b) => a + (b ?? 0), 0);

/**
 * @typedef {{
 *   node: string, clock: string, enrolledAt: string | null, stepLevel: number,
 *   phq2: { total: number, positive: boolean } | null,
 *   phq9: { latest: number, baseline: number, remissionStreak: number, count: number } | null,
 *   outcomes: Record<string, string>, safety: boolean, overdue: boolean, followUps: number,
 *   outcome: string | null,
 * }} Ctx
 */

/** @param {{ context: Ctx }} arg */
const notImproving = ({ context: c }) => {
  if (!c.phq9 || c.enrolledAt === null) return false;
  const weeks = Math.floor((Date.parse(c.clock) - Date.parse(c.enrolledAt)) / (7 * DAY));
  const response = c.phq9.baseline >= 10 && c.phq9.latest <= c.phq9.baseline * 0.5;
  return weeks >= PARAMS.reviewWeek && !response && c.phq9.latest >= 5;
};

const advance = { type: 'engine.advance' };

export function buildBaselineMachine() {
  return setup({
    guards: {
      phq2Positive: ({ context }) => context.phq2?.positive === true,
      phq9AtThreshold: ({ context }) => (context.phq9?.latest ?? -1) >= PARAMS.phq9Threshold,
      remittedTwice: ({ context }) => (context.phq9?.remissionStreak ?? 0) >= 2,
      notImproving,
      steppedUp: ({ context }) => context.outcomes['caseload-review'] === 'step-up',
    },
    actions: {
      enter: assign(({ context }, /** @type {{ node: string }} */ p) => ({
        node: p.node,
        enrolledAt: p.node === 'enrol' ? (context.enrolledAt ?? context.clock) : context.enrolledAt,
      })),
      instrument: enqueueActions(({ context, event, enqueue }) => {
        const answers = /** @type {number[]} */ (event.answers);
        const total = sum9(answers);
        const at = event.at;
        if (event.instrument === 'phq2') {
          enqueue.assign({ clock: at, phq2: { total, positive: total >= PARAMS.phq2Threshold } });
        } else {
          const prev = context.phq9;
          enqueue.assign({
            clock: at,
            overdue: false,
            safety: context.safety || (answers[8] ?? 0) > 0,
            phq9: {
              latest: total,
              baseline: prev?.baseline ?? total,
              remissionStreak: total < 5 ? (prev?.remissionStreak ?? 0) + 1 : 0,
              count: (prev?.count ?? 0) + 1,
            },
          });
        }
        if (event.instrument === 'phq9' && (answers[8] ?? 0) > 0)
          enqueue.raise({ type: 'engine.safety' });
        else if (AWAITS[context.node] === event.instrument) enqueue.raise(advance);
      }),
      task: enqueueActions(({ context, event, enqueue }) => {
        enqueue.assign({
          clock: event.at,
          outcomes: { ...context.outcomes, [event.task]: event.outcome ?? 'completed' },
          safety: event.task === 'safety-assessment' ? false : context.safety,
        });
        if (context.node === event.task) enqueue.raise(advance);
      }),
      timer: enqueueActions(({ context, event, enqueue }) => {
        enqueue.assign({ clock: event.at, overdue: true });
        if (context.node === 'follow-up') enqueue.raise(advance);
      }),
      contact: assign(({ event }) => ({ clock: event.at })),
      reschedule: assign(({ context }) => ({ followUps: context.followUps + 1 })),
      stepUp: assign(({ context }) => ({ stepLevel: Math.min(3, context.stepLevel + 1) })),
      finish: assign((_, /** @type {{ outcome: string }} */ p) => ({ outcome: p.outcome })),
    },
  }).createMachine({
    id: 'depression-mini-baseline',
    initial: 'phq2-screen',
    context: ({ input }) => ({
      node: 'phq2-screen',
      clock: input?.at ?? '1970-01-01T00:00:00.000Z',
      enrolledAt: null,
      stepLevel: 1,
      phq2: null,
      phq9: null,
      outcomes: {},
      safety: false,
      overdue: false,
      followUps: 0,
      outcome: null,
    }),
    on: {
      'instrument.completed': { actions: 'instrument' },
      'task.completed': { actions: 'task' },
      'timer.fired': { actions: 'timer' },
      'contact.logged': { actions: 'contact' },
      'engine.safety': { target: '.safety-assessment', reenter: true },
      discharge: { target: '.exited' },
    },
    states: {
      'phq2-screen': {
        entry: { type: 'enter', params: { node: 'phq2-screen' } },
        on: {
          'engine.advance': [
            { guard: 'phq2Positive', target: 'phq9-assess' },
            { target: 'negative' },
          ],
        },
      },
      'phq9-assess': {
        entry: { type: 'enter', params: { node: 'phq9-assess' } },
        on: { 'engine.advance': { target: 'severity' } },
      },
      severity: {
        entry: { type: 'enter', params: { node: 'severity' } },
        always: [{ guard: 'phq9AtThreshold', target: 'enrol' }, { target: 'negative' }],
      },
      enrol: {
        entry: { type: 'enter', params: { node: 'enrol' } },
        on: { 'engine.advance': { target: 'follow-up' } },
      },
      'follow-up': {
        entry: { type: 'enter', params: { node: 'follow-up' } },
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
        on: { 'engine.advance': { target: 'severity' } },
      },
      negative: {
        type: 'final',
        entry: [
          { type: 'enter', params: { node: 'negative' } },
          { type: 'finish', params: { outcome: 'screen-negative' } },
        ],
      },
      remitted: {
        type: 'final',
        entry: [
          { type: 'enter', params: { node: 'remitted' } },
          { type: 'finish', params: { outcome: 'remission' } },
        ],
      },
      exited: { type: 'final' },
    },
  });
}

/**
 * An actor scope made once and reused, for calling `machine.transition(snapshot, event, scope)`
 * directly: what the engine does (runtime/scope.ts, `scopeOf`), field for field. XState's pure
 * `transition()` instead builds a fresh inert scope, and with it a throwaway actor whose
 * constructor computes the machine's initial snapshot, on every call. Fine for a flat machine with
 * no children, delays or custom executable actions, like these.
 * @param {import('xstate').AnyStateMachine} machine
 */
export function reusedScope(machine) {
  const self = createActor(machine, { input: undefined });
  const nothing = () => {};
  return {
    self,
    defer: nothing,
    id: '',
    logger: nothing,
    sessionId: '',
    stopChild: nothing,
    system: self.system,
    emit: nothing,
    actionExecutor: nothing,
  };
}
