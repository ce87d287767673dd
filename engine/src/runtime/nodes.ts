import type { PathwayDefinition, PathwayNode } from '../definition/schema.js';

const index = new WeakMap<PathwayDefinition, Map<string, PathwayNode>>();

/** Node lookup by id, built once per definition object. */
export function nodeMap(def: PathwayDefinition): Map<string, PathwayNode> {
  let m = index.get(def);
  if (!m) {
    m = new Map(def.nodes.map((n) => [n.id, n]));
    index.set(def, m);
  }
  return m;
}

export function nodeOf(def: PathwayDefinition, id: string): PathwayNode {
  const n = nodeMap(def).get(id);
  if (!n) throw new Error(`internal: unknown node "${id}" in a validated pathway`);
  return n;
}

/** Units of the time parameters, for `{ param }` durations. */
const units = new WeakMap<PathwayDefinition, Record<string, string | undefined>>();
export function paramUnits(def: PathwayDefinition): Record<string, string | undefined> {
  let u = units.get(def);
  if (!u) {
    u = Object.fromEntries(Object.entries(def.parameters).map(([k, p]) => [k, p.unit]));
    units.set(def, u);
  }
  return u;
}

/** Nodes that open tasks or timers, and so have work to cancel when the patient leaves them. */
const OWNS_WORK = new Set<PathwayNode['kind']>(['screen', 'assess', 'task', 'wait', 'monitor']);
export const ownsWork = (node: PathwayNode): boolean => OWNS_WORK.has(node.kind);

export const DEFAULT_ROLE = {
  screen: 'medical-assistant',
  assess: 'care-manager',
  monitor: 'care-manager',
  refer: 'pcp',
} as const;
