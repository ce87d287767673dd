import { describe, expect, it } from 'vitest';
import { edgeGeometry } from './edgePath.js';
import { NODE_W } from './layout.js';

describe('edge geometry', () => {
  it('draws a neighbouring edge as a vertical S-curve with its label in the middle', () => {
    const g = edgeGeometry('a → b', 100, 100, 300, 250);
    expect(g.path).toBe('M100,100 C100,175 300,175 300,250');
    expect([g.labelX, g.labelY]).toEqual([200, 175]);
  });

  it('bows an edge that skips a rank in the same column out to the side', () => {
    const g = edgeGeometry('a → c', 100, 100, 100, 500);
    expect(Math.abs(g.labelX - 100)).toBeGreaterThan(NODE_W / 2);
    expect(g.labelY).toBe(300);
  });

  it('joins neighbours on one row with an S-curve, not a loop', () => {
    const g = edgeGeometry('a → b', 100, 176, 400, 100);
    expect(g.path).toBe('M100,176 C100,216 400,60 400,100');
  });

  it('loops an edge back up around the side, the same side every time', () => {
    const a = edgeGeometry('c → a', 100, 500, 100, 100);
    expect(Math.abs(a.labelX - 100)).toBeGreaterThan(NODE_W / 2);
    expect(edgeGeometry('c → a', 100, 500, 100, 100)).toEqual(a);
  });
});
