import type {
  JsonLogic,
  NodeKind,
  Parameter,
  PathwayDefinitionInput,
  PathwayNode,
  Transition,
} from '@care-pathways/engine';

/**
 * The editor's document. A draft may be invalid while it is being worked on, so the types are
 * the engine's *input* types and every reader stays defensive: a field the schema calls required
 * can still be missing in a half-made draft. Positions (`layout`) live beside the definition,
 * not in it, so dragging a node never re-runs validation.
 */
export type Def = Omit<PathwayDefinitionInput, 'layout'>;
export interface XY {
  x: number;
  y: number;
}
export type Layout = Readonly<Record<string, XY>>;
export interface EditorDoc {
  readonly def: Def;
  readonly layout: Layout;
}

export type { JsonLogic, NodeKind, Parameter, PathwayNode, Transition };

/** Splits a stored definition into the structural part and its layout; fills missing lists. */
export function fromStored(raw: Record<string, unknown>): { def: Def; layout: Layout | null } {
  const { layout, ...rest } = raw as Record<string, unknown> & { layout?: unknown };
  const def = {
    ...rest,
    instruments: Array.isArray(rest.instruments) ? rest.instruments : [],
    nodes: Array.isArray(rest.nodes) ? rest.nodes : [],
    transitions: Array.isArray(rest.transitions) ? rest.transitions : [],
  } as Def;
  return { def, layout: isLayout(layout) ? layout : null };
}

function isLayout(v: unknown): v is Layout {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v).every(
      (p) =>
        p !== null &&
        typeof p === 'object' &&
        typeof (p as XY).x === 'number' &&
        typeof (p as XY).y === 'number',
    )
  );
}

/** The definition to store: positions of existing nodes only, rounded (no noise in files). */
export function toStored(doc: EditorDoc): Record<string, unknown> {
  const layout: Record<string, XY> = {};
  for (const n of doc.def.nodes) {
    const p = doc.layout[n.id];
    if (p) layout[n.id] = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return { ...doc.def, layout } as Record<string, unknown>;
}

/** Parameter values at their defaults (what a simulation runs with unless told otherwise). */
export function parameterDefaults(def: Def): Record<string, number | boolean> {
  return Object.fromEntries(Object.entries(def.parameters ?? {}).map(([k, p]) => [k, p.default]));
}
