import fc from 'fast-check';
import { describe, it } from 'vitest';
import { instruments } from './index.js';
import type { Answer, InstrumentId } from './types.js';

const int = (max: number) => fc.integer({ min: 0, max });
const items = (n: number, max: number) => fc.array(int(max), { minLength: n, maxLength: n });
const yesNo = (n: number) => items(n, 1);

/** Random valid answers per instrument, with the total range from the reference (section 0). */
const VALID: Record<
  Exclude<InstrumentId, 'cssrs' | 'asq'>,
  { answers: fc.Arbitrary<Answer[]>; min: number; max: number }
> = {
  phq9: { answers: fc.oneof(items(9, 3), items(10, 3)), min: 0, max: 27 },
  phq2: { answers: items(2, 3), min: 0, max: 6 },
  phqa: {
    answers: fc.oneof(
      items(9, 3),
      fc
        .tuple(
          items(9, 3),
          fc.option(int(1)),
          fc.option(int(3)),
          fc.option(int(1)),
          fc.option(int(1)),
        )
        .map(([scored, a, b, c, d]) => [...scored, a, b, c, d]),
    ),
    min: 0,
    max: 27,
  },
  gad7: { answers: fc.oneof(items(7, 3), items(8, 3)), min: 0, max: 21 },
  gad2: { answers: items(2, 3), min: 0, max: 6 },
  auditc: { answers: items(3, 4), min: 0, max: 12 },
  audit: {
    answers: fc.tuple(items(8, 4), items(2, 2)).map(([a, b]) => [...a, ...b]),
    min: 0,
    max: 40,
  },
  dast10: { answers: yesNo(10), min: 0, max: 10 },
  epds: { answers: items(10, 3), min: 0, max: 30 },
  pcptsd5: {
    answers: fc.oneof(
      fc.constant<Answer[]>([0]),
      fc.constant<Answer[]>([0, null, null, null, null, null]),
      yesNo(5).map((q) => [1, ...q]),
    ),
    min: 0,
    max: 5,
  },
};

describe('property: valid answers always score within the total range', () => {
  for (const [id, { answers, min, max }] of Object.entries(VALID)) {
    it(`${id}: never fails and keeps the total within ${min}–${max}`, () => {
      const def = instruments[id as InstrumentId];
      fc.assert(
        fc.property(
          answers,
          fc.constantFrom<'male' | 'female' | 'other' | undefined>(
            'male',
            'female',
            'other',
            undefined,
          ),
          (a, sex) => {
            const result = def.score(a, sex === undefined ? undefined : { sex });
            if (!result.ok) return false;
            const { total } = result.value;
            return (
              total !== null &&
              total >= min &&
              total <= max &&
              def.bandIds.includes(result.value.band)
            );
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  it('cssrs: valid, skip-logic-consistent answers never fail and give a known risk', () => {
    const answers = fc
      .tuple(yesNo(2), yesNo(3), int(1), int(1))
      .map(([[q1, q2], q3to5, q6, recent]) => [
        q1 ?? 0,
        q2 ?? 0,
        ...(q2 === 1 ? q3to5 : [null, null, null]),
        q6,
        q6 === 1 ? recent : null,
      ]);
    fc.assert(
      fc.property(answers, (a) => {
        const result = instruments.cssrs.score(a);
        return (
          result.ok &&
          ['none', 'low', 'moderate', 'high'].includes(result.value.band) &&
          result.value.total === null
        );
      }),
    );
  });

  it('asq: valid answers never fail; critical exactly when positive', () => {
    const answers = fc.tuple(items(4, 2), int(1)).map(([screen, acuity]) => {
      const positive = screen.some((v) => v > 0);
      return positive ? [...screen, acuity] : screen;
    });
    fc.assert(
      fc.property(answers, (a) => {
        const result = instruments.asq.score(a);
        return result.ok && result.value.critical === result.value.positive;
      }),
    );
  });
});

/** Per instrument: how many answers and the highest valid position of each. */
const SHAPES: Record<InstrumentId, readonly number[]> = {
  phq9: [3, 3, 3, 3, 3, 3, 3, 3, 3],
  phq2: [3, 3],
  phqa: [3, 3, 3, 3, 3, 3, 3, 3, 3],
  gad7: [3, 3, 3, 3, 3, 3, 3],
  gad2: [3, 3],
  auditc: [4, 4, 4],
  audit: [4, 4, 4, 4, 4, 4, 4, 4, 2, 2],
  dast10: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  epds: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  pcptsd5: [1, 1, 1, 1, 1, 1],
  cssrs: [1, 1, 1, 1, 1, 1, 1],
  asq: [2, 2, 2, 2, 1],
};

describe('property: an out-of-range answer always fails', () => {
  for (const [id, maxima] of Object.entries(SHAPES)) {
    it(`${id}: rejects any answer outside its item's range`, () => {
      const def = instruments[id as InstrumentId];
      const arb = fc
        .tuple(
          fc.tuple(...maxima.map((m) => int(m))),
          fc.nat({ max: maxima.length - 1 }),
          fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.integer({ min: 1, max: 1000 })),
        )
        .map(([answers, index, offset]) => {
          const max = maxima[index] ?? 0;
          const bad = offset < 0 ? offset : max + offset;
          return { answers: answers.map((v, i) => (i === index ? bad : v)), index };
        });
      fc.assert(
        fc.property(arb, ({ answers, index }) => {
          const result = def.score(answers);
          return (
            !result.ok &&
            result.problems.some(
              (p) => p.code === 'answers.out-of-range' && p.path === `$.answers[${index}]`,
            )
          );
        }),
        { numRuns: 200 },
      );
    });
  }
});
