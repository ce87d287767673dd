import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePathway } from '../index.js';
import { rawFixture, tiny } from '../../test/support.js';

/** Codes (and paths) of the problems of a definition. */
function problems(def: unknown, params?: unknown) {
  const r = validatePathway(def, params === undefined ? {} : { params });
  return {
    valid: r.valid,
    errors: r.errors.map((p) => `${p.code} ${p.path}`),
    warnings: r.warnings.map((p) => `${p.code} ${p.path}`),
    all: r,
  };
}

const depression = () => rawFixture('depression') as Record<string, any>;

describe('a valid pathway', () => {
  it('passes the two-node pathway from the README with no problems', () => {
    const r = problems(tiny());
    expect(r).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(r.all.definition?.parameters).toEqual({});
  });

  it('passes the depression fixture, with its overlapping branches as a warning only', () => {
    const r = problems(depression());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['decision.branches-overlap $.transitions[7].when']);
  });
});

describe('schema errors name the field', () => {
  it('rejects a non-object', () => {
    expect(problems([]).errors).toEqual(['schema.not-object $']);
    expect(problems(null).errors).toEqual(['schema.not-object $']);
  });
  it('rejects an unsupported schemaVersion', () => {
    expect(problems(tiny({ schemaVersion: 2 })).errors).toEqual(['schema.version $.schemaVersion']);
  });
  it('reports every schema problem at once, each with its path', () => {
    const r = problems(
      tiny({
        title: '',
        nodes: [
          { id: 'Screen', kind: 'screen', instrument: 'phq10' },
          { id: 'done', kind: 'finish' },
        ],
        extra: 1,
      }),
    );
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'schema.too-small $.title',
        'schema.invalid-format $.nodes[0].id',
        'schema.invalid-value $.nodes[0].instrument',
        'schema.invalid-union $.nodes[1].kind',
        'schema.unrecognized-keys $',
      ]),
    );
  });
  it('rejects a duration with two units', () => {
    const def = tiny({
      nodes: [
        { id: 'screen', kind: 'wait', duration: { days: 1, weeks: 1 } },
        { id: 'done', kind: 'end', outcome: 'x' },
      ],
    });
    expect(problems(def).errors).toEqual(['schema.custom $.nodes[0].duration']);
  });
  it('rejects a transition with both a condition and otherwise', () => {
    const def = tiny({
      transitions: [{ from: 'screen', to: 'done', when: true, otherwise: true }],
    });
    expect(problems(def).errors).toEqual(['schema.custom $.transitions[0]']);
  });
});

describe('references', () => {
  it('rejects duplicate node ids, unknown start, unknown transition ends and an unknown safety route', () => {
    const def = tiny({
      start: 'begin',
      safety: { route: 'nowhere' },
      nodes: [
        { id: 'screen', kind: 'screen', instrument: 'gad7' },
        { id: 'screen', kind: 'end', outcome: 'x' },
        { id: 'done', kind: 'end', outcome: 'y' },
      ],
      transitions: [
        { from: 'screen', to: 'done' },
        { from: 'ghost', to: 'done' },
      ],
    });
    expect(problems(def).errors).toEqual(
      expect.arrayContaining([
        'node.duplicate-id $.nodes[1].id',
        'start.unknown-node $.start',
        'safety.unknown-node $.safety.route',
        'transition.unknown-node $.transitions[1].from',
      ]),
    );
  });
  it('rejects an instrument administered but not listed, and warns about one listed but unused', () => {
    const def = tiny({ instruments: ['gad2'] });
    const r = problems(def);
    expect(r.errors).toContain('instrument.not-declared $.nodes[0].instrument');
    expect(r.warnings).toContain('instrument.unused $.instruments[0]');
  });
  it('rejects an unknown care-team role but accepts one the pathway declares', () => {
    const node = { id: 'call', kind: 'task', title: 'Call', role: 'peer-support' };
    const base = {
      nodes: [
        { id: 'screen', kind: 'screen', instrument: 'gad7' },
        node,
        { id: 'done', kind: 'end', outcome: 'x' },
      ],
      transitions: [
        { from: 'screen', to: 'call' },
        { from: 'call', to: 'done' },
      ],
    };
    expect(problems(tiny(base)).errors).toEqual(['role.unknown $.nodes[1].role']);
    expect(
      problems(tiny({ ...base, roles: [{ id: 'peer-support', title: 'Peer support worker' }] }))
        .errors,
    ).toEqual([]);
  });
  it('warns about layout for a node that does not exist', () => {
    expect(problems(tiny({ layout: { ghost: { x: 0, y: 0 } } })).warnings).toEqual([
      'layout.unknown-node $.layout.ghost',
    ]);
  });
});

describe('parameters', () => {
  const withParam = (p: Record<string, unknown>) =>
    tiny({
      parameters: {
        days: {
          type: 'integer',
          default: 14,
          min: 7,
          max: 28,
          unit: 'days',
          description: 'd',
          ...p,
        },
      },
    });
  it('rejects a default outside the bounds, and inverted bounds', () => {
    expect(problems(withParam({ default: 30 })).errors).toEqual([
      'param.default-out-of-bounds $.parameters.days.default',
    ]);
    expect(problems(withParam({ min: 30 })).errors).toEqual([
      'param.bounds-inverted $.parameters.days.min',
    ]);
    expect(problems(withParam({ default: 7.5 })).errors).toEqual([
      'param.default-type $.parameters.days.default',
    ]);
  });
  it('warns about a numeric parameter without bounds', () => {
    expect(problems(withParam({ max: undefined })).warnings).toEqual([
      'param.unbounded $.parameters.days',
    ]);
  });
  it('checks practice overrides against the bounds', () => {
    expect(problems(withParam({}), { days: 29 }).errors).toEqual([
      'param.out-of-bounds $.params.days',
    ]);
    expect(problems(withParam({}), { days: '14' }).errors).toEqual(['param.type $.params.days']);
    expect(problems(withParam({}), { weeks: 2 }).errors).toEqual(['param.unknown $.params.weeks']);
    expect(problems(withParam({}), { days: 28 }).errors).toEqual([]);
    expect(problems(withParam({}), [1]).errors).toEqual(['param.not-object $.params']);
  });
  it('rejects a duration that reads an undeclared or non-time parameter', () => {
    const def = (param: string) =>
      tiny({
        parameters: {
          points: { type: 'integer', default: 3, min: 1, max: 5, unit: 'points', description: 'p' },
        },
        nodes: [
          { id: 'screen', kind: 'wait', duration: { param } },
          { id: 'done', kind: 'end', outcome: 'x' },
        ],
        instruments: [],
      });
    expect(problems(def('missing')).errors).toEqual(['param.undeclared $.nodes[0].duration.param']);
    expect(problems(def('points')).errors).toEqual([
      'duration.param-not-time $.nodes[0].duration.param',
    ]);
  });
  it('keeps tailored thresholds within the range the evidence supports', () => {
    const d = depression();
    d.parameters.phq2Threshold.max = 5;
    expect(problems(d).errors).toEqual(['scoring.threshold-out-of-range $.scoring.phq2.threshold']);
    expect(problems(tiny({ scoring: { gad7: { threshold: 20 } } })).errors).toEqual([
      'scoring.threshold-out-of-range $.scoring.gad7.threshold',
    ]);
    expect(
      problems(
        tiny({
          instruments: ['gad7', 'cssrs'],
          safety: { route: 'screen' },
          scoring: { cssrs: { threshold: 1 } },
        }),
      ).errors,
    ).toContain('scoring.no-threshold $.scoring.cssrs.threshold');
  });
});

describe('graph', () => {
  it('rejects a non-end node with no way out', () => {
    expect(problems(tiny({ transitions: [] })).errors).toEqual([
      'node.dead-end $.nodes[0]',
      'node.unreachable $.nodes[1]',
    ]);
  });
  it('rejects a decision without otherwise', () => {
    const d = depression();
    d.transitions = d.transitions.filter((t: any) => !(t.from === 'severity' && t.otherwise));
    expect(problems(d).errors).toEqual(['decision.no-otherwise $.nodes[2]']);
  });
  it('rejects a waiting node whose transitions are all conditional', () => {
    const d = depression();
    d.transitions = d.transitions.filter((t: any) => !(t.from === 'phq2-screen' && t.otherwise));
    expect(problems(d).errors).toContain('node.no-fallback $.nodes[0]');
  });
  it('rejects two fallbacks from one node', () => {
    const def = tiny({
      nodes: [
        { id: 'screen', kind: 'screen', instrument: 'gad7' },
        { id: 'done', kind: 'end', outcome: 'x' },
        { id: 'other', kind: 'end', outcome: 'y' },
      ],
      transitions: [
        { from: 'screen', to: 'done' },
        { from: 'screen', to: 'other', otherwise: true },
      ],
    });
    expect(problems(def).errors).toEqual(['transition.multiple-otherwise $.transitions[1]']);
  });
  it('warns that a monitor with an otherwise transition leaves monitoring at its next follow-up', () => {
    const d = depression();
    d.transitions.push({ from: 'follow-up', to: 'remitted', otherwise: true });
    const r = problems(d);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContain('monitor.otherwise-ends $.transitions[12]');
    const w = r.all.warnings.find((p) => p.code === 'monitor.otherwise-ends')!;
    expect(w.message).toContain('leaves monitoring at its next follow-up whatever the score');
    // An unconditional transition is the same fallback; conditional ones are not warned about.
    d.transitions[12] = { from: 'follow-up', to: 'remitted' };
    expect(problems(d).warnings.filter((p) => p.startsWith('monitor.'))).toEqual([
      'monitor.otherwise-ends $.transitions[12]',
    ]);
    expect(problems(depression()).warnings.some((p) => p.startsWith('monitor.'))).toBe(false);
  });
  it('rejects transitions out of an end node', () => {
    expect(
      problems(
        tiny({
          transitions: [
            { from: 'screen', to: 'done' },
            { from: 'done', to: 'screen' },
          ],
        }),
      ).errors,
    ).toEqual(['transition.from-end $.transitions[1]']);
  });
  it('rejects a node no patient can reach', () => {
    const def = tiny({
      nodes: [
        { id: 'screen', kind: 'screen', instrument: 'gad7' },
        { id: 'done', kind: 'end', outcome: 'x' },
        { id: 'island', kind: 'end', outcome: 'y' },
      ],
    });
    expect(problems(def).errors).toEqual(['node.unreachable $.nodes[2]']);
  });
  it('rejects a loop of decisions and steps that never waits (livelock)', () => {
    const def = tiny({
      nodes: [
        { id: 'screen', kind: 'screen', instrument: 'gad7' },
        { id: 'up', kind: 'step', direction: 'up' },
        { id: 'check', kind: 'decision' },
        { id: 'done', kind: 'end', outcome: 'x' },
      ],
      transitions: [
        { from: 'screen', to: 'up' },
        { from: 'up', to: 'check' },
        { from: 'check', to: 'done', when: { '>=': [{ var: 'stepLevel' }, 9] } },
        { from: 'check', to: 'up', otherwise: true },
      ],
    });
    expect(problems(def).errors).toEqual(['graph.livelock $.nodes[1]']);
  });
  it('accepts a loop that waits (a monitor cycle)', () => {
    expect(problems(depression()).errors).toEqual([]);
  });
  it('warns when a reachable node can never reach an end', () => {
    const def = tiny({
      nodes: [
        { id: 'screen', kind: 'screen', instrument: 'gad7' },
        { id: 'loop', kind: 'wait', duration: { days: 7 } },
        { id: 'done', kind: 'end', outcome: 'x' },
      ],
      transitions: [
        { from: 'screen', to: 'loop', when: { var: 'gad7.positive' } },
        { from: 'screen', to: 'done', otherwise: true },
        { from: 'loop', to: 'loop' },
      ],
    });
    expect(problems(def).warnings).toEqual(['node.cannot-finish $.nodes[1]']);
  });
  it('rejects a step level outside the pathway steps, and a set step without a level', () => {
    const def = (node: Record<string, unknown>) =>
      tiny({
        nodes: [
          { id: 'screen', kind: 'screen', instrument: 'gad7' },
          { id: 'up', kind: 'step', ...node },
          { id: 'done', kind: 'end', outcome: 'x' },
        ],
        transitions: [
          { from: 'screen', to: 'up' },
          { from: 'up', to: 'done' },
        ],
      });
    expect(problems(def({ direction: 'set', level: 5 })).errors).toEqual([
      'step.level-out-of-range $.nodes[1].level',
    ]);
    expect(problems(def({ direction: 'set' })).errors).toEqual([
      'step.level-required $.nodes[1].level',
    ]);
    expect(
      problems({ ...def({ direction: 'up' }), steps: { min: 1, max: 3, initial: 4 } }).errors,
    ).toEqual(['steps.invalid $.steps']);
  });
});

describe('conditions', () => {
  const cond = (when: unknown, extra: Record<string, unknown> = {}) => {
    const d = depression();
    d.transitions[3].when = when; // severity → enrol
    return problems({ ...d, ...extra });
  };
  it('rejects an unknown fact and suggests the closest name', () => {
    const r = cond({ '>=': [{ var: 'phq9.lastest' }, 10] });
    expect(r.errors).toEqual(['condition.unknown-fact $.transitions[3].when[">="][0].var']);
    expect(r.all.errors[0]!.message).toContain('did you mean "phq9.latest"');
  });
  it('rejects a fact of an instrument the pathway does not use', () => {
    expect(cond({ '>=': [{ var: 'gad7.latest' }, 10] }).errors).toEqual([
      'condition.unknown-fact $.transitions[3].when[">="][0].var',
    ]);
  });
  it('rejects an undeclared parameter and an outcome of a non-task node', () => {
    expect(cond({ '>=': [{ var: 'phq9.latest' }, { var: 'params.cutoff' }] }).errors).toEqual([
      'condition.unknown-fact $.transitions[3].when[">="][1].var',
    ]);
    expect(cond({ '==': [{ var: 'outcomes.severity' }, 'x'] }).errors).toEqual([
      'condition.unknown-fact $.transitions[3].when["=="][0].var',
    ]);
  });
  it('rejects an unknown operator and a malformed operation', () => {
    expect(cond({ greater: [{ var: 'phq9.latest' }, 10] }).errors).toEqual([
      'condition.unknown-operator $.transitions[3].when.greater',
    ]);
    expect(cond({ '>=': [1, 2], '<': [1, 2] }).errors).toEqual([
      'condition.not-an-operation $.transitions[3].when',
    ]);
  });
  it('rejects an unfinished (empty) condition, naming the transition', () => {
    const r = cond({});
    expect(r.errors).toEqual(['condition.unfinished $.transitions[3].when']);
    expect(r.all.errors[0]!.message).toContain('unfinished');
  });
  it('rejects a variable that is not written out', () => {
    expect(cond({ var: { cat: ['phq', '9'] } }).errors).toEqual([
      'condition.dynamic-var $.transitions[3].when.var',
    ]);
  });
  it('rejects a constant the fact can never take (PHQ-9 ≥ 30)', () => {
    const r = cond({ '>=': [{ var: 'phq9.latest' }, 30] });
    expect(r.errors).toEqual(['condition.constant-out-of-range $.transitions[3].when[">="][1]']);
    expect(r.all.errors[0]!.message).toContain('between 0 and 27');
  });
  it('rejects a band or flag that does not exist, and a number compared with text', () => {
    expect(cond({ '==': [{ var: 'phq9.band' }, 'very-severe'] }).errors).toEqual([
      'condition.unknown-value $.transitions[3].when["=="][1]',
    ]);
    expect(cond({ in: ['improving', { var: 'flags' }] }).errors).toEqual([
      'condition.unknown-value $.transitions[3].when.in[0]',
    ]);
    expect(cond({ '>=': [{ var: 'phq9.latest' }, 'ten'] }).errors).toEqual([
      'condition.type-mismatch $.transitions[3].when[">="][1]',
    ]);
  });
  it('accepts item access such as phq9.items.8', () => {
    expect(cond({ '>': [{ var: 'phq9.items.8' }, 0] }).errors).toEqual([]);
  });
  it('warns about a branch that an earlier one always catches', () => {
    const d = depression();
    d.transitions.splice(4, 0, {
      from: 'severity',
      to: 'negative',
      when: { '>=': [{ var: 'phq9.latest' }, 15] },
    });
    expect(problems(d).warnings).toContain('decision.branch-shadowed $.transitions[4].when');
  });
  it('gives an overlap example with only the facts that matter, at values near the thresholds', () => {
    const d = tiny({
      instruments: ['phq9'],
      parameters: {
        outreachAfterDays: {
          type: 'integer',
          default: 28,
          min: 14,
          max: 56,
          description: 'days without engagement before outreach',
        },
      },
      nodes: [
        { id: 'screen', kind: 'screen', instrument: 'phq9' },
        { id: 'done', kind: 'end', outcome: 'screened' },
        { id: 'late', kind: 'end', outcome: 'lost' },
      ],
      transitions: [
        {
          from: 'screen',
          to: 'done',
          when: { or: [{ var: 'phq9.response' }, { '<': [{ var: 'phq9.latest' }, 5] }] },
        },
        {
          from: 'screen',
          to: 'late',
          when: { '>=': [{ var: 'daysSinceEngagement' }, { var: 'params.outreachAfterDays' }] },
        },
        { from: 'screen', to: 'done' },
      ],
      safety: { route: 'late' },
    });
    expect(problems(d).errors).toEqual([]);
    const overlap = problems(d).all.warnings.find((w) => w.code === 'decision.branches-overlap');
    expect(overlap?.path).toBe('$.transitions[1].when');
    // Past the parameter's default, not at the fact's stand-in maximum; the PHQ-9 score shown
    // below 5 (not 0, the range's end), with the response flag left out as it then does not matter.
    expect(overlap?.message).toBe(
      'overlaps the earlier branch $.transitions[0] (both hold when phq9.latest = 4, daysSinceEngagement = 28, params.outreachAfterDays = 28); the earlier one is taken',
    );
  });
  it('warns about a condition that never holds', () => {
    const d = depression();
    d.transitions.splice(4, 0, {
      from: 'severity',
      to: 'negative',
      when: { and: [{ '<': [{ var: 'phq9.latest' }, 5] }, { '>': [{ var: 'phq9.latest' }, 20] }] },
    });
    expect(problems(d).warnings).toContain('condition.never-holds $.transitions[4].when');
  });
});

describe('safety rule', () => {
  it('rejects a pathway that administers an instrument with critical items and has no safety route', () => {
    const d = depression();
    delete d.safety;
    const r = problems(d);
    expect(r.errors).toContain('safety.no-route $.safety');
    expect(r.all.errors.find((e) => e.code === 'safety.no-route')!.message).toContain('PHQ-9');
  });
  it('warns when no task ever resolves the safety risk', () => {
    const d = depression();
    delete d.nodes[7].resolvesSafetyRisk;
    expect(problems(d).warnings).toContain('safety.never-resolved $.safety');
  });
});

describe('robustness', () => {
  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = validatePathway(value);
        expect(typeof r.valid).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of a valid pathway, and reports a path for every error', () => {
    const base = depression();
    const paths = [
      'nodes',
      'transitions',
      'parameters',
      'start',
      'safety',
      'measure',
      'scoring',
      'instruments',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (key, value) => {
        const r = validatePathway({ ...base, [key]: value });
        for (const e of r.errors) expect(e.path.startsWith('$')).toBe(true);
        expect(r.errors.some((e) => e.code === 'validator.internal')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
