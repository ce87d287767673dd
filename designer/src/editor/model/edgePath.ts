import { NODE_H, NODE_W } from './layout.js';

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

const hash = (s: string) => {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
};

/**
 * A path for a transition drawn from a node's lower handle to another's upper handle. Ordinary
 * edges are a plain vertical S-curve. Two kinds would cut straight through other nodes, so they
 * bow out to the side instead: edges that skip down past a rank in the same column, and edges
 * that loop back up. Which side is fixed per edge id, so parallel skips tend to separate.
 */
export function edgeGeometry(
  id: string,
  sx: number,
  sy: number,
  tx: number,
  ty: number,
): EdgeGeometry {
  const dx = tx - sx;
  const dy = ty - sy;
  const skips = dy > 2.2 * NODE_H && Math.abs(dx) < NODE_W * 0.6;
  // A target on the same row has its upper handle about one node height above the source's
  // lower handle; only targets clearly further up are loops back.
  const loops = dy < -1.5 * NODE_H && Math.abs(dx) < NODE_W * 1.5;
  if (!skips && !loops) {
    const k = Math.max(Math.abs(dy) * 0.5, 40);
    return {
      path: `M${sx},${sy} C${sx},${sy + k} ${tx},${ty - k} ${tx},${ty}`,
      labelX: (sx + tx) / 2,
      labelY: (sy + ty) / 2,
    };
  }
  const side = hash(id) % 2 ? 1 : -1;
  // The curve's widest point (and its label) lands about 65px beside the node's edge: the middle
  // of the gap between columns that the layouts leave (0.75 × bow is a cubic's bulge at t = ½).
  const bow = side * ((NODE_W * 0.5 + 65) / 0.75);
  const reach = loops ? 90 : Math.min(dy * 0.3, 160);
  const c1 = { x: sx + bow, y: sy + reach };
  const c2 = { x: tx + bow, y: ty - reach };
  // The point at t = 0.5 on the cubic: where the label sits.
  const labelX = 0.125 * sx + 0.375 * c1.x + 0.375 * c2.x + 0.125 * tx;
  const labelY = 0.125 * sy + 0.375 * c1.y + 0.375 * c2.y + 0.125 * ty;
  return { path: `M${sx},${sy} C${c1.x},${c1.y} ${c2.x},${c2.y} ${tx},${ty}`, labelX, labelY };
}
