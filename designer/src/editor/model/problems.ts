import type { Problem } from '@care-pathways/engine';
import type { Def } from './doc.js';
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

export interface LocatedProblem extends Problem {
  target: Target;
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
  for (const p of sorted) {
    const target = locate(def, p.path, keys);
    out.problems.push({ ...p, target });
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

/** "Node phq9-assess · instrument", "Transition a → b · when", "Parameter x · max", "Pathway · title". */
export function describeTarget(t: Target): string {
  const f = t.field ? ` · ${t.field}` : '';
  switch (t.kind) {
    case 'node':
      return `Node ${t.id}${f}`;
    case 'edge':
      return `Transition ${t.id}${f}`;
    case 'parameter':
      return `Parameter ${t.name}${f}`;
    case 'pathway':
      return `Pathway${f}`;
  }
}
