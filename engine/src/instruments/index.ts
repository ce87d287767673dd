/**
 * Clinical instrument scorers (facts: shared/clinical-reference.md sections 0, A1–A12, A15, E).
 * Answers are form positions; scorers apply keying and weights and report invalid input as
 * problems, never as a score.
 */
import { at, error, fail } from '../problem.js';
import type { Result } from '../problem.js';
import { getInstrument } from './registry.js';
import { INSTRUMENT_IDS } from './types.js';
import type { Answer, Score, ScoreOptions } from './types.js';

export { INSTRUMENT_IDS } from './types.js';
export type {
  Answer,
  Band,
  InstrumentDefinition,
  InstrumentId,
  ItemDefinition,
  Score,
  ScoreOptions,
  Sex,
} from './types.js';
export { getInstrument, instruments, isInstrumentId } from './registry.js';
export { answersFromFhir } from './fhir.js';
export type { FhirAnswer, FhirAnswerItem } from './fhir.js';

/** Scores answers with the named instrument; an unknown id is problem `instrument.unknown`. */
export function scoreInstrument(
  id: string,
  answers: readonly Answer[],
  options?: ScoreOptions,
): Result<Score> {
  const instrument = getInstrument(id);
  if (instrument === undefined) {
    return fail([
      error(
        'instrument.unknown',
        at('$', 'instrument'),
        `Unknown instrument ${JSON.stringify(id)}; expected one of ${INSTRUMENT_IDS.join(', ')}`,
      ),
    ]);
  }
  return instrument.score(answers, options);
}
