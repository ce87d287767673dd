import { describe, expect, it } from 'vitest';
import { validatePathway, NODE_KINDS } from '@care-pathways/engine';
import { syntheticPathway } from './synthetic.js';
import { newPathway } from './skeleton.js';
import { newNode } from './kinds.js';
import { smallDef } from './fixtures.js';

describe('generated pathways', () => {
  it.each([5, 12, 60, 300])('syntheticPathway(%i) is valid with exactly that many nodes', (n) => {
    const def = syntheticPathway(n);
    expect(def.nodes).toHaveLength(n);
    const v = validatePathway(def);
    expect(v.errors).toEqual([]);
    expect(new Set(def.nodes.map((x) => x.kind))).toEqual(
      new Set(n >= 12 ? NODE_KINDS : def.nodes.map((x) => x.kind)),
    );
  });

  it('is deterministic', () => {
    expect(syntheticPathway(50)).toEqual(syntheticPathway(50));
  });

  it('a new pathway validates from the start', () => {
    const v = validatePathway(newPathway('my-pathway', 'My pathway'));
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
  });

  it.each(NODE_KINDS)('a new %s node has a unique id and valid fields', (kind) => {
    const def = smallDef();
    const node = newNode(kind, def);
    expect(def.nodes.some((n) => n.id === node.id)).toBe(false);
    // Wire it in (start → node → done) and check that the node itself raises no schema errors.
    const v = validatePathway({
      ...def,
      instruments: [
        ...new Set([...def.instruments, ...('instrument' in node ? [node.instrument] : [])]),
      ],
      nodes: [...def.nodes, node],
      transitions: [
        ...def.transitions,
        { from: 'wait', to: node.id, when: { var: 'enrolled' } },
        ...(kind === 'end'
          ? []
          : [
              {
                from: node.id,
                to: 'done',
                ...(kind === 'decision' ? { otherwise: true as const } : {}),
              },
            ]),
      ],
    });
    expect(v.errors.filter((e) => e.path.startsWith('$.nodes'))).toEqual([]);
  });
});
