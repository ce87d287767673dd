import type { Def, JsonLogic, Transition } from './doc.js';

/**
 * A condition the lead has yet to write. The engine's validator reports it as
 * `condition.unfinished` at `$.transitions[i].when` until it is filled in, and the condition
 * builder shows it with no rows; it never holds by accident the way a starter such as
 * "PHQ-9 latest ≥ 0" (true for every patient with a score) would.
 */
export const UNFINISHED: JsonLogic = {};

/** True for the empty condition a new branch starts with. */
export function isUnfinished(when: unknown): boolean {
  return (
    when !== null &&
    typeof when === 'object' &&
    !Array.isArray(when) &&
    Object.keys(when).length === 0
  );
}

/**
 * The transition a new connection makes. The first way out of a node that simply moves on (a
 * task, wait, step, screen or assess) is unconditional: the engine takes it when the node is
 * done. A second or later one, and any from a decision or a monitor, starts as an unfinished
 * condition for the lead to complete: an "otherwise" out of a monitor would leave monitoring at
 * the next follow-up whatever the score, and a decision's branches each need a condition.
 */
export function newTransition(def: Def, from: string, to: string): Transition {
  const source = def.nodes.find((n) => n.id === from);
  const first = !def.transitions.some((t) => t.from === from);
  const branches = source?.kind === 'decision' || source?.kind === 'monitor';
  return first && !branches ? { from, to } : { from, to, when: UNFINISHED };
}
