/**
 * @care-pathways/engine — the pure core. No I/O, no clock, no randomness: time and ids come in
 * as inputs and effects go out as data (DESIGN.md §1–6).
 */
export type { Problem, Result } from './problem.js';

// The definition format
export {
  pathwaySchema,
  nodeSchema,
  transitionSchema,
  parameterSchema,
  durationSchema,
  NODE_KINDS,
  BUILT_IN_ROLES,
  DEFAULT_STEPS,
  PRIORITIES,
  type PathwayDefinition,
  type PathwayDefinitionInput,
  type PathwayNode,
  type NodeKind,
  type Transition,
  type Parameter,
  type Duration,
  type JsonLogic,
} from './definition/schema.js';
export { resolveParameters, type ParameterValues } from './definition/parameters.js';
export { validatePathway, type ValidationResult, type ValidateOptions } from './validate/index.js';

// Instruments
export {
  instruments,
  getInstrument,
  isInstrumentId,
  scoreInstrument,
  answersFromFhir,
  INSTRUMENT_IDS,
  type InstrumentId,
  type InstrumentDefinition,
  type Score,
  type Answer,
  type ScoreOptions,
} from './instruments/index.js';

// Facts and flags
export { factCatalogue, type FactInfo, type FactType } from './facts/catalogue.js';
export { factsOf, type Facts } from './facts/view.js';
export { deriveFlags, RESPONSE_BASELINE_MIN } from './facts/flags.js';
export { holds, describe as describeCondition } from './logic/evaluate.js';

// Runtime
export {
  compile,
  restoreSnapshot,
  start,
  step,
  replay,
  PathwayError,
  type StartInput,
  type StepResult,
  type ReplayResult,
} from './runtime/step.js';
export {
  simulate,
  simulationScriptSchema,
  type SimulationScript,
  type SimulationOutput,
  type SimulationResult,
} from './runtime/simulate.js';
export {
  pathwayEventSchema,
  EVENT_TYPES,
  REFERRAL_STATUSES,
  type PathwayEvent,
  type PathwayEventType,
  type TimedEvent,
} from './runtime/events.js';
export type { Effect, EffectKind, Priority } from './runtime/effects.js';
export type { TraceEntry } from './runtime/context.js';
export { transitionReason } from './runtime/machine.js';
export {
  instanceStateSchema,
  FLAGS,
  type InstanceState,
  type Flag,
  type OpenTask,
  type OpenTimer,
  type Patient,
} from './runtime/state.js';

// Tools
export {
  diffPathways,
  formatDiff,
  canonical,
  type PathwayDiff,
  type Change,
} from './tools/diff.js';
export { toMermaid } from './tools/mermaid.js';
export { pathwayJsonSchema } from './tools/json-schema.js';
export { explore, type Coverage, type ExploreOptions, type StuckState } from './tools/explore.js';
export { answerSamples, type AnswerSample } from './tools/samples.js';
export {
  runScenario,
  parseScenarioFile,
  scenarioScript,
  scenarioSchema,
  scenarioFileSchema,
  overlaySchema,
  SCENARIO_START,
  type Scenario,
  type ScenarioFile,
  type ScenarioResult,
  type Overlay,
} from './tools/scenarios.js';
