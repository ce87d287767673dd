import {
  diffPathways,
  type Change as DiffChange,
  type PathwayDefinition,
} from '@care-pathways/engine';
import type { Def, Layout, PathwayNode, Transition, XY } from './doc.js';
import { transitionKeys } from './keys.js';
import { autoLayout } from './layout.js';

/**
 * A visual diff: the union of two versions' graphs with every node and edge classified as
 * added, removed, changed or unchanged (from the engine's semantic `diffPathways`, which keys
 * transitions `from → to` just as the canvas does).
 */
export type DiffStatus = 'added' | 'removed' | 'changed' | 'same';

export interface DiffSide {
  label: string;
  def: Def;
  layout: Layout | null;
}

export interface DiffNode {
  node: PathwayNode;
  status: DiffStatus;
  fields: string[];
  position: XY;
}
export interface DiffEdge {
  id: string;
  transition: Transition;
  status: DiffStatus;
  fields: string[];
}
export interface DiffOverlay {
  nodes: DiffNode[];
  edges: DiffEdge[];
  /** Every change, including parameters, instruments and pathway fields. */
  changes: DiffChange[];
  counts: Record<Exclude<DiffStatus, 'same'>, number>;
}

/** Classifies from the engine's change list; pure and independent of React. */
export function classify(changes: readonly DiffChange[]) {
  const nodes = new Map<string, DiffChange>();
  const edges = new Map<string, DiffChange>();
  for (const c of changes) {
    if (c.kind === 'node') nodes.set(c.id, c);
    else if (c.kind === 'transition') edges.set(c.id, c);
  }
  return { nodes, edges };
}

const statusOf = (c: DiffChange | undefined): DiffStatus => (c ? c.op : 'same');

export function diffOverlay(before: DiffSide, after: DiffSide): DiffOverlay {
  // diffPathways reads fields only; a draft that is still invalid still compares (a safe cast).
  const norm = (d: Def) =>
    ({ ...d, parameters: d.parameters ?? {} }) as unknown as PathwayDefinition;
  const { changes } = diffPathways(norm(before.def), norm(after.def));
  const { nodes: nodeChanges, edges: edgeChanges } = classify(changes);

  const afterIds = new Set(after.def.nodes.map((n) => n.id));
  const removedNodes = before.def.nodes.filter((n) => !afterIds.has(n.id));
  const allNodes = [...after.def.nodes, ...removedNodes];

  const afterKeys = transitionKeys(after.def.transitions);
  const beforeKeys = transitionKeys(before.def.transitions);
  const afterKeySet = new Set(afterKeys);
  const edges: DiffEdge[] = after.def.transitions.map((t, i) => {
    const c = edgeChanges.get(afterKeys[i]!);
    return { id: afterKeys[i]!, transition: t, status: statusOf(c), fields: c?.fields ?? [] };
  });
  before.def.transitions.forEach((t, i) => {
    if (!afterKeySet.has(beforeKeys[i]!))
      edges.push({ id: beforeKeys[i]!, transition: t, status: 'removed', fields: [] });
  });

  // Positions: the versions' own layouts when they place every node, else one automatic
  // layout of the union so that removed nodes sit where they used to connect.
  const own = (id: string): XY | undefined =>
    afterIds.has(id) ? (after.layout?.[id] ?? before.layout?.[id]) : before.layout?.[id];
  const auto = allNodes.every((n) => own(n.id))
    ? null
    : autoLayout({
        nodes: allNodes,
        transitions: edges.map((e) => e.transition),
        start: after.def.start,
      });
  const position = (id: string): XY => auto?.[id] ?? own(id) ?? { x: 0, y: 0 };
  const nodes: DiffNode[] = allNodes.map((node) => {
    const removed = !afterIds.has(node.id);
    const c = nodeChanges.get(node.id);
    return {
      node,
      status: removed ? 'removed' : statusOf(c),
      fields: c?.fields ?? [],
      position: position(node.id),
    };
  });
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.op]++;
  return { nodes, edges, changes, counts };
}

/** "changed node severity (title)", for the list beside the canvas. */
export function describeDiffChange(c: DiffChange): string {
  const fields = c.op === 'changed' && c.fields?.length ? ` (${c.fields.join(', ')})` : '';
  return `${c.op} ${c.kind} ${c.id}${fields}`;
}
