import dagre from '@dagrejs/dagre';
import type { Def, Layout, XY } from './doc.js';

/** Every node is drawn at one fixed size: layout needs no measuring and 300 nodes stay cheap. */
export const NODE_W = 240;
export const NODE_H = 76;

/**
 * dagre lays out a pathway beautifully but slowly: its crossing minimisation rebuilds a graph
 * per rank per sweep, so a 300-node pathway takes seconds (measured ~2–20 s, worse with long
 * edges). Above this size the editor uses `layeredLayout`, a linear-time Sugiyama-style layout
 * of its own, so that large pathways open at once.
 */
export const DAGRE_MAX_NODES = 60;

type Graph = Pick<Def, 'nodes' | 'transitions' | 'start'> & { safety?: Def['safety'] };

/** Top-to-bottom layered layout; positions are top-left corners, as React Flow wants them. */
export function autoLayout(def: Graph): Record<string, XY> {
  return def.nodes.length > DAGRE_MAX_NODES ? layeredLayout(def) : dagreLayout(def);
}

/** dagre, with room for edge labels so that branch conditions do not sit on top of nodes. */
export function dagreLayout(def: Graph): Record<string, XY> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 80, ranksep: 56, edgesep: 16, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const n of def.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    g.setNode(n.id, { width: NODE_W, height: NODE_H });
  }
  def.transitions.forEach((t, i) => {
    if (ids.has(t.from) && ids.has(t.to) && t.from !== t.to)
      g.setEdge(t.from, t.to, { width: 150, height: 22, labelpos: 'c', minlen: 1 }, String(i));
  });
  dagre.layout(g);
  const out: Record<string, XY> = {};
  for (const id of ids) {
    const n = g.node(id) as { x: number; y: number } | undefined;
    out[id] = n
      ? { x: Math.round(n.x - NODE_W / 2), y: Math.round(n.y - NODE_H / 2) }
      : { x: 0, y: 0 };
  }
  return out;
}

/**
 * A layout for every node: the stored one when it covers most nodes (new nodes go below it),
 * otherwise a fresh automatic one.
 */
export function completeLayout(def: Def, stored: Layout | null): Layout {
  const missing = def.nodes.filter((n) => !stored?.[n.id]);
  if (!stored || missing.length > def.nodes.length / 2) return autoLayout(def);
  if (!missing.length) return stored;
  const out: Record<string, XY> = { ...stored };
  let bottom = Math.max(0, ...Object.values(stored).map((p) => p.y + NODE_H));
  missing.forEach((n, i) => {
    if (i % 4 === 0) bottom += NODE_H + 40;
    out[n.id] = { x: (i % 4) * (NODE_W + 40), y: bottom };
  });
  return out;
}

const GAP_X = 130; // room beside each column for edges that bow round a node (edgePath.ts)
const RANK_H = NODE_H + 110;

/**
 * A fast layered layout: ranks by longest path over the graph without its back edges (found by
 * depth-first search from the start), order within ranks by a few barycentre sweeps, x by
 * pulling each node towards its neighbours while keeping the order and the spacing.
 * O((nodes + edges) × sweeps): a few milliseconds for 300 nodes.
 */
export function layeredLayout(def: Graph): Record<string, XY> {
  const ids = [...new Set(def.nodes.map((n) => n.id))];
  const known = new Set(ids);
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const t of def.transitions)
    if (known.has(t.from) && known.has(t.to) && t.from !== t.to) succ.get(t.from)!.push(t.to);

  // Depth-first search from the start (then the safety route, then anything left) to drop back
  // edges; reverse post-order is then a topological order of what remains.
  const state = new Map<string, 1 | 2>();
  const post: string[] = [];
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  const roots = [def.start, def.safety?.route, ...ids].filter(
    (r): r is string => typeof r === 'string' && known.has(r),
  );
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      const next = succ.get(v)![i];
      if (next === undefined) {
        stack.pop();
        state.set(v, 2);
        post.push(v);
        continue;
      }
      top[1] = i + 1;
      const s = state.get(next);
      if (s === 1) continue; // back edge: ignored for ranking
      forward.get(v)!.push(next);
      if (s === undefined) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  const topo = post.reverse();
  const rank = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const v of topo)
    for (const w of forward.get(v)!) rank.set(w, Math.max(rank.get(w)!, rank.get(v)! + 1));

  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [v, ws] of forward) for (const w of ws) preds.get(w)!.push(v);
  const layers: string[][] = [];
  for (const v of topo) (layers[rank.get(v)!] ??= []).push(v);
  for (let r = 0; r < layers.length; r++) layers[r] ??= [];

  // Order: barycentre sweeps over normalised positions (ranks have different widths).
  const pos = new Map<string, number>();
  const index = () =>
    layers.forEach((layer) => layer.forEach((v, i) => pos.set(v, (i + 0.5) / layer.length)));
  index();
  const bary = (v: string, ns: string[]) =>
    ns.length ? ns.reduce((s, n) => s + pos.get(n)!, 0) / ns.length : pos.get(v)!;
  for (let sweep = 0; sweep < 6; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers.map((_, r) => r) : layers.map((_, r) => layers.length - 1 - r);
    for (const r of order) {
      const layer = layers[r]!;
      const key = new Map(layer.map((v) => [v, bary(v, down ? preds.get(v)! : forward.get(v)!)]));
      layer.sort((a, b) => key.get(a)! - key.get(b)!);
      layer.forEach((v, i) => pos.set(v, (i + 0.5) / layer.length));
    }
  }

  // x: start packed and centred, then pull towards neighbours (down, up, down).
  const step = NODE_W + GAP_X;
  const x = new Map<string, number>();
  for (const layer of layers)
    layer.forEach((v, i) => x.set(v, (i - (layer.length - 1) / 2) * step));
  const place = (layer: string[], desired: (v: string) => number) => {
    const want = layer.map(desired);
    const right = [...want];
    for (let i = 1; i < right.length; i++) right[i] = Math.max(right[i]!, right[i - 1]! + step);
    const left = [...want];
    for (let i = left.length - 2; i >= 0; i--) left[i] = Math.min(left[i]!, left[i + 1]! + -step);
    layer.forEach((v, i) => x.set(v, (right[i]! + left[i]!) / 2));
  };
  const mean = (v: string, ns: string[]) =>
    ns.length ? ns.reduce((s, n) => s + x.get(n)!, 0) / ns.length : x.get(v)!;
  for (const pass of [0, 1, 2]) {
    const down = pass !== 1;
    const order = down ? layers.map((_, r) => r) : layers.map((_, r) => layers.length - 1 - r);
    for (const r of order)
      place(layers[r]!, (v) => mean(v, down ? preds.get(v)! : forward.get(v)!));
  }
  const minX = Math.min(...x.values());
  const out: Record<string, XY> = {};
  layers.forEach((layer, r) => {
    for (const v of layer) out[v] = { x: Math.round(x.get(v)! - minX + 24), y: r * RANK_H + 24 };
  });
  return out;
}

/**
 * The free position nearest to `around` (a top-left corner) where a new node overlaps no other
 * node, searching outwards ring by ring on a grid a node apart.
 */
export function freeSpot(layout: Layout, around: XY, margin = 24): XY {
  const taken = Object.values(layout);
  const clear = (p: XY) =>
    taken.every(
      (q) => Math.abs(q.x - p.x) >= NODE_W + margin || Math.abs(q.y - p.y) >= NODE_H + margin,
    );
  const dx = NODE_W + margin;
  const dy = NODE_H + margin;
  for (let ring = 0; ring < 12; ring++) {
    const candidates: XY[] = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === ring)
          candidates.push({ x: Math.round(around.x + i * dx), y: Math.round(around.y + j * dy) });
    candidates.sort(
      (a, b) =>
        Math.hypot(a.x - around.x, a.y - around.y) - Math.hypot(b.x - around.x, b.y - around.y),
    );
    const hit = candidates.find(clear);
    if (hit) return hit;
  }
  return { x: Math.round(around.x), y: Math.round(around.y + 12 * dy) };
}
