import type { PathwayDefinition } from '../definition/schema.js';
import { scoreInstrument } from '../instruments/index.js';
import type { Answer, InstrumentId, Score, ScoreOptions } from '../instruments/types.js';
import type { Result } from '../problem.js';
import type { InstanceState } from './state.js';

/** The scoring options this pathway applies: its tailored thresholds and the patient's sex. */
export function scoreOptions(
  def: PathwayDefinition,
  state: Pick<InstanceState, 'params' | 'patient'>,
  id: InstrumentId,
): ScoreOptions {
  const options: ScoreOptions = {};
  if (state.patient.sex) options.sex = state.patient.sex;
  const t = def.scoring?.[id]?.threshold;
  if (typeof t === 'number') options.threshold = t;
  else if (t) options.threshold = Number(state.params[t.param]);
  return options;
}

export function scoreFor(
  def: PathwayDefinition,
  state: Pick<InstanceState, 'params' | 'patient'>,
  id: InstrumentId,
  answers: readonly Answer[],
): Result<Score> {
  return scoreInstrument(id, answers, scoreOptions(def, state, id));
}
