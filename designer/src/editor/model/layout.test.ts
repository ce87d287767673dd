import { describe, expect, it } from 'vitest';
import {
  autoLayout,
  completeLayout,
  dagreLayout,
  freeSpot,
  layeredLayout,
  NODE_H,
  NODE_W,
} from './layout.js';
import { smallDef } from './fixtures.js';
import { syntheticPathway } from './synthetic.js';
import type { XY } from './doc.js';

const overlaps = (pos: Record<string, XY>) => {
  const list = Object.values(pos);
  // Sort by y then x; only neighbours on one row can overlap in a layered layout.
  list.sort((a, b) => a.y - b.y || a.x - b.x);
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1]!;
    const b = list[i]!;
    if (Math.abs(a.y - b.y) < NODE_H && b.x - a.x < NODE_W) return true;
  }
  return false;
};

describe('layout', () => {
  it('gives every node a position with dagre, top to bottom from the start', () => {
    const def = smallDef();
    const pos = dagreLayout(def);
    expect(Object.keys(pos).sort()).toEqual(def.nodes.map((n) => n.id).sort());
    expect(pos.assess!.y).toBeLessThan(pos.severity!.y);
    expect(pos.severity!.y).toBeLessThan(pos.done!.y);
    expect(overlaps(pos)).toBe(false);
  });

  it('lays out 300 nodes with the fast layered layout, every node placed, none overlapping', () => {
    const def = syntheticPathway(300);
    const pos = autoLayout(def);
    expect(Object.keys(pos)).toHaveLength(300);
    expect(overlaps(pos)).toBe(false);
    expect(pos.screen!.y).toBeLessThan(pos.triage!.y);
    expect(pos.triage!.y).toBeLessThan(pos.discharged!.y);
  });

  it('copes with cycles, self loops, unknown targets and unreachable nodes', () => {
    const def = {
      start: 'a',
      nodes: [
        { id: 'a', kind: 'wait' as const, duration: { days: 1 } },
        { id: 'b', kind: 'wait' as const, duration: { days: 1 } },
        { id: 'lonely', kind: 'end' as const, outcome: 'x' },
      ],
      transitions: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'b' },
        { from: 'b', to: 'ghost' },
      ],
    };
    for (const pos of [layeredLayout(def), dagreLayout(def)]) {
      expect(Object.keys(pos).sort()).toEqual(['a', 'b', 'lonely']);
      expect(overlaps(pos)).toBe(false);
    }
  });

  it('keeps a stored layout and places the few nodes it lacks', () => {
    const def = smallDef();
    const stored = Object.fromEntries(
      def.nodes.slice(0, 5).map((n, i) => [n.id, { x: i * 300, y: 0 }]),
    );
    const pos = completeLayout(def, stored);
    expect(pos.assess).toEqual({ x: 0, y: 0 });
    expect(pos.done!.y).toBeGreaterThan(0);
    expect(completeLayout(def, null)).toEqual(autoLayout(def));
  });
});

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free, and otherwise finds the nearest free one', () => {
    expect(freeSpot({}, { x: 10, y: 20 })).toEqual({ x: 10, y: 20 });
    const layout = { a: { x: 0, y: 0 }, b: { x: 0, y: 100 } };
    const p = freeSpot(layout, { x: 0, y: 50 });
    for (const q of Object.values(layout))
      expect(Math.abs(q.x - p.x) >= NODE_W || Math.abs(q.y - p.y) >= NODE_H).toBe(true);
    expect(Math.hypot(p.x, p.y - 50)).toBeLessThan(2 * (NODE_W + 24));
  });
});
