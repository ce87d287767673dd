import { z } from 'zod';
import { INSTRUMENT_IDS } from '../instruments/types.js';

/**
 * The pathway definition, schemaVersion 1 (DESIGN.md §2). Data, not code: every behaviour is
 * named here and implemented once in the engine. `.strict()` everywhere so a misspelt field is an
 * error with a path rather than a silently ignored setting.
 */

/** Lower-case words joined by hyphens: node ids, outcomes, pathway ids. */
export const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const slug = z
  .string()
  .regex(SLUG, 'must be lower-case words joined by hyphens, e.g. "phq9-screen"');
const paramName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a name of letters and digits, e.g. "followUpDays"');

/** The longest node id (also checked by the events' fast path, runtime/events.ts). */
export const NODE_ID_MAX = 64;
export const nodeIdSchema = slug.max(NODE_ID_MAX);
export const instrumentIdSchema = z.enum(INSTRUMENT_IDS);

export const BUILT_IN_ROLES = [
  'pcp',
  'care-manager',
  'psychiatric-consultant',
  'behavioral-health-clinician',
  'medical-assistant',
  'patient',
] as const;

export const PRIORITIES = ['routine', 'urgent', 'emergent'] as const;
export const prioritySchema = z.enum(PRIORITIES);

/** A json-logic expression (json-logic-js). Its operators and variables are checked by the validator. */
export const conditionSchema = z.custom<JsonLogic>((v) => v !== undefined, {
  message: 'must be a json-logic expression',
});
export type JsonLogic =
  boolean | number | string | null | JsonLogic[] | { [op: string]: JsonLogic };

/** A length of time: a fixed number of hours, days or weeks, or the value of a time parameter. */
export const durationSchema = z
  .object({
    hours: z.number().positive().optional(),
    days: z.number().positive().optional(),
    weeks: z.number().positive().optional(),
    param: paramName.optional(),
  })
  .strict()
  .refine((d) => Object.keys(d).length === 1, {
    message: 'give exactly one of hours, days, weeks or param, e.g. { "days": 14 }',
  });
export type Duration = z.infer<typeof durationSchema>;

export const PARAMETER_UNITS = [
  'hours',
  'days',
  'weeks',
  'points',
  'percent',
  'count',
  'minutes',
] as const;

export const parameterSchema = z
  .object({
    type: z.enum(['integer', 'number', 'boolean']),
    default: z.union([z.number(), z.boolean()]),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.enum(PARAMETER_UNITS).optional(),
    label: z.string().min(1).optional(),
    description: z.string().min(1),
    source: z.string().min(1).optional(),
  })
  .strict();
export type Parameter = z.infer<typeof parameterSchema>;

const nodeBase = {
  id: nodeIdSchema,
  title: z.string().min(1).max(200).optional(),
  description: z.string().optional(),
  /** Entering this node enrols the patient: `enrolled` becomes true and `weeksInCare` counts from here. */
  enrol: z.boolean().optional(),
  /** Where the rule comes from (clinical-reference section or paper). Shown in docs and the designer. */
  source: z.string().optional(),
};
const role = z.string().min(1);

const administer = {
  ...nodeBase,
  instrument: instrumentIdSchema,
  role: role.optional(),
  priority: prioritySchema.optional(),
  due: durationSchema.optional(),
};

export const screenNodeSchema = z.object({ kind: z.literal('screen'), ...administer }).strict();
export const assessNodeSchema = z.object({ kind: z.literal('assess'), ...administer }).strict();
export const decisionNodeSchema = z.object({ kind: z.literal('decision'), ...nodeBase }).strict();
export const taskNodeSchema = z
  .object({
    kind: z.literal('task'),
    ...nodeBase,
    title: z.string().min(1).max(200),
    role,
    priority: prioritySchema.optional(),
    due: durationSchema.optional(),
    /** Allowed outcomes of `task.completed`; when given, any other outcome is rejected. */
    outcomes: z.array(slug).min(1).optional(),
    /** Completing this task documents that the safety concern was addressed and clears `safety-risk`. */
    resolvesSafetyRisk: z.boolean().optional(),
  })
  .strict();
export const referNodeSchema = z
  .object({
    kind: z.literal('refer'),
    ...nodeBase,
    service: z.string().min(1),
    urgency: prioritySchema,
    role: role.optional(),
    due: durationSchema.optional(),
    /** Referral statuses that move the patient on (default: any status). */
    advanceOn: z
      .array(z.enum(['accepted', 'declined', 'completed', 'no-show']))
      .min(1)
      .optional(),
  })
  .strict();
export const waitNodeSchema = z
  .object({ kind: z.literal('wait'), ...nodeBase, duration: durationSchema })
  .strict();
export const monitorNodeSchema = z
  .object({
    kind: z.literal('monitor'),
    ...nodeBase,
    instrument: instrumentIdSchema,
    every: durationSchema,
    role: role.optional(),
  })
  .strict();
export const stepNodeSchema = z
  .object({
    kind: z.literal('step'),
    ...nodeBase,
    direction: z.enum(['up', 'down', 'set']),
    level: z.number().int().optional(),
  })
  .strict();
export const endNodeSchema = z
  .object({ kind: z.literal('end'), ...nodeBase, outcome: slug })
  .strict();

export const nodeSchema = z.discriminatedUnion('kind', [
  screenNodeSchema,
  assessNodeSchema,
  decisionNodeSchema,
  taskNodeSchema,
  referNodeSchema,
  waitNodeSchema,
  monitorNodeSchema,
  stepNodeSchema,
  endNodeSchema,
]);
export type PathwayNode = z.infer<typeof nodeSchema>;
export type NodeKind = PathwayNode['kind'];
export const NODE_KINDS = [
  'screen',
  'assess',
  'decision',
  'task',
  'refer',
  'wait',
  'monitor',
  'step',
  'end',
] as const satisfies readonly NodeKind[];

export const transitionSchema = z
  .object({
    from: nodeIdSchema,
    to: nodeIdSchema,
    /** Taken when this json-logic condition holds over the facts; omitted = always. */
    when: conditionSchema.optional(),
    /** The branch taken when no earlier condition holds (decisions must have one). */
    otherwise: z.literal(true).optional(),
    label: z.string().max(200).optional(),
  })
  .strict()
  .refine((t) => !(t.when !== undefined && t.otherwise), {
    message: 'a transition has either a "when" condition or "otherwise": true, not both',
  });
export type Transition = z.infer<typeof transitionSchema>;

export const pathwaySchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: slug.max(64),
    title: z.string().min(1).max(200),
    description: z.string().optional(),
    instruments: z.array(instrumentIdSchema),
    roles: z.array(z.object({ id: slug, title: z.string().min(1) }).strict()).optional(),
    parameters: z.record(paramName, parameterSchema).default({}),
    /** Tailored positive-screen thresholds per instrument (a number or a parameter name). */
    scoring: z
      .partialRecord(
        instrumentIdSchema,
        z
          .object({ threshold: z.union([z.number(), z.object({ param: paramName }).strict()]) })
          .strict(),
      )
      .optional(),
    /** The primary outcome measure behind the response, remission and not-improving flags. */
    measure: z
      .object({
        instrument: instrumentIdSchema,
        reviewWeek: z.union([z.number().int().positive(), z.object({ param: paramName }).strict()]),
      })
      .strict()
      .optional(),
    steps: z
      .object({ min: z.number().int(), max: z.number().int(), initial: z.number().int() })
      .strict()
      .optional(),
    /** Where a patient goes when a critical item is positive (required if any such instrument is used). */
    safety: z.object({ route: nodeIdSchema }).strict().optional(),
    start: nodeIdSchema,
    nodes: z.array(nodeSchema).min(1),
    transitions: z.array(transitionSchema),
    layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() }).strict()).optional(),
  })
  .strict();

export type PathwayDefinition = z.infer<typeof pathwaySchema>;
/** The definition as written (before defaults are applied). */
export type PathwayDefinitionInput = z.input<typeof pathwaySchema>;

export const DEFAULT_STEPS = { min: 1, max: 4, initial: 1 } as const;
