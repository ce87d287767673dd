import type { FactInfo } from '@care-pathways/engine';
import { rowForFact, toLogic } from './conditions.js';
import type { Def, JsonLogic, Transition } from './doc.js';
import { factsOf } from './facts.js';

/** A first condition for a new branch: the first score-like fact, e.g. "PHQ-9 latest ≥ 0". */
export function starterCondition(facts: readonly FactInfo[]): JsonLogic {
  const f =
    facts.find((x) => x.type === 'number' && /\.latest$/.test(x.name)) ??
    facts.find((x) => x.type === 'number' && !x.name.startsWith('params.')) ??
    facts[0];
  return (f && toLogic({ mode: 'all', rows: [rowForFact(f)] })) ?? { var: 'enrolled' };
}

/**
 * The transition a new connection makes. The first way out is unconditional (a decision's is
 * its "otherwise"); later ones get a starter condition to edit, so connecting never creates a
 * second fallback (which the validator would reject).
 */
export function newTransition(def: Def, from: string, to: string): Transition {
  const source = def.nodes.find((n) => n.id === from);
  const out = def.transitions.filter((t) => t.from === from);
  const hasFallback = out.some((t) => t.when === undefined);
  if (!hasFallback)
    return source?.kind === 'decision' || out.length ? { from, to, otherwise: true } : { from, to };
  return { from, to, when: starterCondition(factsOf(def)) };
}
