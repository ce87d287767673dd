import type { FlowEdge, FlowNode } from './convert.js';
import { edgeLabel } from './convert.js';
import type { Change as DiffChange } from '@care-pathways/engine';
import type { DiffEdge, DiffNode, DiffOverlay, DiffStatus } from './diff.js';
import { KIND_INFO, nodeSummary, nodeTitle } from './kinds.js';
import { NODE_H, NODE_W } from './layout.js';

/** A diff overlay as read-only React Flow nodes and edges, each carrying its diff status. */
export function diffToFlow(
  o: DiffOverlay,
  selected: string | null,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodes: FlowNode[] = o.nodes.map((d) => ({
    id: d.node.id,
    type: 'pathway',
    position: d.position,
    width: NODE_W,
    height: NODE_H,
    measured: { width: NODE_W, height: NODE_H },
    selected: selected === d.node.id,
    draggable: false,
    connectable: false,
    ariaLabel: diffNodeName(d),
    data: {
      node: d.node,
      title: nodeTitle(d.node),
      summary: nodeSummary(d.node),
      isStart: false,
      isSafety: false,
      diff: d.status,
      diffFields: d.fields,
    },
  }));
  const edges: FlowEdge[] = o.edges.map((e, index) => ({
    id: e.id,
    type: 'transition',
    source: e.transition.from,
    target: e.transition.to,
    selected: selected === e.id,
    ariaLabel: diffEdgeName(e),
    data: {
      index,
      transition: e.transition,
      label: edgeLabel(e.transition),
      fallback: e.transition.when === undefined,
      diff: e.status,
      diffFields: e.fields,
    },
  }));
  return { nodes, edges };
}

/** "(changed: title, role)", "(added)", "(unchanged)": what the comparison says about an item. */
function statusWords(status: DiffStatus, fields: readonly string[]): string {
  if (status === 'same') return '(unchanged)';
  return `(${status}${status === 'changed' && fields.length ? `: ${fields.join(', ')}` : ''})`;
}

const kindLabel = (n: { kind: string }) =>
  (KIND_INFO as Record<string, { label: string } | undefined>)[n.kind]?.label ?? n.kind;

/**
 * The accessible name of a node on the comparison canvas: what it is and what changed, e.g.
 * "Screen node: Administer PHQ-9 (changed: instrument)". Colour alone never carries the status.
 */
export function diffNodeName(d: Pick<DiffNode, 'node' | 'status' | 'fields'>): string {
  return `${kindLabel(d.node)} node: ${nodeTitle(d.node)} ${statusWords(d.status, d.fields)}`;
}

/** "Transition engage to done: otherwise (removed)", in the editor canvas's words. */
export function diffEdgeName(e: Pick<DiffEdge, 'transition' | 'status' | 'fields'>): string {
  const t = e.transition;
  return `Transition ${t.from} to ${t.to}: ${edgeLabel(t)} ${statusWords(e.status, e.fields)}`;
}

/**
 * One change in words for the list beside the canvas: nodes and transitions by what they show
 * ("Task node: First phone call", "Transition First phone call → Done: otherwise"), other changes
 * by their id.
 */
export function describeChangeTarget(c: DiffChange, o: DiffOverlay): string | null {
  if (c.kind === 'node') {
    const d = o.nodes.find((n) => n.node.id === c.id);
    return d ? `${kindLabel(d.node)} node: ${nodeTitle(d.node)}` : null;
  }
  if (c.kind === 'transition') {
    const e = o.edges.find((x) => x.id === c.id);
    if (!e) return null;
    // Ends by the titles the canvas shows (either version's node: a removed one is still drawn).
    const title = (id: string) => {
      const n = o.nodes.find((x) => x.node.id === id);
      return n ? nodeTitle(n.node) : id;
    };
    return `Transition ${title(e.transition.from)} → ${title(e.transition.to)}: ${edgeLabel(e.transition)}`;
  }
  return null;
}
