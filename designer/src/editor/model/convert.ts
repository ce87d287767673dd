import type { Edge, Node } from '@xyflow/react';
import { describeLogic } from './conditions.js';
import type { Def, JsonLogic, Layout, PathwayNode, Transition, XY } from './doc.js';
import { factLabel } from './facts.js';
import type { DiffStatus } from './diff.js';
import { transitionKeys, simKey } from './keys.js';
import { KIND_INFO, nodeSummary, nodeTitle } from './kinds.js';
import { NODE_H, NODE_W } from './layout.js';
import type { Issue } from './problems.js';

/**
 * Definition → React Flow nodes and edges. A converter remembers what it returned last time and
 * hands back the very same objects for nodes and edges whose inputs did not change, so React
 * Flow re-renders only what an edit touched (a 300-node pathway stays responsive); when nothing
 * changed at all it hands back the very same array, so React Flow has no update to process.
 */
export interface NodeData extends Record<string, unknown> {
  node: PathwayNode;
  title: string;
  summary: string;
  isStart: boolean;
  isSafety: boolean;
  issue?: Issue;
  active?: boolean;
  diff?: DiffStatus;
  diffFields?: string[];
  /** Patient-traffic overlay: patients at this node now, and that ended here (model/traffic.ts). */
  traffic?: { active: number; completed: number };
}
export type FlowNode = Node<NodeData, 'pathway'>;

export interface EdgeData extends Record<string, unknown> {
  index: number;
  transition: Transition;
  label: string;
  /** 1-based order among the node's conditional branches, when it has two or more. */
  order?: number;
  fallback: boolean;
  issue?: Issue;
  taken?: boolean;
  diff?: DiffStatus;
  diffFields?: string[];
  /** Patient-traffic overlay: patients who took it, times in all, stroke width (model/traffic.ts). */
  traffic?: { instances: number; times: number; width: number };
}
export type FlowEdge = Edge<EdgeData, 'transition'>;

export interface ViewState {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  nodeIssues: ReadonlyMap<string, Issue>;
  edgeIssues: ReadonlyMap<string, Issue>;
  /** Simulation: nodes the patient is at, transitions taken ("from→to"). */
  active: ReadonlySet<string>;
  taken: ReadonlySet<string>;
  /** Positions being dragged (not yet committed to the document). */
  dragging?: ReadonlyMap<string, XY>;
}

export const EMPTY_VIEW: ViewState = {
  selectedNodes: new Set(),
  selectedEdges: new Set(),
  nodeIssues: new Map(),
  edgeIssues: new Map(),
  active: new Set(),
  taken: new Set(),
};

const issueKey = (i: Issue | undefined) => (i ? `${i.severity}\n${i.messages.join('\n')}` : '');
const MEASURED = { width: NODE_W, height: NODE_H };
// Every node has a fixed size, so it can be its own layout root: typing a title then re-lays out
// that node alone, not the layer of ~680 absolutely placed nodes and edge labels it sits in.
const NODE_STYLE = { contain: 'layout size style' } as const;
/** `next` unless it holds exactly the objects of `prev`, in order (then `prev` itself). */
function reuse<T>(prev: readonly T[], next: T[]): T[] {
  if (prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev as T[];
}

/**
 * What an edge says: its label, else its condition in the words of the inspector's "Reads as"
 * line ("PHQ-9 latest ≥ 10", not `phq9.latest >= 10`), else "otherwise" for the fallback branch
 * and "then" for an unconditional way out (taken when the node is done).
 */
export function edgeLabel(t: Transition): string {
  if (t.label) return t.label;
  if (t.when !== undefined) {
    try {
      return describeLogic(t.when as JsonLogic, factLabel);
    } catch {
      return 'condition';
    }
  }
  return t.otherwise ? 'otherwise' : 'then';
}

export function createConverter() {
  let lastNodes = new Map<string, FlowNode>();
  let lastEdges = new Map<string, FlowEdge>();
  let nodeList: FlowNode[] = [];
  let edgeList: FlowEdge[] = [];
  // Edge ids and branch counts depend only on the transitions, which most edits leave alone.
  let shape: {
    transitions: Def['transitions'];
    keys: string[];
    conditions: Map<string, number>;
  } | null = null;

  function nodes(def: Def, layout: Layout, view: ViewState): FlowNode[] {
    const next = new Map<string, FlowNode>();
    const out: FlowNode[] = [];
    for (const node of def.nodes) {
      const id = node.id;
      if (typeof id !== 'string' || next.has(id)) continue; // duplicate ids: the validator reports them
      const position = view.dragging?.get(id) ?? layout[id] ?? { x: 0, y: 0 };
      const selected = view.selectedNodes.has(id);
      const issue = view.nodeIssues.get(id);
      const active = view.active.has(id);
      const isStart = def.start === id;
      const isSafety = def.safety?.route === id;
      const prev = lastNodes.get(id);
      const same =
        prev &&
        prev.data.node === node &&
        prev.position.x === position.x &&
        prev.position.y === position.y &&
        prev.selected === selected &&
        prev.data.isStart === isStart &&
        prev.data.isSafety === isSafety &&
        !!prev.data.active === active &&
        issueKey(prev.data.issue) === issueKey(issue);
      const title = same ? '' : nodeTitle(node);
      const flow: FlowNode = same
        ? prev
        : {
            id,
            type: 'pathway',
            position,
            selected,
            ariaLabel: `${KIND_INFO[node.kind]?.label ?? node.kind} node: ${title}${issue ? ` (${issue.severity})` : ''}`,
            ...(issue ? { domAttributes: { 'aria-describedby': `issue-${id}` } } : {}),
            width: NODE_W,
            height: NODE_H,
            measured: MEASURED,
            style: NODE_STYLE,
            data: {
              node,
              title,
              summary: nodeSummary(node),
              isStart,
              isSafety,
              ...(issue ? { issue } : {}),
              ...(active ? { active } : {}),
            },
          };
      next.set(id, flow);
      out.push(flow);
    }
    lastNodes = next;
    nodeList = reuse(nodeList, out);
    return nodeList;
  }

  function edges(def: Def, view: ViewState): FlowEdge[] {
    if (shape?.transitions !== def.transitions) {
      // Branch numbers follow the order the engine tries them: conditions in the order written,
      // the fallback last (it needs no number). Only nodes with two or more conditions get numbers.
      const conditions = new Map<string, number>();
      for (const t of def.transitions)
        if (t.when !== undefined) conditions.set(t.from, (conditions.get(t.from) ?? 0) + 1);
      shape = { transitions: def.transitions, keys: transitionKeys(def.transitions), conditions };
    }
    const { keys, conditions } = shape;
    const seen = new Map<string, number>();
    const next = new Map<string, FlowEdge>();
    const out: FlowEdge[] = def.transitions.map((t, index) => {
      const id = keys[index]!;
      let order: number | undefined;
      if (t.when !== undefined && (conditions.get(t.from) ?? 0) > 1) {
        order = (seen.get(t.from) ?? 0) + 1;
        seen.set(t.from, order);
      }
      const selected = view.selectedEdges.has(id);
      const issue = view.edgeIssues.get(id);
      const taken = view.taken.has(simKey(t));
      const prev = lastEdges.get(id);
      const same =
        prev &&
        prev.data!.transition === t &&
        prev.data!.index === index &&
        prev.data!.order === order &&
        prev.selected === selected &&
        !!prev.data!.taken === taken &&
        issueKey(prev.data!.issue) === issueKey(issue);
      const label = same ? '' : edgeLabel(t);
      const edge: FlowEdge = same
        ? prev
        : {
            id,
            type: 'transition',
            source: t.from,
            target: t.to,
            selected,
            ariaLabel: `Transition ${t.from} to ${t.to}: ${label}${issue ? ` (${issue.severity}: ${issue.messages.join('; ')})` : ''}`,
            data: {
              index,
              transition: t,
              label,
              fallback: t.when === undefined,
              ...(order ? { order } : {}),
              ...(issue ? { issue } : {}),
              ...(taken ? { taken } : {}),
            },
          };
      next.set(id, edge);
      return edge;
    });
    lastEdges = next;
    edgeList = reuse(edgeList, out);
    return edgeList;
  }

  return { nodes, edges };
}
