import type {
  Def,
  EditorDoc,
  JsonLogic,
  Layout,
  Parameter,
  PathwayNode,
  Transition,
  XY,
} from './doc.js';
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
