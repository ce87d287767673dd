import type { Transition } from './doc.js';

/**
 * Edge ids: `from → to`, and `from → to (2)` for a second transition between the same nodes.
 * The engine's `diffPathways` keys transitions the same way, so a diff change names an edge
 * directly, and ids survive edits elsewhere in the list (unlike indices).
 */
export function transitionKeys(transitions: readonly Pick<Transition, 'from' | 'to'>[]): string[] {
  const seen = new Map<string, number>();
  return transitions.map((t) => {
    const k = `${t.from} → ${t.to}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k} (${n})`;
  });
}

/** The simulator reports taken transitions as "from→to" (no spaces, no counter). */
export const simKey = (t: Pick<Transition, 'from' | 'to'>) => `${t.from}→${t.to}`;
