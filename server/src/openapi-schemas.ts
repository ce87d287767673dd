import { z } from 'zod';
import {
  FLAGS,
  INSTRUMENT_IDS,
  PRIORITIES,
  instanceStateSchema,
  parameterSchema,
  pathwayEventSchema,
  pathwayJsonSchema,
  pathwaySchema,
  type Effect,
  type TraceEntry,
} from '@care-pathways/engine';
import { ROLES } from './http/auth.js';
import * as admin from './domain/admin.js';
import * as care from './domain/instances.js';
import * as pathways from './domain/pathways.js';
import { REGISTRY_FLAGS } from './domain/registry.js';
import * as tasks from './domain/tasks.js';

/**
 * The schemas of the OpenAPI document. Requests use the very zod schemas the routes parse with;
 * responses are described here in zod (the domain returns plain objects) and the tests parse real
 * responses with them, so the two cannot drift apart silently.
 */

export type JsonSchema = Record<string, unknown>;

const iso = z.string().meta({ format: 'date-time', description: 'ISO 8601 date-time (UTC)' });
const status = instanceStateSchema.shape.status;

/**
 * The body of `POST /api/pathways/{id}/validate`. routes/pathways.ts keeps its copy private; this
 * one must stay identical (openapi.test.ts checks the route accepts and refuses the same bodies).
 */
export const validateRequestBody = z
  .object({ definition: z.record(z.string(), z.unknown()).optional() })
  .strict();

// ---- Shared shapes ------------------------------------------------------------------------------

export const problemSchema = z
  .object({
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. `schema.required`' }),
    path: z.string().meta({ description: 'JSON path of the field at fault (`$` = the document)' }),
    message: z.string().meta({ description: 'What is wrong, for a person to read' }),
    severity: z.enum(['error', 'warning']),
  })
  .meta({ description: 'One problem found in a definition, an event or a request.' });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          'Stable code to branch on: `request.*` (malformed request), `auth.*`, `<thing>.not-found`, `pathway.*`, `event.*`, `instance.conflict`, …',
        examples: ['patient.not-found'],
      }),
      message: z.string().meta({ description: 'What went wrong and what to do, in plain words' }),
      path: z
        .string()
        .optional()
        .meta({ description: 'JSON path of the field at fault, e.g. `$.externalRef`' }),
      problems: z
        .array(problemSchema)
        .optional()
        .meta({ description: 'Every problem, when there is more than one' }),
    }),
  })
  .meta({ description: 'The one error shape of the API.' });

export const validationSchema = z
  .object({
    valid: z.boolean().meta({ description: 'True when there are no errors (warnings allowed)' }),
    errors: z.array(problemSchema),
    warnings: z.array(problemSchema),
  })
  .meta({ description: 'The result of validating a pathway definition.' });

export const principalSchema = z
  .object({
    practiceId: z.string(),
    role: z.enum(ROLES),
    keyId: z.string().meta({ description: 'Id of the API key (recorded in the audit trail)' }),
  })
  .meta({ description: 'Who the API key belongs to.' });

// ---- Pathways -----------------------------------------------------------------------------------

export const libraryEntrySchema = z.object({
  id: z.string().meta({ description: 'Library id: pass it as `fromLibrary` to adopt' }),
  title: z.string(),
  description: z.string().nullable(),
  parameters: z
    .record(z.string(), parameterSchema)
    .meta({ description: 'What a practice may tailor, with defaults and bounds' }),
});

export const pathwaySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  liveVersion: z.number().int().nullable().meta({ description: 'The version new enrolments use' }),
  latestVersion: z.number().int().nullable(),
  fromLibrary: z.string().nullable(),
  draftUpdatedAt: iso,
  createdAt: iso,
});

export const pathwayCreatedSchema = z.object({
  id: z.string(),
  title: z.string(),
  fromLibrary: z.string().nullable(),
  liveVersion: z.null(),
  latestVersion: z.null(),
  validation: validationSchema,
});

export const draftSchema = z.object({
  id: z.string(),
  definition: z.record(z.string(), z.unknown()).meta({
    description:
      'The draft as last saved: a PathwayDefinition in progress, possibly incomplete or invalid (see `validation`)',
  }),
  updatedAt: iso,
  validation: validationSchema,
});

export const versionSchema = z.object({
  pathwayId: z.string(),
  version: z.number().int().positive(),
  hash: z
    .string()
    .meta({ description: 'sha256 of the canonical definition', examples: ['sha256:…'] }),
  note: z.string().nullable(),
  publishedAt: iso,
  publishedBy: z.string().meta({ description: 'Id of the API key that published it' }),
  live: z.boolean(),
});
export const versionListItemSchema = versionSchema.omit({ pathwayId: true });
export const versionDetailSchema = versionSchema.extend({ definition: pathwaySchema });

export const liveVersionSchema = z.object({
  pathwayId: z.string(),
  liveVersion: z.number().int().positive(),
});

export const changeSchema = z.object({
  op: z.enum(['added', 'removed', 'changed']),
  kind: z.enum([
    'pathway',
    'node',
    'transition',
    'parameter',
    'instrument',
    'safety',
    'measure',
    'scoring',
    'steps',
    'role',
  ]),
  id: z.string().meta({ description: 'Node id, `from → to`, parameter name or field name' }),
  fields: z.array(z.string()).optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const diffSchema = z.object({
  pathwayId: z.string(),
  from: z.string(),
  to: z.string(),
  equal: z.boolean(),
  changes: z.array(changeSchema),
});

// ---- Patients, instances, tasks -----------------------------------------------------------------

export const patientSchema = z.object({
  id: z.string(),
  externalRef: z.string(),
  birthYear: z.number().int().nullable(),
  age: z.number().int().nullable().meta({ description: 'Age in whole years today' }),
  sex: z.enum(['female', 'male', 'other', 'unknown']).nullable(),
  preferredLanguage: z.string().nullable(),
  createdAt: iso,
});

export const patientDetailSchema = patientSchema.extend({
  instances: z.array(
    z.object({
      id: z.string(),
      pathwayId: z.string(),
      version: z.number().int(),
      status,
      node: z.string().meta({ description: 'The node the patient is at' }),
      startedAt: iso,
    }),
  ),
});

const priority = z.enum(PRIORITIES);
const instrument = z.enum(INSTRUMENT_IDS);

/** Effects are what the engine decided; the server carries them out in the same transaction. */
export const effectSchema = z
  .union([
    z.object({
      kind: z.literal('task'),
      action: z.literal('create'),
      id: z.string(),
      node: z.string(),
      role: z.string(),
      title: z.string(),
      priority,
      due: iso.nullable(),
      instrument: instrument.optional(),
    }),
    z.object({
      kind: z.literal('task'),
      action: z.enum(['complete', 'cancel']),
      id: z.string(),
      node: z.string(),
    }),
    z.object({
      kind: z.literal('referral'),
      action: z.literal('create'),
      id: z.string(),
      node: z.string(),
      service: z.string(),
      urgency: priority,
      role: z.string(),
      due: iso.nullable(),
    }),
    z.object({
      kind: z.literal('referral'),
      action: z.enum(['update', 'cancel']),
      id: z.string(),
      node: z.string(),
      status: z.string().optional(),
    }),
    z.object({
      kind: z.literal('timer'),
      action: z.literal('schedule'),
      id: z.string(),
      node: z.string(),
      dueAt: iso,
    }),
    z.object({
      kind: z.literal('timer'),
      action: z.literal('cancel'),
      id: z.string(),
      node: z.string(),
    }),
    z.object({
      kind: z.literal('alert'),
      id: z.string(),
      priority: z.enum(['urgent', 'emergent']),
      reason: z.literal('critical-item'),
      instrument,
      items: z.array(z.number()),
      risk: z.string().optional(),
      role: z.string(),
      message: z.string(),
    }),
    z.object({
      kind: z.literal('outcome'),
      outcome: z.string(),
      node: z.string().nullable(),
      status: z.enum(['completed', 'exited']),
      reason: z.string().optional(),
    }),
  ])
  .meta({
    description:
      'Something the pathway decided: a task or referral opened or closed, a timer scheduled or cancelled, an alert for a critical answer, or the outcome. Tasks appear on the worklist; referrals, alerts and outcomes are queued for your integrations.',
  });

export const traceEntrySchema = z.object({
  at: iso,
  event: z.string(),
  from: z.string(),
  to: z.string(),
  why: z.string().meta({ description: 'Why the pathway moved, in plain words' }),
});

export const instanceViewSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    pathwayId: z.string(),
    version: z
      .number()
      .int()
      .meta({ description: 'The pathway version this patient is pinned to' }),
    revision: z.number().int().meta({
      description: 'Increases with every recorded event; send it back as `If-Match` on events',
    }),
    status,
    active: z.array(z.string()).meta({ description: 'The node(s) the patient is at' }),
    outcome: z.string().nullable(),
    flags: z.array(z.enum(FLAGS)),
    facts: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The facts conditions read (scores, weeks in care, flags, …)' }),
    open: instanceStateSchema.shape.open,
    startedAt: iso,
    updatedAt: iso,
  })
  .meta({ description: "One patient's progress through a pathway." });

export const instanceResultSchema = instanceViewSchema
  .extend({ effects: z.array(effectSchema) })
  .meta({ description: 'The instance after the change, with what the change set in motion.' });

const startedEventSchema = z.object({
  type: z.literal('instance.started'),
  at: iso,
  patient: z.record(z.string(), z.unknown()),
});

export const timelineEntrySchema = z.object({
  seq: z.number().int().meta({ description: '0 for the start, then one per event' }),
  at: iso.meta({ description: 'When it happened (clinical time)' }),
  recordedAt: iso.meta({ description: 'When the server recorded it' }),
  actor: z.string().meta({ description: 'API key id, or `system:scheduler` for timers' }),
  event: z.union([startedEventSchema, pathwayEventSchema]),
  trace: z.array(traceEntrySchema),
  effects: z.array(effectSchema),
});

export const taskSchema = z.object({
  id: z.string(),
  instanceId: z.string(),
  patientId: z.string(),
  patientRef: z.string().meta({ description: "The patient's externalRef" }),
  pathwayId: z.string(),
  node: z.string(),
  role: z.string().meta({ description: 'Who should do it, e.g. `care-manager`' }),
  title: z.string(),
  priority,
  due: iso.nullable(),
  overdue: z.boolean(),
  instrument: z
    .string()
    .nullable()
    .meta({ description: 'Set when completing the task means sending the answers of this form' }),
  status: z.enum(['open', 'completed', 'cancelled']),
  createdAt: iso,
  closedAt: iso.nullable(),
});

// ---- Registry and traffic ----------------------------------------------------------------------

const count = z.number().int().nonnegative();

export const registryRowSchema = z
  .object({
    instanceId: z.string(),
    patientId: z.string(),
    patientRef: z.string().meta({ description: "The patient's externalRef, as stored" }),
    pathwayId: z.string(),
    pathwayTitle: z.string().meta({ description: 'The title of the pinned version' }),
    version: z.number().int().meta({ description: 'The version the instance is pinned to' }),
    nodeId: z.string().meta({ description: 'Where the patient is now' }),
    nodeTitle: z.string().nullable().meta({ description: 'That node’s title, if it has one' }),
    startedAt: iso,
    enrolledAt: iso.nullable().meta({ description: 'When care started (enrolment), if it has' }),
    weeksInCare: count.meta({
      description: 'Whole weeks since enrolment (or the start), as of now',
    }),
    measure: instrument
      .nullable()
      .meta({ description: 'The pathway’s primary outcome measure (e.g. `phq9`)' }),
    baseline: z.number().nullable().meta({ description: 'The first score of the measure' }),
    latest: z.number().nullable().meta({ description: 'The latest score of the measure' }),
    changePercent: z.number().int().nullable().meta({
      description: 'Latest vs baseline, in whole % of the baseline (negative = better)',
    }),
    lastScoreAt: iso.nullable().meta({ description: 'When the measure was last scored' }),
    lastContactAt: iso.nullable().meta({
      description:
        'The last contact: the latest `instrument.completed`, `task.completed` or `contact.logged` event (clinical time)',
    }),
    daysSinceContact: count.meta({
      description: 'Whole days since the last contact, or since enrolment (or the start) if none',
    }),
    minutesThisMonth: count.meta({
      description:
        'Care-management minutes logged (`contact.logged`) this calendar month, UTC (clinical-reference C1)',
    }),
    flags: z.array(z.enum(REGISTRY_FLAGS)).meta({
      description:
        'The engine’s flags as of now, plus `no-contact` (no contact in more than 28 days)',
    }),
    openTasks: count,
    overdueTasks: count.meta({ description: 'Open tasks past their due time' }),
    taskRoles: z
      .array(z.string())
      .meta({ description: 'Roles with an open task for this patient' }),
  })
  .meta({ description: 'One active instance of the caseload.' });

export const trafficSchema = z
  .object({
    pathwayId: z.string(),
    version: z.number().int(),
    instances: count.meta({ description: 'Instances ever started on this version' }),
    transitions: z.array(
      z.object({
        index: count.meta({ description: 'Position in the definition’s `transitions`' }),
        from: z.string(),
        to: z.string(),
        instances: count.meta({ description: 'Instances that took this transition at least once' }),
        times: count.meta({ description: 'How many times it was taken in all (monitors loop)' }),
      }),
    ),
    nodes: z.array(
      z.object({
        id: z.string(),
        active: count.meta({ description: 'Active instances at this node now' }),
        completed: count.meta({ description: 'Instances that ended at this node' }),
      }),
    ),
    exited: count.meta({ description: 'Instances discharged' }),
    offPath: z.object({ override: count, safety: count, discharge: count }).meta({
      description:
        'Instances that moved other than along a drawn transition: a clinician’s override, the safety route, discharge',
    }),
  })
  .meta({
    description: 'How many patients took each transition of a version, and where they are.',
  });

// ---- Admin and health ---------------------------------------------------------------------------

export const practiceSchema = z.object({ id: z.string(), name: z.string(), createdAt: iso });

export const apiKeyCreatedSchema = z.object({
  id: z.string(),
  practiceId: z.string(),
  role: z.enum(ROLES),
  label: z.string().nullable(),
  key: z.string().meta({
    description: 'The secret: shown once, store it safely (only its hash is kept)',
    examples: ['cpk_…'],
  }),
  createdAt: iso,
});

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
});

// Compile-time guard: the documented effect and trace shapes are exactly the engine's types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _effectMatches: Same<z.output<typeof effectSchema>, Effect> = true;
const _traceMatches: Same<z.output<typeof traceEntrySchema>, TraceEntry> = true;
void _effectMatches;
void _traceMatches;

// ---- The components -----------------------------------------------------------------------------

const eventName = (type: string) =>
  `${type
    .split(/[.-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Event`;

/** Component name → zod schema. Schemas used inside others become `$ref`s to these names. */
export const COMPONENTS: Record<string, z.ZodType> = {
  Error: errorSchema,
  Problem: problemSchema,
  Validation: validationSchema,
  Principal: principalSchema,
  PathwayDefinition: pathwaySchema,
  LibraryEntry: libraryEntrySchema,
  PathwaySummary: pathwaySummarySchema,
  PathwayCreated: pathwayCreatedSchema,
  Draft: draftSchema,
  Version: versionSchema,
  VersionListItem: versionListItemSchema,
  VersionDetail: versionDetailSchema,
  LiveVersion: liveVersionSchema,
  Change: changeSchema,
  PathwayDiff: diffSchema,
  Patient: patientSchema,
  PatientDetail: patientDetailSchema,
  Effect: effectSchema,
  TraceEntry: traceEntrySchema,
  OpenWork: instanceStateSchema.shape.open,
  InstanceView: instanceViewSchema,
  InstanceResult: instanceResultSchema,
  TimelineEntry: timelineEntrySchema,
  Task: taskSchema,
  RegistryRow: registryRowSchema,
  Traffic: trafficSchema,
  Practice: practiceSchema,
  ApiKeyCreated: apiKeyCreatedSchema,
  Health: healthSchema,
  Readiness: readinessSchema,
  // Requests: the routes' own schemas.
  CreatePathwayRequest: pathways.createPathwayBody,
  PutDraftRequest: pathways.putDraftBody,
  ValidateRequest: validateRequestBody,
  PublishRequest: pathways.publishBody,
  LiveRequest: pathways.liveBody,
  CreatePatientRequest: care.createPatientBody,
  CreateInstanceRequest: care.createInstanceBody,
  Event: care.apiEventBody,
  ...Object.fromEntries(pathwayEventSchema.options.map((o) => [eventName(o.shape.type.value), o])),
  CompleteTaskRequest: tasks.completeTaskBody,
  CreatePracticeRequest: admin.createPracticeBody,
  CreateKeyRequest: admin.createKeyBody,
};

/** Notes on request fields (the domain schemas carry none): component → property → text. */
const FIELD_NOTES: Record<string, Record<string, string>> = {
  CreatePathwayRequest: {
    definition:
      'A complete pathway definition (see PathwayDefinition). It must validate: if not, 422 lists every problem.',
    fromLibrary: 'Adopt this library pathway (see GET /api/library)',
    id: "Your pathway's id (default: the library id); use another id to adopt a pathway twice",
    title: 'Your title (default: the library title)',
    parameters:
      'Your practice\'s values for the library pathway\'s parameters, e.g. `{ "followUpDays": 21 }`; they become the defaults of your copy and are checked against the declared bounds',
  },
  PutDraftRequest: {
    definition:
      'The whole definition (see PathwayDefinition). It is saved even when invalid (work in progress); its `id`, if given, must be this pathway’s id.',
  },
  ValidateRequest: {
    definition: 'A definition to check instead of the saved draft (nothing is saved)',
  },
  PublishRequest: { note: 'Why this version: shown in the version list and the audit trail' },
  LiveRequest: { version: 'The published version new enrolments should use' },
  CreatePatientRequest: {
    externalRef:
      'Your own reference for the patient (e.g. the EHR number); unique in the practice. Do not put names or other identifying details here.',
    birthYear: 'Year of birth (give this or `age`, not both)',
    age: 'Age in whole years today (stored as a year of birth; give this or `birthYear`, not both)',
    sex: 'Used by conditions that depend on it',
    preferredLanguage: 'BCP 47 language tag, e.g. `en` or `es-MX`',
  },
  CreateInstanceRequest: {
    patientId: 'The patient to enrol (from POST /api/patients)',
    pathwayId: 'The pathway to enrol them in',
    version: 'A published version; by default the live one',
  },
  CompleteTaskRequest: {
    outcome: 'The outcome chosen, for a task that offers several (e.g. `step-up`)',
    note: 'Free text kept in the instance timeline',
    answers:
      'For a task that administers a form (`instrument` set on the task): the chosen option position of each item, 0-based; `null` for an unanswered item',
  },
  CreatePracticeRequest: { name: 'The practice name' },
  CreateKeyRequest: {
    role: 'What the key may do (see the roles table in the introduction)',
    label: 'A label to recognise the key by, e.g. "EHR integration"',
  },
};

/** Drops the ±2^53 bounds zod gives every `.int()`: they say nothing to a reader. */
function tidy(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) return schema.forEach(tidy);
  const s = schema as JsonSchema;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  Object.values(s).forEach(tidy);
}

/** Adds `description` to every property named in `notes` anywhere inside `schema`. */
function annotate(schema: unknown, notes: Record<string, string>): void {
  if (Array.isArray(schema)) return schema.forEach((s) => annotate(s, notes));
  if (!schema || typeof schema !== 'object') return;
  const s = schema as JsonSchema;
  const props = s.properties as Record<string, JsonSchema> | undefined;
  for (const [name, prop] of Object.entries(props ?? {})) {
    const note = notes[name];
    if (note && !prop.$ref) prop.description = note;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) annotate(s[key], notes);
}

const ref = (name: string) => `#/components/schemas/${name}`;

/** The `components.schemas` of the document (JSON Schema 2020-12, as OpenAPI 3.1 takes it). */
export function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: ref,
  }) as { schemas: Record<string, JsonSchema> };
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema;
    annotate(rest, FIELD_NOTES[id] ?? {});
    tidy(rest);
    out[id] = rest;
  }
  // The definition format is the engine's published JSON Schema (as is, bar its own `$id`).
  const { $schema: _s, $id: _i, ...definition } = pathwayJsonSchema();
  out.PathwayDefinition = definition;
  // The event union: say which `type` picks which shape.
  out.Event = {
    ...out.Event,
    description:
      "An event in a patient's care, told to the pathway. `type` says which; `at` (optional) is when it happened, by default now. `timer.fired` is sent by the server alone: the API refuses it.",
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        pathwayEventSchema.options.map((o) => [
          o.shape.type.value,
          ref(eventName(o.shape.type.value)),
        ]),
      ),
    },
  };
  return out;
}
