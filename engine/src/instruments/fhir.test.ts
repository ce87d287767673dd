import { describe, expect, it } from 'vitest';
import { answersFromFhir } from './fhir.js';
import type { FhirAnswerItem } from './fhir.js';
import { scoreInstrument } from './index.js';

const PHQ9_CODES = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  '44260-8',
];
const LA = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];

function phq9Item(index: number, position: number): FhirAnswerItem {
  return { code: PHQ9_CODES[index], answer: { code: LA[position] } };
}

describe('answersFromFhir: PHQ-9', () => {
  it('maps LOINC question and answer codes onto positions, in any order', () => {
    const items = [8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => phq9Item(i, i % 4));
    expect(answersFromFhir('phq9', items)).toEqual({
      ok: true,
      value: [0, 1, 2, 3, 0, 1, 2, 3, 0, null],
    });
  });

  it('maps the difficulty item and skips the total-score item', () => {
    const items: FhirAnswerItem[] = [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => phq9Item(i, 1)),
      { code: '69722-7', answer: { code: 'LA6575-0' } },
      { code: '44261-6', answer: { ordinal: 9 } },
    ];
    expect(answersFromFhir('phq9', items)).toEqual({
      ok: true,
      value: [1, 1, 1, 1, 1, 1, 1, 1, 1, 2],
    });
  });

  it('matches items without codes by order and takes ordinals as points', () => {
    const items = [3, 2, 1, 0, 0, 0, 0, 0, 1].map((ordinal) => ({
      linkId: 'x',
      answer: { ordinal },
    }));
    expect(answersFromFhir('phq9', items)).toEqual({
      ok: true,
      value: [3, 2, 1, 0, 0, 0, 0, 0, 1, null],
    });
  });

  it('reports an unknown question code', () => {
    expect(answersFromFhir('phq9', [{ code: '12345-6', answer: { code: 'LA6568-5' } }])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.unknown-item', path: '$.items[0]' })],
    });
  });

  it('reports an unknown answer code and an impossible ordinal', () => {
    const result = answersFromFhir('phq9', [
      { code: '44250-9', answer: { code: 'LA9999-9' } },
      { code: '44255-8', answer: { ordinal: 4 } },
      { code: '44259-0', answer: { boolean: true } },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ code: 'fhir.unknown-answer', path: '$.items[0]' }),
        expect.objectContaining({ code: 'fhir.unknown-answer', path: '$.items[1]' }),
        expect.objectContaining({ code: 'fhir.unknown-answer', path: '$.items[2]' }),
      ],
    });
  });

  it('reports an item answered twice', () => {
    expect(answersFromFhir('phq9', [phq9Item(0, 1), phq9Item(0, 2)])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.duplicate-item', path: '$.items[1]' })],
    });
  });

  it('reports an answer code and ordinal that disagree', () => {
    expect(
      answersFromFhir('phq9', [{ code: '44250-9', answer: { code: 'LA6571-9', ordinal: 2 } }]),
    ).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.conflicting-answer', path: '$.items[0]' })],
    });
  });

  it('reports more items than the form has, matched by order', () => {
    const items = Array.from({ length: 11 }, () => ({ answer: { ordinal: 0 } }));
    expect(answersFromFhir('phq9', items)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.unknown-item', path: '$.items[10]' })],
    });
  });

  it('leaves an item without an answer value blank', () => {
    expect(answersFromFhir('phq9', [{ code: '44250-9', answer: {} }])).toEqual({
      ok: true,
      value: [null, null, null, null, null, null, null, null, null, null],
    });
  });

  it('feeds the scorer end to end', () => {
    const answers = answersFromFhir(
      'phq9',
      [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => phq9Item(i, i === 8 ? 1 : 2)),
    );
    expect(answers.ok).toBe(true);
    if (!answers.ok) return;
    expect(scoreInstrument('phq9', answers.value)).toMatchObject({
      ok: true,
      value: { total: 17, band: 'moderately-severe', critical: true, criticalItems: [9] },
    });
  });
});

describe('answersFromFhir: GAD-7 item 2 quirk', () => {
  it('maps LA18938-3 "More days than not" to 2 on item 2 (68509-9)', () => {
    expect(answersFromFhir('gad7', [{ code: '68509-9', answer: { code: 'LA18938-3' } }])).toEqual({
      ok: true,
      value: [null, 2, null, null, null, null, null, null],
    });
  });

  it('still accepts LA6570-1 on item 2', () => {
    const result = answersFromFhir('gad7', [{ code: '68509-9', answer: { code: 'LA6570-1' } }]);
    expect(result.ok && result.value[1]).toBe(2);
  });

  it('does not accept LA18938-3 on other GAD-7 items', () => {
    expect(answersFromFhir('gad7', [{ code: '69725-0', answer: { code: 'LA18938-3' } }])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.unknown-answer', path: '$.items[0]' })],
    });
  });

  it('maps the quirk on GAD-2 item 2 too', () => {
    const result = answersFromFhir('gad2', [
      { code: '69725-0', answer: { code: 'LA6571-9' } },
      { code: '68509-9', answer: { code: 'LA18938-3' } },
    ]);
    expect(result).toEqual({ ok: true, value: [3, 2] });
  });
});

describe('answersFromFhir: keyed and weighted ordinals', () => {
  it('maps EPDS ordinals (points) back through reverse keying', () => {
    const items = [0, 1, 3, 2, 3, 2, 1, 0, 3, 1].map((ordinal) => ({ answer: { ordinal } }));
    // Items 1, 2, 4: position = points; items 3, 5–10: position = 3 − points.
    expect(answersFromFhir('epds', items)).toEqual({
      ok: true,
      value: [0, 1, 0, 2, 0, 1, 2, 3, 0, 2],
    });
  });

  it('maps DAST-10 item 3 ordinal 1 to "No" and booleans to 1/0', () => {
    const items: FhirAnswerItem[] = [
      { answer: { boolean: true } },
      { answer: { boolean: false } },
      { answer: { ordinal: 1 } },
      ...Array.from({ length: 7 }, () => ({ answer: { boolean: false } })),
    ];
    expect(answersFromFhir('dast10', items)).toEqual({
      ok: true,
      value: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });

  it('maps AUDIT Q9/Q10 ordinals 0/2/4 to positions 0/1/2 and rejects 3', () => {
    const base = Array.from({ length: 8 }, () => ({ answer: { ordinal: 0 } }));
    expect(
      answersFromFhir('audit', [...base, { answer: { ordinal: 4 } }, { answer: { ordinal: 2 } }]),
    ).toEqual({
      ok: true,
      value: [0, 0, 0, 0, 0, 0, 0, 0, 2, 1],
    });
    expect(
      answersFromFhir('audit', [...base, { answer: { ordinal: 3 } }, { answer: { ordinal: 0 } }]),
    ).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.unknown-answer', path: '$.items[8]' })],
    });
  });

  it('accepts US Core AUDIT-C item 1 code 68517-2', () => {
    expect(
      answersFromFhir('auditc', [
        { code: '68517-2', answer: { ordinal: 2 } },
        { code: '68519-8', answer: { ordinal: 1 } },
        { code: '68520-6', answer: { ordinal: 0 } },
        { code: '75626-2', answer: { ordinal: 3 } },
      ]),
    ).toEqual({ ok: true, value: [2, 1, 0] });
  });

  it('maps C-SSRS booleans by order and leaves skipped items blank', () => {
    const items: FhirAnswerItem[] = [
      { answer: { boolean: true } },
      { answer: { boolean: false } },
      { answer: {} },
      { answer: {} },
      { answer: {} },
      { answer: { boolean: false } },
    ];
    expect(answersFromFhir('cssrs', items)).toEqual({
      ok: true,
      value: [1, 0, null, null, null, 0, null],
    });
  });
});

describe('answersFromFhir: safety and errors', () => {
  it('refuses adult PHQ-9 item codes in a PHQ-A response (items 1 and 2 are swapped)', () => {
    expect(answersFromFhir('phqa', [{ code: '44250-9', answer: { code: 'LA6571-9' } }])).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          code: 'fhir.unknown-item',
          path: '$.items[0]',
          message: expect.stringContaining('PHQ-9'),
        }),
      ],
    });
  });

  it('reports an unknown instrument', () => {
    expect(answersFromFhir('crafft', [])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'instrument.unknown' })],
    });
  });

  it('reports a non-array items value', () => {
    expect(answersFromFhir('phq9', {} as unknown as FhirAnswerItem[])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.unknown-item', path: '$.items' })],
    });
  });

  it('reports an ambiguous ASQ ordinal (yes and refusal both count 1) but maps booleans', () => {
    expect(answersFromFhir('asq', [{ answer: { ordinal: 1 } }])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'fhir.unknown-answer', path: '$.items[0]' })],
    });
    expect(answersFromFhir('asq', [{ answer: { boolean: true } }])).toEqual({
      ok: true,
      value: [1, null, null, null, null],
    });
  });
});
