import type { PathwayDefinition } from '../definition/schema.js';
import type { InstanceState, Patient } from '../runtime/state.js';
import { start, step } from '../runtime/step.js';
import { REFERRAL_STATUSES } from '../runtime/events.js';
import { nodeMap } from '../runtime/nodes.js';
import { answerSamples } from './samples.js';

/**
 * Model-based exploration of a pathway: breadth-first over abstract patient states, driving the
 * real `step()` with representative events (each score band and critical item of each instrument,
 * every task outcome, every referral status, every timer, and the passage of weeks). It proves,
 * within its bounds, that every node is reachable, that every state can still reach an end, and
 * that no patient is left waiting with nothing open (no task, timer or referral): "stuck".
 */
export interface ExploreOptions {
  params?: Record<string, unknown>;
  patient?: Patient;
  /** Stop after this many distinct abstract states (default 4000). */
  maxStates?: number;
  /** Days to let pass before a score (default: 1, 14 and 42). */
  gaps?: number[];
}

export interface StuckState {
  node: string;
  path: string[];
}

export interface Coverage {
  states: number;
  transitions: number;
  complete: boolean;
  nodes: { total: number; reached: string[]; unreached: string[] };
  edges: { total: number; taken: number; untaken: string[] };
  outcomes: string[];
  /** Abstract states from which no end can be reached by the explored events. */
  cannotFinish: StuckState[];
  /** Active states with no open task, timer or referral: the patient waits on nothing. */
  stuck: StuckState[];
}

const DAY = 86_400_000;

/**
 * The task and referral outcomes the pathway's conditions can read (`outcomes.<node>`), or 'all'
 * when a condition reads the whole map or a computed variable name. Two states that differ only in
 * outcomes nobody reads behave alike, so the state key leaves those out; keying on every outcome
 * made the explored space grow with every combination of answers to unrelated tasks.
 */
export function outcomesRead(def: PathwayDefinition): Set<string> | 'all' {
  const read = new Set<string>();
  let all = false;
  const walk = (v: unknown): void => {
    if (all) return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [op, args] of Object.entries(v)) {
        if (op !== 'var') {
          walk(args);
          continue;
        }
        const name = Array.isArray(args) ? args[0] : args;
        if (typeof name !== 'string') all = true;
        else if (name === 'outcomes') all = true;
        else if (name.startsWith('outcomes.')) read.add(name.slice('outcomes.'.length));
        else walk(args);
      }
    }
  };
  walk([def.nodes, def.transitions]);
  return all ? 'all' : read;
}

function key(s: InstanceState, read: Set<string> | 'all'): string {
  const outcomes =
    read === 'all'
      ? s.outcomes
      : Object.fromEntries(
          Object.entries(s.outcomes)
            .filter(([node]) => read.has(node))
            .sort(([a], [b]) => a.localeCompare(b)),
        );
  const scores = Object.entries(s.scores).map(
    ([id, r]) =>
      `${id}:${r!.band}:${Math.min(r!.count, 2)}:${Math.min(r!.remissionStreak, 3)}:${r!.critical}`,
  );
  const weeks = Math.floor(
    (Date.parse(s.clock) - Date.parse(s.enrolledAt ?? s.startedAt)) / (7 * DAY),
  );
  const bucket = weeks < 4 ? 0 : weeks < 8 ? 1 : weeks < 12 ? 2 : weeks < 26 ? 3 : 4;
  return [
    s.status,
    s.node,
    s.flags.join(','),
    s.stepLevel,
    scores.sort().join(';'),
    JSON.stringify(outcomes),
    bucket,
    s.open.tasks.length,
    s.open.timers.length,
    s.open.referrals.length,
  ].join('|');
}

function candidateEvents(
  def: PathwayDefinition,
  s: InstanceState,
  gaps: number[],
): { label: string; event: Record<string, unknown> }[] {
  const out: { label: string; event: Record<string, unknown> }[] = [];
  const now = Date.parse(s.clock);
  const at = (t: number) => new Date(t).toISOString();
  const nodes = nodeMap(def);
  const current = nodes.get(s.node);
  // Scores: the instrument the current node waits for gets every sample; others are not sampled
  // (they only update facts), which keeps the space bounded.
  if (current && 'instrument' in current) {
    for (const gap of gaps) {
      for (const sample of answerSamples(current.instrument)) {
        out.push({
          label: `${current.instrument} ${sample.label} +${gap}d`,
          event: {
            type: 'instrument.completed',
            instrument: current.instrument,
            answers: sample.answers,
            at: at(now + gap * DAY),
          },
        });
      }
    }
  }
  for (const t of s.open.tasks) {
    const node = nodes.get(t.node);
    if (node?.kind !== 'task') continue;
    for (const outcome of node.outcomes ?? [undefined]) {
      for (const gap of [0, ...gaps.slice(1)])
        out.push({
          label: `${t.node} ${outcome ?? 'done'} +${gap}d`,
          event: {
            type: 'task.completed',
            task: t.node,
            ...(outcome ? { outcome } : {}),
            at: at(now + gap * DAY + 3_600_000),
          },
        });
    }
  }
  for (const r of s.open.referrals) {
    for (const status of REFERRAL_STATUSES)
      out.push({
        label: `${r.node} ${status}`,
        event: { type: 'referral.updated', referral: r.node, status, at: at(now + DAY) },
      });
  }
  for (const t of s.open.timers)
    out.push({ label: `${t.id} fired`, event: { type: 'timer.fired', timer: t.id, at: t.dueAt } });
  return out;
}

export function explore(def: PathwayDefinition, options: ExploreOptions = {}): Coverage {
  const maxStates = options.maxStates ?? 4000;
  const gaps = options.gaps ?? [1, 14, 42];
  const first = start(def, {
    at: '2026-01-05T09:00:00.000Z',
    patient: options.patient ?? { age: 40, sex: 'female' },
    params: options.params ?? {},
  });
  if (!first.ok)
    throw new Error(`cannot start ${def.id}: ${first.problems.map((p) => p.message).join('; ')}`);
  const states = new Map<string, { state: InstanceState; path: string[] }>();
  const next = new Map<string, Set<string>>();
  const reached = new Set<string>();
  const edges = new Set<string>();
  const outcomes = new Set<string>();
  const queue: string[] = [];
  const read = outcomesRead(def);
  const add = (s: InstanceState, path: string[]) => {
    const k = key(s, read);
    if (!states.has(k) && states.size < maxStates) {
      states.set(k, { state: s, path });
      queue.push(k);
    }
    return k;
  };
  reached.add(first.snapshot.node);
  for (const t of first.trace) edges.add(`${t.from}→${t.to}`);
  add(first.snapshot, []);
  let transitions = 0;
  while (queue.length) {
    const k = queue.shift()!;
    const { state, path } = states.get(k)!;
    if (state.status !== 'active') {
      if (state.outcome) outcomes.add(state.outcome);
      continue;
    }
    const succ = new Set<string>();
    for (const { label, event } of candidateEvents(def, state, gaps)) {
      const r = step(def, state, event, state.clock);
      if (!r.ok) continue;
      transitions++;
      for (const t of r.trace) {
        reached.add(t.to);
        if (t.from !== t.to || t.why !== 'recorded') edges.add(`${t.from}→${t.to}`);
      }
      reached.add(r.snapshot.node);
      if (path.length < 200) succ.add(add(r.snapshot, [...path, label]));
    }
    next.set(k, succ);
  }
  // Which explored states can still reach an end?
  const finishing = new Set(
    [...states].filter(([, v]) => v.state.status !== 'active').map(([k]) => k),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const [k, succ] of next) {
      if (!finishing.has(k) && [...succ].some((x) => finishing.has(x))) {
        finishing.add(k);
        changed = true;
      }
    }
  }
  const complete = states.size < maxStates;
  const cannotFinish: StuckState[] = [];
  const stuck: StuckState[] = [];
  for (const [k, { state, path }] of states) {
    if (state.status !== 'active') continue;
    const { tasks, timers, referrals } = state.open;
    if (tasks.length + timers.length + referrals.length === 0)
      stuck.push({ node: state.node, path });
    if (complete && next.has(k) && !finishing.has(k)) cannotFinish.push({ node: state.node, path });
  }
  const allEdges = def.transitions.map((t) => `${t.from}→${t.to}`);
  if (def.safety)
    for (const n of def.nodes) if (n.kind !== 'end') allEdges.push(`${n.id}→${def.safety.route}`);
  const definedEdges = new Set(def.transitions.map((t) => `${t.from}→${t.to}`));
  return {
    states: states.size,
    transitions,
    complete,
    nodes: {
      total: def.nodes.length,
      reached: def.nodes.map((n) => n.id).filter((id) => reached.has(id)),
      unreached: def.nodes.map((n) => n.id).filter((id) => !reached.has(id)),
    },
    edges: {
      total: definedEdges.size,
      taken: [...definedEdges].filter((e) => edges.has(e)).length,
      untaken: [...definedEdges].filter((e) => !edges.has(e)),
    },
    outcomes: [...outcomes].sort(),
    cannotFinish,
    stuck,
  };
}
