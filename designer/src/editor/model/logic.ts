import type { JsonLogic } from './doc.js';

/** Rewrites every variable name in a json-logic expression; returns the same object if none change. */
export function mapVars(logic: JsonLogic, fn: (name: string) => string): JsonLogic {
  if (Array.isArray(logic)) {
    const out = logic.map((x) => mapVars(x, fn));
    return out.every((x, i) => x === logic[i]) ? logic : out;
  }
  if (logic === null || typeof logic !== 'object') return logic;
  const entries = Object.entries(logic);
  if (entries.length === 1 && entries[0]![0] === 'var') {
    const arg = entries[0]![1];
    if (typeof arg === 'string') {
      const next = fn(arg);
      return next === arg ? logic : { var: next };
    }
    if (Array.isArray(arg) && typeof arg[0] === 'string') {
      const next = fn(arg[0]);
      return next === arg[0] ? logic : { var: [next, ...arg.slice(1)] };
    }
    return logic;
  }
  let changed = false;
  const out: Record<string, JsonLogic> = {};
  for (const [k, v] of entries) {
    out[k] = mapVars(v, fn);
    if (out[k] !== v) changed = true;
  }
  return changed ? out : logic;
}

/** Variable names an expression reads. */
export function varsOf(logic: JsonLogic): string[] {
  const names: string[] = [];
  mapVars(logic, (n) => {
    names.push(n);
    return n;
  });
  return names;
}
