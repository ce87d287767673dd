import {
  diffPathways,
  type Change as DiffChange,
  type PathwayDefinition,
} from '@care-pathways/engine';
import type { JsonLogic } from '@care-pathways/engine';
import { roleLabel } from '../ui/roles.js';
import { describeLogic } from './conditions.js';
import type { Def, Layout, PathwayNode, Transition, XY } from './doc.js';
import { factLabel } from './facts.js';
import { formatDuration, instrumentTitle, nodeTitle } from './kinds.js';
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
  /** The two versions compared, for naming roles and nodes in the change list. */
  before: Def;
  after: Def;
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
  return { nodes, edges, changes, counts, before: before.def, after: after.def };
}

/** "changed node severity (title)", for the list beside the canvas. */
export function describeDiffChange(c: DiffChange): string {
  const fields = c.op === 'changed' && c.fields?.length ? ` (${c.fields.join(', ')})` : '';
  return `${c.op} ${c.kind} ${c.id}${fields}`;
}

/** Field names as the inspector labels them. */
const FIELD_LABEL: Record<string, string> = {
  every: 'Repeat every',
  due: 'Due',
  duration: 'Wait for',
  until: 'Until',
  when: 'Condition',
  otherwise: 'Otherwise',
  to: 'To',
  from: 'From',
  role: 'Role',
  priority: 'Priority',
  urgency: 'Urgency',
  instrument: 'Instrument',
  title: 'Title',
  label: 'Label',
  outcome: 'Outcome',
  outcomes: 'Outcomes',
  service: 'Service',
  direction: 'Direction',
  level: 'Level',
  start: 'Start node',
  description: 'Description',
};

const isDuration = (v: unknown): boolean =>
  !!v &&
  typeof v === 'object' &&
  ['hours', 'days', 'weeks', 'param'].some((k) => k in (v as Record<string, unknown>));

/**
 * One field's value as the inspector shows it: durations as "2 weeks", priorities capitalised,
 * roles and nodes by their titles, conditions in words, and a missing title as the default
 * title the canvas shows for `node`. `def` is the version the value comes from.
 */
export function formatDiffValue(field: string, value: unknown, def: Def, node?: unknown): string {
  if (value === undefined || value === null) {
    if (field === 'title' && node && typeof node === 'object')
      return `${nodeTitle({ ...(node as PathwayNode), title: '' })} (default)`;
    return '(not set)';
  }
  if (isDuration(value)) {
    const d = value as { param?: unknown };
    const param = typeof d.param === 'string' ? def.parameters?.[d.param] : undefined;
    const text = param
      ? `${(param as { label?: string }).label ?? String(d.param)} (parameter)`
      : formatDuration(value);
    return field === 'every' ? `every ${text}` : text;
  }
  if (field === 'when') return typeof value === 'string' ? value : safeDescribe(value as JsonLogic);
  if ((field === 'priority' || field === 'urgency') && typeof value === 'string')
    return value.charAt(0).toUpperCase() + value.slice(1);
  if (field === 'role' && typeof value === 'string') return roleLabel(def, value);
  if (field === 'instrument' && typeof value === 'string') return instrumentTitle(value);
  if ((field === 'to' || field === 'from' || field === 'start') && typeof value === 'string') {
    const n = def.nodes.find((x) => x.id === value);
    return n ? nodeTitle(n) : value;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length ? value.join(', ') : '(none)';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function safeDescribe(logic: JsonLogic): string {
  try {
    return describeLogic(logic, factLabel);
  } catch {
    return JSON.stringify(logic);
  }
}

/**
 * What changed, field by field, in the inspector's words: "Repeat every: every 2 weeks → every
 * 3 weeks; Title: Monitor PHQ-9 (default) → Monitor PHQ-9 every 3 weeks". Null when there is
 * nothing to list (an added or removed item).
 */
export function changeDetail(
  c: DiffChange,
  o: Pick<DiffOverlay, 'before' | 'after'>,
): string | null {
  if (c.op !== 'changed') return null;
  if (!c.fields?.length) {
    if (c.kind !== 'pathway') return null;
    return `${formatDiffValue(c.id, c.before, o.before)} → ${formatDiffValue(c.id, c.after, o.after)}`;
  }
  const before = c.before as Record<string, unknown> | undefined;
  const after = c.after as Record<string, unknown> | undefined;
  return c.fields
    .map(
      (f) =>
        `${FIELD_LABEL[f] ?? f}: ${formatDiffValue(f, before?.[f], o.before, before)} → ${formatDiffValue(f, after?.[f], o.after, after)}`,
    )
    .join('; ');
}
