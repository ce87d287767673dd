/**
 * Patient traffic on the canvas: how many patients took each transition of a published version
 * (`GET /api/pathways/{id}/traffic?version=N`) and how many are at each node now, as stroke
 * widths, labels and node counts. Pure and framework-free; the overlay keeps the identity of every
 * node and edge whose figures did not change, so memoised node and edge views do not re-render.
 */
import type { FlowEdge, FlowNode } from './convert.js';
import { transitionKeys } from './keys.js';

/** What the server returns. */
export interface Traffic {
  pathwayId: string;
  version: number;
  instances: number;
  transitions: { index: number; from: string; to: string; instances: number; times: number }[];
  nodes: { id: string; active: number; completed: number }[];
  exited: number;
  offPath: { override: number; safety: number; discharge: number };
}

export interface EdgeTraffic {
  /** Patients who took the transition at least once. */
  instances: number;
  /** Times it was taken in all (monitors loop). */
  times: number;
  /** Stroke width in px, by `strokeWidth`. */
  width: number;
}
export interface NodeTraffic {
  active: number;
  completed: number;
}

export interface TrafficView {
  version: number;
  /** Patients ever started on the version. */
  total: number;
  /** The busiest edge's patient count (the top of the width scale). */
  max: number;
  /** By edge id (the editor's transition keys: `from → to`, `from → to (2)`). */
  edges: ReadonlyMap<string, EdgeTraffic>;
  nodes: ReadonlyMap<string, NodeTraffic>;
  offPath: Traffic['offPath'];
  exited: number;
}

export const MIN_WIDTH = 1.5;
export const MAX_WIDTH = 10;

/**
 * Stroke width for `count` patients when the busiest edge has `max`: by the square root, so the
 * area of ink grows with the count and one busy edge does not make the rest hairlines. An edge
 * nobody took keeps the thinnest stroke.
 */
export function strokeWidth(count: number, max: number): number {
  if (count <= 0 || max <= 0) return MIN_WIDTH;
  const w = 2.5 + (MAX_WIDTH - 2.5) * Math.sqrt(Math.min(count, max) / max);
  return Math.round(w * 10) / 10;
}

/** The server's counts keyed the way the canvas names its nodes and edges. */
export function trafficView(t: Traffic): TrafficView {
  const keys = transitionKeys(t.transitions);
  const max = Math.max(0, ...t.transitions.map((x) => x.instances));
  const edges = new Map<string, EdgeTraffic>();
  t.transitions.forEach((x, i) =>
    edges.set(keys[i]!, {
      instances: x.instances,
      times: x.times,
      width: strokeWidth(x.instances, max),
    }),
  );
  const nodes = new Map<string, NodeTraffic>();
  for (const n of t.nodes) nodes.set(n.id, { active: n.active, completed: n.completed });
  return {
    version: t.version,
    total: t.instances,
    max,
    edges,
    nodes,
    offPath: t.offPath,
    exited: t.exited,
  };
}

/** "1 patient", "3 patients". */
export const patients = (n: number) => `${n} patient${n === 1 ? '' : 's'}`;

/** What an edge's traffic says, in words: "3 patients (5 times)". */
export function edgeTrafficText(e: EdgeTraffic): string {
  return e.times > e.instances
    ? `${patients(e.instances)} (${e.times} times)`
    : patients(e.instances);
}

/** What a node's traffic says: "2 here now", "4 ended here", "2 here now, 1 ended here", "". */
export function nodeTrafficText(n: NodeTraffic): string {
  const parts: string[] = [];
  if (n.active) parts.push(`${n.active} here now`);
  if (n.completed) parts.push(`${n.completed} ended here`);
  return parts.join(', ');
}

/**
 * Legend steps: a few counts from 1 to the busiest edge, each with the width it is drawn at
 * (at most `steps`, no repeats).
 */
export function legendSteps(max: number, steps = 3): { count: number; width: number }[] {
  if (max <= 0) return [];
  const counts = new Set<number>();
  for (let i = 0; i < steps; i++)
    counts.add(Math.max(1, Math.round(1 + ((max - 1) * i) / Math.max(1, steps - 1))));
  return [...counts]
    .sort((a, b) => a - b)
    .map((count) => ({ count, width: strokeWidth(count, max) }));
}

const sameNode = (a: NodeTraffic | undefined, b: NodeTraffic | undefined) =>
  a === b || (!!a && !!b && a.active === b.active && a.completed === b.completed);
const sameEdge = (a: EdgeTraffic | undefined, b: EdgeTraffic | undefined) =>
  a === b ||
  (!!a && !!b && a.instances === b.instances && a.times === b.times && a.width === b.width);

/**
 * An overlay function with memory: given the canvas's nodes and edges and a traffic view (or null
 * when the overlay is off) it returns nodes and edges carrying `data.traffic`. A node or edge gets
 * a new object only when it or its figures changed; when nothing changed, the very same arrays
 * come back. Off, it returns its input untouched.
 */
export function createTrafficOverlay() {
  const nodeCache = new WeakMap<FlowNode, { t: NodeTraffic | undefined; out: FlowNode }>();
  const edgeCache = new WeakMap<FlowEdge, { t: EdgeTraffic | undefined; out: FlowEdge }>();
  let lastNodes: FlowNode[] = [];
  let lastEdges: FlowEdge[] = [];

  const keep = <T>(prev: T[], next: T[]): T[] =>
    prev.length === next.length && next.every((x, i) => x === prev[i]) ? prev : next;

  function node(n: FlowNode, view: TrafficView): FlowNode {
    const t = view.nodes.get(n.id);
    const counted = t && (t.active || t.completed) ? t : undefined;
    const hit = nodeCache.get(n);
    if (hit && sameNode(hit.t, counted)) return hit.out;
    const words = counted ? nodeTrafficText(counted) : '';
    const out: FlowNode = counted
      ? {
          ...n,
          ...(n.ariaLabel ? { ariaLabel: `${n.ariaLabel}; ${words}` } : {}),
          data: { ...n.data, traffic: counted },
        }
      : n;
    nodeCache.set(n, { t: counted, out });
    return out;
  }

  function edge(e: FlowEdge, view: TrafficView): FlowEdge {
    const t = view.edges.get(e.id) ?? { instances: 0, times: 0, width: MIN_WIDTH };
    const hit = edgeCache.get(e);
    if (hit && sameEdge(hit.t, t)) return hit.out;
    const out: FlowEdge = {
      ...e,
      ...(e.ariaLabel ? { ariaLabel: `${e.ariaLabel}; taken by ${edgeTrafficText(t)}` } : {}),
      data: { ...e.data!, traffic: t },
    };
    edgeCache.set(e, { t, out });
    return out;
  }

  return function overlay(
    nodes: FlowNode[],
    edges: FlowEdge[],
    view: TrafficView | null,
  ): { nodes: FlowNode[]; edges: FlowEdge[] } {
    if (!view) return { nodes, edges };
    lastNodes = keep(
      lastNodes,
      nodes.map((n) => node(n, view)),
    );
    lastEdges = keep(
      lastEdges,
      edges.map((e) => edge(e, view)),
    );
    return { nodes: lastNodes, edges: lastEdges };
  };
}
