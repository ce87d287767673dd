import type {
  Def,
  EditorDoc,
  JsonLogic,
  Layout,
  NodeKind,
  Parameter,
  PathwayNode,
  Transition,
  XY,
} from './doc.js';
import {
  formatDuration,
  instrumentTitle,
  KIND_FIELDS,
  KIND_INFO,
  KIND_REQUIRED,
  newNode,
  nodeTitle,
} from './kinds.js';
import { mapVars } from './logic.js';

/**
 * Every edit the designer can make, as data. `applyChange` is pure and shares structure, so
 * untouched nodes keep their identity (the canvas re-renders only what changed) and the history
 * can keep whole documents cheaply.
 */
export type Patch = Readonly<Record<string, unknown>>; // field → value; undefined removes the field

export type Change =
  | { type: 'node.add'; node: PathwayNode; position: XY }
  | { type: 'node.update'; id: string; patch: Patch }
  | { type: 'node.kind'; id: string; kind: NodeKind }
  | { type: 'remove'; nodes: readonly string[]; transitions: readonly number[] }
  | { type: 'transition.add'; transition: Transition }
  | { type: 'transition.update'; index: number; patch: Patch }
  | { type: 'transition.move'; index: number; offset: -1 | 1 }
  | { type: 'parameter.add'; name: string; parameter: Parameter }
  | { type: 'parameter.update'; name: string; patch: Patch }
  | { type: 'parameter.rename'; from: string; to: string }
  | { type: 'parameter.remove'; name: string }
  | { type: 'nodes.move'; moves: readonly { id: string; to: XY }[] }
  | { type: 'layout.set'; layout: Layout }
  | { type: 'pathway.update'; patch: Patch }
  | { type: 'batch'; label: string; changes: readonly Change[] };

const sameValue = (a: unknown, b: unknown) =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** Sets (or, for undefined, removes) fields; returns the same object when nothing changes. */
export function patchObject<T extends object>(obj: T, patch: Patch): T {
  const rec = obj as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined ? !(k in rec) : sameValue(rec[k], v)) continue;
    out ??= { ...rec };
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return (out ?? obj) as T;
}

export function applyChange(doc: EditorDoc, c: Change): EditorDoc {
  switch (c.type) {
    case 'batch':
      return c.changes.reduce(applyChange, doc);
    case 'node.add':
      if (doc.def.nodes.some((n) => n.id === c.node.id)) return doc;
      return {
        def: { ...doc.def, nodes: [...doc.def.nodes, c.node] },
        layout: { ...doc.layout, [c.node.id]: c.position },
      };
    case 'node.update':
      return updateNode(doc, c.id, c.patch);
    case 'node.kind': {
      const plan = planKindChange(doc.def, c.id, c.kind);
      if (!plan) return doc;
      const nodes = doc.def.nodes.map((n) => (n.id === c.id ? plan.node : n));
      return withDef(
        doc,
        plan.instruments === doc.def.instruments
          ? { nodes }
          : { nodes, instruments: [...plan.instruments] as Def['instruments'] },
      );
    }
    case 'remove':
      return remove(doc, new Set(c.nodes), new Set(c.transitions));
    case 'transition.add':
      return withDef(doc, { transitions: [...doc.def.transitions, c.transition] });
    case 'transition.update': {
      const t = doc.def.transitions[c.index];
      if (!t) return doc;
      let next = patchObject(t, c.patch);
      // A branch has a condition or is the otherwise branch, never both (schema rule).
      if (c.patch.when !== undefined && next.otherwise)
        next = patchObject(next, { otherwise: undefined });
      if (c.patch.otherwise === true && next.when !== undefined)
        next = patchObject(next, { when: undefined });
      return next === t
        ? doc
        : withDef(doc, { transitions: replaceAt(doc.def.transitions, c.index, next) });
    }
    case 'transition.move':
      return moveTransition(doc, c.index, c.offset);
    case 'parameter.add':
      if (doc.def.parameters?.[c.name]) return doc;
      return withDef(doc, { parameters: { ...doc.def.parameters, [c.name]: c.parameter } });
    case 'parameter.update': {
      const p = doc.def.parameters?.[c.name];
      if (!p) return doc;
      const next = patchObject(p, c.patch);
      return next === p
        ? doc
        : withDef(doc, { parameters: { ...doc.def.parameters, [c.name]: next } });
    }
    case 'parameter.remove': {
      if (!doc.def.parameters?.[c.name]) return doc;
      const { [c.name]: _gone, ...rest } = doc.def.parameters;
      return withDef(doc, { parameters: rest });
    }
    case 'parameter.rename':
      return renameParameter(doc, c.from, c.to);
    case 'nodes.move': {
      const moved = c.moves.filter((m) => !samePos(doc.layout[m.id], m.to));
      if (!moved.length) return doc;
      const layout = { ...doc.layout };
      for (const m of moved) layout[m.id] = m.to;
      return { def: doc.def, layout };
    }
    case 'layout.set':
      return { def: doc.def, layout: c.layout };
    case 'pathway.update': {
      const def = patchObject(doc.def, c.patch);
      return def === doc.def ? doc : { def, layout: doc.layout };
    }
  }
}

const samePos = (a: XY | undefined, b: XY) => !!a && a.x === b.x && a.y === b.y;
const withDef = (doc: EditorDoc, patch: Partial<Def>): EditorDoc => ({
  def: { ...doc.def, ...patch },
  layout: doc.layout,
});
const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] => {
  const out = [...list];
  out[i] = item;
  return out;
};

function updateNode(doc: EditorDoc, id: string, patch: Patch): EditorDoc {
  const i = doc.def.nodes.findIndex((n) => n.id === id);
  const node = doc.def.nodes[i];
  if (!node) return doc;
  const next = patchObject(node, patch);
  if (next === node) return doc;
  const renamed = typeof patch.id === 'string' && patch.id !== id ? patch.id : null;
  if (renamed && doc.def.nodes.some((n) => n.id === renamed)) return doc; // ids stay unique
  const nodes = replaceAt(doc.def.nodes, i, next);
  if (!renamed) return withDef(doc, { nodes });
  return renameNodeRefs({ def: { ...doc.def, nodes }, layout: doc.layout }, id, renamed);
}

/** What changing a node's kind in place does, worked out before it is done (the inspector shows it). */
export interface KindChangePlan {
  /** The node as it will be: same id, same title, fields the new kind accepts. */
  node: PathwayNode;
  /** Fields carried over besides id and kind. */
  kept: string[];
  /** Fields the new kind does not accept, with the values they had. */
  dropped: { field: string; value: unknown }[];
  /** Fields the new kind requires that the node lacked, filled with a new node's defaults. */
  filled: { field: string; value: unknown }[];
  /** The pathway's instrument list afterwards (the same array when unchanged). */
  instruments: Def['instruments'];
  instrumentsAdded: string[];
  instrumentsRemoved: string[];
}

/**
 * Changes a node's kind and keeps everything the new kind can hold: the id (so transitions,
 * start, safety route and layout stay as they are), the title and every field the engine's schema
 * accepts for the new kind. Fields it does not accept are dropped and reported; fields it
 * requires are filled from a new node's defaults (a task takes the title the node showed). The
 * instrument list follows, as when switching an instrument: a new one joins, one nothing else
 * uses (no node, not the measure, no tailored threshold) leaves. Null: no such node, or same kind.
 */
export function planKindChange(def: Def, id: string, kind: NodeKind): KindChangePlan | null {
  const node = def.nodes.find((n) => n.id === id);
  if (!node || node.kind === kind || !KIND_FIELDS[kind]) return null;
  const accepts = new Set(KIND_FIELDS[kind]);
  const out: Record<string, unknown> = { id, kind };
  const kept: string[] = [];
  const dropped: KindChangePlan['dropped'] = [];
  for (const [field, value] of Object.entries(node)) {
    if (field === 'id' || field === 'kind' || value === undefined) continue;
    if (accepts.has(field)) {
      out[field] = value;
      kept.push(field);
    } else dropped.push({ field, value });
  }
  const fresh = newNode(kind, def) as Record<string, unknown>;
  const filled: KindChangePlan['filled'] = [];
  for (const field of KIND_REQUIRED[kind]) {
    if (out[field] !== undefined) continue;
    const value = field === 'title' ? nodeTitle(node) : fresh[field];
    if (value === undefined) continue;
    out[field] = value;
    filled.push({ field, value });
  }
  const next = out as PathwayNode;

  const instrumentOf = (n: PathwayNode) => (n as { instrument?: string }).instrument;
  const before = instrumentOf(node);
  const after = instrumentOf(next);
  const stillUsed = (i: string) =>
    i === after ||
    def.measure?.instrument === i ||
    (def.scoring as Record<string, unknown> | undefined)?.[i] !== undefined ||
    def.nodes.some((n) => n.id !== id && instrumentOf(n) === i);
  let list: string[] = [...def.instruments];
  const instrumentsRemoved: string[] = [];
  const instrumentsAdded: string[] = [];
  if (before && list.includes(before) && !stillUsed(before)) {
    list = list.filter((i) => i !== before);
    instrumentsRemoved.push(before);
  }
  if (after && !list.includes(after)) {
    list.push(after);
    instrumentsAdded.push(after);
  }
  const changed = instrumentsAdded.length > 0 || instrumentsRemoved.length > 0;
  return {
    node: next,
    kept,
    dropped,
    filled,
    instruments: changed ? (list as Def['instruments']) : def.instruments,
    instrumentsAdded,
    instrumentsRemoved,
  };
}

const showValue = (field: string, v: unknown): string => {
  if (field === 'due' || field === 'duration' || field === 'every') return formatDuration(v);
  if (field === 'instrument') return instrumentTitle(String(v));
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/**
 * Plain words for a kind change, before ("Drops instrument (PHQ-2). Fills in duration (7 days).")
 * or after it is made ("Dropped …").
 */
export function describeKindChange(plan: KindChangePlan, done = false): string {
  const w = done
    ? { drop: 'Dropped', fill: 'Filled in', add: 'Added', remove: 'Removed' }
    : { drop: 'Drops', fill: 'Fills in', add: 'Adds', remove: 'Removes' };
  const list = (xs: { field: string; value: unknown }[]) =>
    xs.map((x) => `${x.field} (${showValue(x.field, x.value)})`).join(', ');
  const titles = (ids: string[]) => ids.map(instrumentTitle).join(', ');
  const parts = [
    plan.dropped.length ? `${w.drop} ${list(plan.dropped)}.` : `${w.drop} nothing.`,
    plan.filled.length ? `${w.fill} ${list(plan.filled)}.` : '',
    plan.instrumentsAdded.length
      ? `${w.add} ${titles(plan.instrumentsAdded)} to the pathway’s instruments.`
      : '',
    plan.instrumentsRemoved.length
      ? `${w.remove} ${titles(plan.instrumentsRemoved)} from the pathway’s instruments (nothing else uses it).`
      : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** A node's id is referenced by transitions, start, the safety route, the layout and `outcomes.<id>`. */
function renameNodeRefs(doc: EditorDoc, from: string, to: string): EditorDoc {
  const ref = (x: string) => (x === from ? to : x);
  const fact = (name: string) => (name === `outcomes.${from}` ? `outcomes.${to}` : name);
  const transitions = doc.def.transitions.map((t) => {
    const when = t.when === undefined ? undefined : mapVars(t.when, fact);
    return t.from === from || t.to === from || when !== t.when
      ? { ...t, from: ref(t.from), to: ref(t.to), ...(when !== undefined ? { when } : {}) }
      : t;
  });
  const { [from]: pos, ...layout } = doc.layout;
  return {
    def: {
      ...doc.def,
      transitions,
      start: ref(doc.def.start),
      ...(doc.def.safety
        ? { safety: { ...doc.def.safety, route: ref(doc.def.safety.route) } }
        : {}),
    },
    layout: pos ? { ...layout, [to]: pos } : layout,
  };
}

function remove(doc: EditorDoc, nodes: Set<string>, transitions: Set<number>): EditorDoc {
  if (!nodes.size && !transitions.size) return doc;
  const keptNodes = doc.def.nodes.filter((n) => !nodes.has(n.id));
  const keptTransitions = doc.def.transitions.filter(
    (t, i) => !transitions.has(i) && !nodes.has(t.from) && !nodes.has(t.to),
  );
  if (
    keptNodes.length === doc.def.nodes.length &&
    keptTransitions.length === doc.def.transitions.length
  )
    return doc;
  const layout = { ...doc.layout };
  for (const id of nodes) delete layout[id];
  return { def: { ...doc.def, nodes: keptNodes, transitions: keptTransitions }, layout };
}

/** Moves a transition before/after its previous/next sibling (same `from`): the order branches are tried. */
function moveTransition(doc: EditorDoc, index: number, offset: -1 | 1): EditorDoc {
  const list = doc.def.transitions;
  const t = list[index];
  if (!t) return doc;
  let j = index + offset;
  while (j >= 0 && j < list.length && list[j]!.from !== t.from) j += offset;
  if (j < 0 || j >= list.length) return doc;
  const out = [...list];
  out[index] = list[j]!;
  out[j] = t;
  return withDef(doc, { transitions: out });
}

/** Renames a parameter and every reference to it: conditions, durations, measure, scoring. */
function renameParameter(doc: EditorDoc, from: string, to: string): EditorDoc {
  const params = doc.def.parameters ?? {};
  if (!params[from] || params[to] || from === to) return doc;
  const parameters = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k === from ? to : k, v]),
  );
  const fact = (n: string) => (n === `params.${from}` ? `params.${to}` : n);
  const transitions = doc.def.transitions.map((t) => {
    if (t.when === undefined) return t;
    const when = mapVars(t.when as JsonLogic, fact);
    return when === t.when ? t : { ...t, when };
  });
  const refParam = <T>(v: T): T =>
    v && typeof v === 'object' && (v as { param?: string }).param === from
      ? ({ ...v, param: to } as T)
      : v;
  const nodes = doc.def.nodes.map((n) => {
    const patch: Record<string, unknown> = {};
    for (const field of ['due', 'duration', 'every'] as const) {
      const v = (n as Record<string, unknown>)[field];
      if (refParam(v) !== v) patch[field] = refParam(v);
    }
    return Object.keys(patch).length ? ({ ...n, ...patch } as PathwayNode) : n;
  });
  const measure = doc.def.measure && {
    ...doc.def.measure,
    reviewWeek: refParam(doc.def.measure.reviewWeek),
  };
  const scoring =
    doc.def.scoring &&
    Object.fromEntries(
      Object.entries(doc.def.scoring).map(([k, s]) => [
        k,
        s && { threshold: refParam(s.threshold) },
      ]),
    );
  return {
    def: {
      ...doc.def,
      parameters,
      transitions,
      nodes,
      ...(measure ? { measure } : {}),
      ...(scoring ? { scoring } : {}),
    },
    layout: doc.layout,
  };
}

/** Words for the undo/redo buttons: "Undo move node". */
export function describeChange(c: Change): string {
  switch (c.type) {
    case 'batch':
      return c.label;
    case 'node.add':
      return `add ${c.node.kind} node`;
    case 'node.update':
      return `edit ${c.id}`;
    case 'node.kind':
      return `change ${c.id} to ${KIND_INFO[c.kind].label.toLowerCase()}`;
    case 'remove':
      return c.nodes.length
        ? `delete ${c.nodes.length === 1 ? c.nodes[0] : `${c.nodes.length} nodes`}`
        : `delete ${c.transitions.length === 1 ? 'transition' : `${c.transitions.length} transitions`}`;
    case 'transition.add':
      return `connect ${c.transition.from} → ${c.transition.to}`;
    case 'transition.update':
      return 'edit transition';
    case 'transition.move':
      return 'reorder branches';
    case 'parameter.add':
      return `add parameter ${c.name}`;
    case 'parameter.update':
      return `edit parameter ${c.name}`;
    case 'parameter.rename':
      return `rename parameter ${c.from}`;
    case 'parameter.remove':
      return `delete parameter ${c.name}`;
    case 'nodes.move':
      return c.moves.length === 1 ? `move ${c.moves[0]!.id}` : `move ${c.moves.length} nodes`;
    case 'layout.set':
      return 'tidy layout';
    case 'pathway.update':
      return `edit pathway ${Object.keys(c.patch).join(', ')}`;
  }
}

/** Typing in one field makes one undo step, not one per keystroke. */
export function coalesceKey(c: Change): string | null {
  const fields = (p: Patch) => Object.keys(p).sort().join(',');
  switch (c.type) {
    case 'node.update':
      return `node:${c.id}:${fields(c.patch)}`;
    case 'transition.update':
      return `transition:${c.index}:${fields(c.patch)}`;
    case 'parameter.update':
      return `parameter:${c.name}:${fields(c.patch)}`;
    case 'pathway.update':
      return `pathway:${fields(c.patch)}`;
    case 'nodes.move': // arrow-key nudges of one selection make one step
      return `move:${c.moves.map((m) => m.id).join(',')}`;
    default:
      return null;
  }
}
