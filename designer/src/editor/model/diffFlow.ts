import type { FlowEdge, FlowNode } from './convert.js';
import { edgeLabel } from './convert.js';
import type { DiffOverlay } from './diff.js';
import { nodeSummary, nodeTitle } from './kinds.js';
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
