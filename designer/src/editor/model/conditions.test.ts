import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { holds } from '@care-pathways/engine';
import {
  describeGroup,
  describeLogic,
  fromLogic,
  fullyStructured,
  rowForFact,
  toLogic,
  type Group,
} from './conditions.js';
import type { JsonLogic } from './doc.js';
import { factLabel } from './facts.js';

const root = fileURLToPath(new URL('../../../../pathways/', import.meta.url));
const libraryConditions: JsonLogic[] = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    try {
      const def = JSON.parse(readFileSync(`${root}${d.name}/pathway.json`, 'utf8'));
      return (def.transitions as { when?: JsonLogic }[]).flatMap((t) =>
        t.when === undefined ? [] : [t.when],
      );
    } catch {
      return [];
    }
  });

const v = (name: string) => ({ var: name });

describe('condition builder ⇄ json-logic', () => {
  it('round-trips every condition in the library pathways exactly', () => {
    expect(libraryConditions.length).toBeGreaterThan(20);
    for (const c of libraryConditions) expect(toLogic(fromLogic(c))).toEqual(c);
  });

  it('reads the library conditions as rows, not raw JSON, where rows can say them', () => {
    const structured = libraryConditions.filter((c) => fullyStructured(fromLogic(c)));
    expect(structured.length / libraryConditions.length).toBeGreaterThan(0.8);
  });

  it('reads "PHQ-9 latest ≥ phq9Threshold AND weeks in care ≥ 10"', () => {
    const logic: JsonLogic = {
      and: [
        { '>=': [v('phq9.latest'), v('params.phq9Threshold')] },
        { '>=': [v('weeksInCare'), 10] },
      ],
    };
    const g = fromLogic(logic);
    expect(g).toEqual({
      mode: 'all',
      rows: [
        {
          kind: 'compare',
          fact: 'phq9.latest',
          op: '>=',
          value: { kind: 'param', name: 'phq9Threshold' },
        },
        { kind: 'compare', fact: 'weeksInCare', op: '>=', value: { kind: 'number', value: 10 } },
      ],
    });
    expect(describeGroup(g, factLabel)).toBe('PHQ-9 latest ≥ phq9Threshold AND weeks in care ≥ 10');
    expect(toLogic(g)).toEqual(logic);
  });

  it('reads flags, yes/no facts, negations, lists and nested groups', () => {
    const logic: JsonLogic = {
      or: [
        { in: ['not-improving', v('flags')] },
        { '!': [{ in: ['overdue', v('flags')] }] },
        v('phq2.positive'),
        { '!': [v('enrolled')] },
        { in: [v('phq9.band'), ['moderate', 'severe']] },
        {
          and: [
            { '==': [v('patient.sex'), 'female'] },
            { '<': [v('phq9.latest'), v('phq9.baseline')] },
          ],
        },
      ],
    };
    const g = fromLogic(logic);
    expect(g.mode).toBe('any');
    expect(g.rows.map((r) => r.kind)).toEqual([
      'flag',
      'flag',
      'truthy',
      'truthy',
      'oneOf',
      'group',
    ]);
    expect(fullyStructured(g)).toBe(true);
    expect(describeGroup(g, factLabel)).toBe(
      'has flag not-improving OR has no flag overdue OR PHQ-2 positive is yes OR enrolled is no OR PHQ-9 band is one of moderate, severe OR (patient sex = "female" AND PHQ-9 latest < PHQ-9 baseline)',
    );
    expect(toLogic(g)).toEqual(logic);
  });

  it('reads "none of" groups and both spellings of "not"', () => {
    const spellings: JsonLogic[] = [
      { '!': [{ or: [v('a.b'), v('c')] }] },
      { '!': { or: [v('a.b'), v('c')] } },
    ];
    for (const logic of spellings) {
      const g = fromLogic(logic);
      expect(g.mode).toBe('none');
      expect(toLogic(g)).toEqual(logic);
    }
    const bare: JsonLogic = { '!': v('enrolled') };
    expect(fromLogic(bare).rows[0]).toMatchObject({ kind: 'truthy', negate: true });
    expect(toLogic(fromLogic(bare))).toEqual(bare);
  });

  it('keeps what it cannot represent verbatim, as raw rows', () => {
    const odd: JsonLogic[] = [
      { '>=': [v('phq9.latest'), { '*': [v('phq9.baseline'), 0.5] }] },
      { '<': [0, v('x'), 5] },
      { '!': [{ '!': [v('enrolled')] }] },
      { var: ['phq9.latest', 0] },
      { and: [v('enrolled')] },
      true,
      { if: [v('a'), true, false] },
    ];
    for (const c of odd) {
      const g = fromLogic(c);
      expect(fullyStructured(g)).toBe(false);
      expect(toLogic(g)).toEqual(c);
    }
    const mixed: JsonLogic = {
      and: [
        { '>=': [v('weeksInCare'), 10] },
        { '>=': [v('phq9.latest'), { '*': [v('phq9.baseline'), 0.5] }] },
      ],
    };
    const g = fromLogic(mixed);
    expect(g.rows.map((r) => r.kind)).toEqual(['compare', 'raw']);
    expect(toLogic(g)).toEqual(mixed);
  });

  it('writes an empty builder as no condition, and one row without a wrapper', () => {
    expect(toLogic({ mode: 'all', rows: [] })).toBeNull();
    const one: Group = { mode: 'any', rows: [{ kind: 'truthy', fact: 'enrolled', negate: false }] };
    expect(toLogic(one)).toEqual(v('enrolled'));
    expect(toLogic({ mode: 'none', rows: one.rows })).toEqual({ '!': [v('enrolled')] });
  });

  it('reads an unfinished condition ({}) as a group with no rows, in words that say so', () => {
    const g = fromLogic({});
    expect(g.rows).toEqual([]);
    expect(describeGroup(g, factLabel)).toBe('condition not chosen yet');
    expect(describeLogic({}, factLabel)).toBe('condition not chosen yet');
  });

  it('describes a whole condition as the builder reads it, with facts in plain words', () => {
    expect(describeLogic({ '>=': [v('phq9.latest'), 0] }, factLabel)).toBe('PHQ-9 latest ≥ 0');
    expect(
      describeLogic(
        { and: [{ '>=': [v('phq9.latest'), v('params.phq9Threshold')] }, v('enrolled')] },
        factLabel,
      ),
    ).toBe('PHQ-9 latest ≥ phq9Threshold AND enrolled is yes');
  });

  it('means the same thing after a round trip (evaluated)', () => {
    const facts = {
      phq9: { latest: 12, baseline: 20, band: 'moderate' },
      flags: ['overdue'],
      weeksInCare: 11,
      params: { t: 10 },
    };
    for (const c of [
      ...libraryConditions,
      { '!': [{ or: [v('enrolled'), { in: ['overdue', v('flags')] }] }] },
    ])
      expect(holds(toLogic(fromLogic(c)) as never, facts)).toBe(holds(c as never, facts));
  });

  it('starts a row by the fact type', () => {
    expect(
      rowForFact({
        name: 'phq9.latest',
        type: 'number',
        description: '',
        range: { min: 0, max: 27 },
      }),
    ).toMatchObject({ kind: 'compare', op: '>=' });
    expect(rowForFact({ name: 'enrolled', type: 'boolean', description: '' })).toMatchObject({
      kind: 'truthy',
    });
    expect(
      rowForFact({ name: 'flags', type: 'string[]', description: '', values: ['safety-risk'] }),
    ).toEqual({
      kind: 'flag',
      flag: 'safety-risk',
      list: 'flags',
      negate: false,
    });
    expect(
      rowForFact({ name: 'phq9.band', type: 'string', description: '', values: ['mild'] }),
    ).toMatchObject({
      kind: 'compare',
      value: { kind: 'string', value: 'mild' },
    });
  });
});

describe('fact labels', () => {
  it('names facts in plain words', () => {
    expect(factLabel('phq9.latest')).toBe('PHQ-9 latest');
    expect(factLabel('gad7.partialResponse')).toBe('GAD-7 partial response');
    expect(factLabel('phq9.items.8')).toBe('PHQ-9 item 9');
    expect(factLabel('weeksInCare')).toBe('weeks in care');
    expect(factLabel('params.reviewWeek')).toBe('reviewWeek');
    expect(factLabel('outcomes.engage')).toBe('outcome of engage');
    expect(factLabel('unknown.thing')).toBe('unknown.thing');
  });
});
