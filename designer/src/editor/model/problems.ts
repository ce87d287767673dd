import type { Problem } from '@care-pathways/engine';
import type { Def } from './doc.js';
import { factLabel } from './facts.js';
import { nodeTitle } from './kinds.js';
import { transitionKeys } from './keys.js';

/** Where on the screen a problem belongs. */
export type Target =
  | { kind: 'node'; id: string; field?: string }
  | { kind: 'edge'; id: string; index: number; field?: string }
  | { kind: 'parameter'; name: string; field?: string }
  | { kind: 'pathway'; field?: string };

export interface Issue {
  severity: 'error' | 'warning';
  messages: string[];
}

/** A problem in the lead's words (`message`), with the engine's own text kept for implementers. */
export interface LocatedProblem extends Problem {
  target: Target;
  /** Where, in the lead's words: `describeTarget` with the draft's titles. */
  where: string;
  engineMessage: string;
}

export interface ProblemMap {
  problems: LocatedProblem[];
  nodes: Map<string, Issue>;
  edges: Map<string, Issue>;
  parameters: Map<string, Issue>;
}

const INDEXED = /^\$\.(nodes|transitions)\[(\d+)\](?:\.([A-Za-z_$][\w$]*))?/;
const PARAM = /^\$\.parameters(?:\.([A-Za-z][A-Za-z0-9]*)|\["([^"]+)"\])(?:\.(\w+))?/;
const TOP = /^\$\.([A-Za-z_$][\w$]*)/;

/** Maps a problem's JSON path to the node, edge, parameter or pathway field at fault. */
export function locate(def: Def, path: string, keys = transitionKeys(def.transitions)): Target {
  const m = INDEXED.exec(path);
  if (m) {
    const i = Number(m[2]);
    const field = m[3];
    if (m[1] === 'nodes') {
      const id = def.nodes[i]?.id;
      if (typeof id === 'string') return { kind: 'node', id, ...(field ? { field } : {}) };
    } else if (keys[i] !== undefined) {
      return { kind: 'edge', id: keys[i], index: i, ...(field ? { field } : {}) };
    }
    return { kind: 'pathway', field: m[1] };
  }
  const p = PARAM.exec(path);
  if (p) {
    const field = p[3];
    return { kind: 'parameter', name: (p[1] ?? p[2])!, ...(field ? { field } : {}) };
  }
  const nodeIds = new Set(def.nodes.map((n) => n.id));
  if (path === '$.start' && nodeIds.has(def.start))
    return { kind: 'node', id: def.start, field: 'start' };
  if (path.startsWith('$.safety') && def.safety && nodeIds.has(def.safety.route))
    return { kind: 'node', id: def.safety.route, field: 'safety' };
  const top = TOP.exec(path);
  return top ? { kind: 'pathway', field: top[1]! } : { kind: 'pathway' };
}

/** A node as a person knows it: its title (or the kind's default title the canvas shows). */
export function nodeName(def: Def, id: string): string {
  const n = def.nodes.find((x) => x.id === id);
  return n ? nodeTitle(n) : id;
}

/** "Acute follow-up → Outreach hold (no engagement for the outreach period)". */
export function transitionName(def: Def, index: number): string | null {
  const t = def.transitions[index];
  if (!t) return null;
  const label = typeof t.label === 'string' && t.label ? ` (${t.label})` : '';
  return `${nodeName(def, t.from)} → ${nodeName(def, t.to)}${label}`;
}

const FACT_VALUE = (v: string): string => {
  try {
    const x: unknown = JSON.parse(v);
    if (Array.isArray(x)) return x.length ? x.join(', ') : 'none';
    if (x === true) return 'yes';
    if (x === false) return 'no';
    if (x === null) return 'not yet scored';
    return String(x);
  } catch {
    return v;
  }
};

/** `phq9.latest = 4, flags = ["x"]` → "PHQ-9 latest is 4, flags include x" (parameters by label). */
function plainExample(def: Def, example: string): string {
  return example
    .split(/, (?=[A-Za-z][\w.]* = )/)
    .map((part) => {
      const m = /^([A-Za-z][\w.]*) = (.*)$/.exec(part);
      if (!m) return part;
      const name = m[1]!;
      const param = name.startsWith('params.') ? def.parameters?.[name.slice(7)] : undefined;
      const label = (param as { label?: string } | undefined)?.label ?? factLabel(name);
      const list = m[2]!.startsWith('[') && m[2] !== '[]';
      return `${label} ${list ? 'include' : 'is'} ${FACT_VALUE(m[2]!)}`;
    })
    .join(', ');
}

/**
 * An engine message in a clinical lead's words: transitions and nodes named by their titles
 * instead of JSON paths and ids, the overlap example in plain fact names, and advice to edit JSON
 * turned into where to click. The engine's text stays on the problem as `engineMessage`.
 */
export function plainMessage(def: Def, message: string): string {
  const ids = new Set(def.nodes.map((n) => n.id));
  return message
    .replace(/\$\.transitions\[(\d+)\](?:\.when)?/g, (whole, i: string) => {
      const name = transitionName(def, Number(i));
      return name ? `“${name}”` : whole;
    })
    .replace(/\$\.nodes\[(\d+)\]/g, (whole, i: string) => {
      const n = def.nodes[Number(i)];
      return n ? `“${nodeTitle(n)}”` : whole;
    })
    .replace(
      /\(both hold when ([^()]*)\)/,
      (_, ex: string) => `(both hold when ${plainExample(def, ex)})`,
    )
    .replace(/add "safety": \{ "route": "<node id>" \}/, 'choose a safety route in the Pathway tab')
    .replace(/"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"/g, (whole, id: string) =>
      ids.has(id) ? `“${nodeName(def, id)}”` : whole,
    );
}

const worst = (a: Issue | undefined, p: Problem): Issue => ({
  severity: a?.severity === 'error' || p.severity === 'error' ? 'error' : 'warning',
  messages: [...(a?.messages ?? []), p.message],
});

/** Groups problems by what they point at, errors first; one pass over the problems. */
export function mapProblems(def: Def, problems: readonly Problem[]): ProblemMap {
  const keys = transitionKeys(def.transitions);
  const out: ProblemMap = {
    problems: [],
    nodes: new Map(),
    edges: new Map(),
    parameters: new Map(),
  };
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  for (const raw of sorted) {
    const target = locate(def, raw.path, keys);
    const p: LocatedProblem = {
      ...raw,
      message: plainMessage(def, raw.message),
      engineMessage: raw.message,
      target,
      where: describeTarget(target, def),
    };
    out.problems.push(p);
    if (target.kind === 'node') out.nodes.set(target.id, worst(out.nodes.get(target.id), p));
    else if (target.kind === 'edge') out.edges.set(target.id, worst(out.edges.get(target.id), p));
    else if (target.kind === 'parameter')
      out.parameters.set(target.name, worst(out.parameters.get(target.name), p));
  }
  return out;
}

const sameIssue = (a: Issue | undefined, b: Issue) =>
  !!a &&
  a.severity === b.severity &&
  a.messages.length === b.messages.length &&
  a.messages.every((m, i) => m === b.messages[i]);

function sameIssues<K>(a: ReadonlyMap<K, Issue>, b: ReadonlyMap<K, Issue>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, issue] of b) if (!sameIssue(a.get(k), issue)) return false;
  return true;
}

const sameTarget = (a: Target, b: Target) => JSON.stringify(a) === JSON.stringify(b);

function sameProblems(a: readonly LocatedProblem[], b: readonly LocatedProblem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return (
        p.code === q.code &&
        p.path === q.path &&
        p.message === q.message &&
        p.where === q.where &&
        p.severity === q.severity &&
        sameTarget(p.target, q.target)
      );
    })
  );
}

/**
 * `mapProblems` that remembers its last answer and gives back the very same map, or the very same
 * per-node and per-edge maps, when a new validation result says the same as the last one (the
 * usual case while typing). The canvas then has nothing to redraw: a new map would make every
 * node and edge of a 300-node pathway be compared and re-stored for nothing.
 */
export function createProblemMapper() {
  let last: ProblemMap | null = null;
  return (def: Def, problems: readonly Problem[]): ProblemMap => {
    const next = mapProblems(def, problems);
    if (!last) return (last = next);
    if (sameProblems(last.problems, next.problems)) return last;
    last = {
      problems: next.problems,
      nodes: sameIssues(last.nodes, next.nodes) ? last.nodes : next.nodes,
      edges: sameIssues(last.edges, next.edges) ? last.edges : next.edges,
      parameters: sameIssues(last.parameters, next.parameters) ? last.parameters : next.parameters,
    };
    return last;
  };
}

/** Field names as the inspector and Pathway tab label them. */
const FIELD_LABEL: Record<string, string> = {
  when: 'condition',
  otherwise: 'otherwise',
  to: 'destination',
  from: 'source',
  every: 'repeat every',
  until: 'until',
  due: 'due',
  role: 'role',
  instrument: 'instrument',
  duration: 'duration',
  safety: 'safety route',
  start: 'start node',
  steps: 'step levels',
  scoring: 'positive-screen thresholds',
  measure: 'outcome measure',
  instruments: 'instruments',
  roles: 'practice roles',
  layout: 'layout',
  transitions: 'transitions',
  nodes: 'nodes',
};

/**
 * "Task “Engage patient” · role", "Transition “Acute follow-up → Outreach hold” · condition",
 * "Parameter “Outreach after” · max", "Pathway · safety route"; ids only when there is no `def`.
 */
export function describeTarget(t: Target, def?: Def): string {
  const f = t.field ? ` · ${FIELD_LABEL[t.field] ?? t.field}` : '';
  switch (t.kind) {
    case 'node':
      return def ? `Node “${nodeName(def, t.id)}”${f}` : `Node ${t.id}${f}`;
    case 'edge': {
      const name = def ? transitionName(def, t.index) : null;
      return name ? `Transition “${name}”${f}` : `Transition ${t.id}${f}`;
    }
    case 'parameter': {
      const label = (def?.parameters?.[t.name] as { label?: string } | undefined)?.label;
      return label ? `Parameter “${label}”${f}` : `Parameter ${t.name}${f}`;
    }
    case 'pathway':
      return `Pathway${f}`;
  }
}

/**
 * The id of the control a pathway-level problem is about, in the Pathway tab (see PathwayPanel),
 * or null when the problem belongs on the canvas.
 */
export function fieldAnchor(t: Target): string | null {
  if (t.kind === 'parameter') return `param-${t.name}`;
  if (t.kind !== 'pathway') return null;
  return `ed-pathway-${t.field ?? 'title'}`;
}
