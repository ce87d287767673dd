import { describe, expect, it } from 'vitest';
import {
  diffPathways,
  formatDiff,
  pathwayJsonSchema,
  toMermaid,
  validatePathway,
  type PathwayDefinition,
} from '../index.js';
import { rawFixture } from '../../test/support.js';

const parse = (raw: unknown): PathwayDefinition => {
  const v = validatePathway(raw);
  if (!v.valid) throw new Error(JSON.stringify(v.errors));
  return v.definition!;
};

describe('diff', () => {
  it('finds no change between a pathway and itself with moved nodes and reordered keys', () => {
    const a = rawFixture('depression');
    const b: Record<string, unknown> = Object.fromEntries(
      Object.entries(structuredClone(a)).reverse(),
    );
    b.layout = { 'phq2-screen': { x: 100, y: 50 } };
    b.nodes = [...(a.nodes as unknown[])].reverse();
    expect(Object.keys(b)[0]).not.toBe(Object.keys(a)[0]);
    expect(diffPathways(parse(a), parse(b))).toEqual({ equal: true, changes: [] });
  });

  it('reports added, removed and changed nodes, transitions, conditions and parameters', () => {
    const a = rawFixture('depression') as Record<string, any>;
    const b = structuredClone(a);
    b.parameters.followUpDays.default = 28;
    b.nodes.find((n: any) => n.id === 'enrol').role = 'behavioral-health-clinician';
    b.transitions[3].when = { '>=': [{ var: 'phq9.latest' }, 12] };
    b.nodes.push({ id: 'referred', kind: 'end', outcome: 'referred' });
    b.transitions.push({
      from: 'caseload-review',
      to: 'referred',
      when: { '==': [{ var: 'outcomes.caseload-review' }, 'step-up'] },
    });
    b.nodes = b.nodes.filter((n: any) => n.id !== 'step-up');
    b.transitions = b.transitions.filter((t: any) => t.from !== 'step-up' && t.to !== 'step-up');
    const d = diffPathways(parse(a), parse(b));
    const summary = d.changes.map(
      (c) => `${c.op} ${c.kind} ${c.id}${c.fields ? ` [${c.fields}]` : ''}`,
    );
    expect(summary).toEqual([
      'changed parameter followUpDays [default]',
      'changed node enrol [role]',
      'removed node step-up',
      'added node referred',
      'changed transition severity → enrol [when]',
      'removed transition caseload-review → step-up',
      'removed transition step-up → follow-up',
      'added transition caseload-review → referred',
    ]);
    const text = formatDiff(d);
    expect(text).toContain('when: phq9.latest >= params.phq9Threshold  →  phq9.latest >= 12');
    expect(text).toContain('default: 14 → 28');
  });
});

describe('mermaid', () => {
  it('draws every node and transition, labels conditions, and marks the safety route', () => {
    const text = toMermaid(parse(rawFixture('depression')));
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text).toContain('n_severity{"PHQ-9 severity"}');
    expect(text).toContain('n_severity -->|"phq9.latest #gt;= params.phq9Threshold"| n_enrol');
    expect(text).toContain('n_phq2_screen -->|"otherwise"| n_negative');
    expect(text).toContain('-.->|"safety-risk"| n_safety_assessment');
    expect(text.split('\n').filter((l) => l.includes('-->')).length).toBe(12);
  });
});

describe('JSON Schema', () => {
  it('describes the definition with every node kind', () => {
    const schema = pathwayJsonSchema();
    expect(schema.$schema).toContain('json-schema.org');
    const text = JSON.stringify(schema);
    for (const kind of [
      'screen',
      'assess',
      'decision',
      'task',
      'refer',
      'wait',
      'monitor',
      'step',
      'end',
    ])
      expect(text).toContain(`"const":"${kind}"`);
    expect((schema.required as string[]).sort()).toEqual([
      'id',
      'instruments',
      'nodes',
      'schemaVersion',
      'start',
      'title',
      'transitions',
    ]);
  });
});
