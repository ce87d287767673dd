import { z } from 'zod';
import * as admin from './domain/admin.js';
import * as care from './domain/instances.js';
import * as pathways from './domain/pathways.js';
import * as registry from './domain/registry.js';
import * as tasks from './domain/tasks.js';
import type { RouteSpec } from './openapi.js';
import { validateRequestBody } from './openapi-schemas.js';

/**
 * Every route of the API, as the OpenAPI document describes it. openapi.test.ts compares this
 * table with the routes the Hono app registers: a route missing here fails the build.
 */

const PATHWAY_ID = 'The pathway id, e.g. `cocm-depression`';
const versionOrDraft = z.string().regex(/^(\d+|draft)$/);

/** A small valid definition, used by the examples. */
const EXAMPLE_DEFINITION = {
  schemaVersion: 1,
  id: 'anxiety-screen',
  title: 'Anxiety screening',
  instruments: ['gad7'],
  start: 'gad7-screen',
  nodes: [
    { id: 'gad7-screen', kind: 'screen', instrument: 'gad7' },
    { id: 'decide', kind: 'decision' },
    { id: 'review', kind: 'task', title: 'Review with the care manager', role: 'care-manager' },
    { id: 'negative', kind: 'end', outcome: 'screen-negative' },
    { id: 'reviewed', kind: 'end', outcome: 'reviewed' },
  ],
  transitions: [
    { from: 'gad7-screen', to: 'decide' },
    { from: 'decide', to: 'review', when: { '>=': [{ var: 'gad7.latest' }, 10] } },
    { from: 'decide', to: 'negative', otherwise: true },
    { from: 'review', to: 'reviewed' },
  ],
};

const PATHWAY_404 = ['pathway.not-found', 'no pathway with this id in your practice'] as const;

export const ROUTES: RouteSpec[] = [
  // ---- Health -----------------------------------------------------------------------------------
  {
    method: 'get',
    path: '/healthz',
    tag: 'Health',
    operationId: 'health',
    summary: 'Liveness probe',
    description: 'Answers while the process is up. It does not touch the database (see /readyz).',
    access: 'public',
    ok: { status: 200, description: 'The process is up.', schema: 'Health' },
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'Health',
    operationId: 'ready',
    summary: 'Readiness probe',
    description:
      'Answers 200 when the database answers, 503 when it does not: take the instance out of the load balancer until it is ready again.',
    access: 'public',
    ok: { status: 200, description: 'Ready to serve requests.', schema: 'Readiness' },
    other: { 503: { description: 'The database does not answer.', schema: 'Readiness' } },
  },

  // ---- Documentation ----------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Documentation',
    operationId: 'openApiDocument',
    summary: 'This OpenAPI document',
    description:
      'The OpenAPI 3.1 description of the API. Schemas are JSON Schema 2020-12: use them to generate a client or to validate your requests.',
    access: 'public',
    ok: {
      status: 200,
      description: 'The OpenAPI 3.1 document.',
      schema: { type: 'object', description: 'An OpenAPI 3.1 document' },
    },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'Documentation',
    operationId: 'apiReference',
    summary: 'Interactive API reference',
    description:
      'A page to browse this document and try the API from the browser (Authorize with your API key first). Served entirely by this server: it works offline.',
    access: 'public',
    ok: { status: 200, description: 'An HTML page.', contentType: 'text/html' },
  },

  // ---- Admin ------------------------------------------------------------------------------------
  {
    method: 'post',
    path: '/api/admin/practices',
    tag: 'Admin',
    operationId: 'createPractice',
    summary: 'Create a practice',
    description:
      'Bootstrap: creates a practice (a tenant). Its pathways, patients and keys are invisible to every other practice. Then create its first API key with `POST /api/admin/practices/{practiceId}/keys`.',
    access: 'admin-token',
    body: {
      component: 'CreatePracticeRequest',
      zod: admin.createPracticeBody,
      examples: {
        practice: { summary: 'A practice', value: { name: 'Riverside Family Practice' } },
      },
    },
    ok: { status: 201, description: 'The practice was created.', schema: 'Practice' },
  },
  {
    method: 'post',
    path: '/api/admin/practices/{practiceId}/keys',
    tag: 'Admin',
    operationId: 'createKey',
    summary: 'Create an API key',
    description:
      'Creates an API key with one role for the practice. The response is the only time the secret `key` is shown: only its hash is stored. Give each integration and each kind of user its own key, with the narrowest role that works.',
    access: 'admin-token',
    params: { practiceId: 'The practice id (from `POST /api/admin/practices`)' },
    body: {
      component: 'CreateKeyRequest',
      zod: admin.createKeyBody,
      examples: {
        ehr: {
          summary: 'A clinician key for the EHR',
          value: { role: 'clinician', label: 'EHR integration' },
        },
        designer: { summary: 'A designer key', value: { role: 'designer' } },
      },
    },
    ok: {
      status: 201,
      description: 'The key, with its secret (shown once).',
      schema: 'ApiKeyCreated',
    },
    errors: { 404: [['practice.not-found', 'no practice with this id']] },
  },

  // ---- Account ----------------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/me',
    tag: 'Account',
    operationId: 'me',
    summary: 'Who am I',
    description: 'The practice and role of the API key you send: a quick way to check a key works.',
    access: 'read',
    ok: { status: 200, description: 'The key’s practice and role.', schema: 'Principal' },
  },

  // ---- Library ----------------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/library',
    tag: 'Library',
    operationId: 'listLibrary',
    summary: 'List library pathways',
    description:
      'The ready-made pathways this server ships, with the parameters a practice may tailor (thresholds, follow-up intervals, …) and their bounds. Adopt one with `POST /api/pathways` and `fromLibrary`.',
    access: 'read',
    ok: {
      status: 200,
      description: 'The library.',
      schema: { type: 'array', items: { $ref: '#/components/schemas/LibraryEntry' } },
    },
  },

  // ---- Pathways ---------------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/pathways',
    tag: 'Pathways',
    operationId: 'listPathways',
    summary: 'List your pathways',
    description: 'Your practice’s pathways, with their live and latest published versions.',
    access: 'read',
    ok: {
      status: 200,
      description: 'The pathways, by id.',
      schema: { type: 'array', items: { $ref: '#/components/schemas/PathwaySummary' } },
    },
  },
  {
    method: 'post',
    path: '/api/pathways',
    tag: 'Pathways',
    operationId: 'createPathway',
    summary: 'Create a pathway (adopt from the library or import)',
    description:
      'Either adopt a library pathway (`fromLibrary`, optionally with your parameter values, id and title) or import a complete definition (`definition`). The result is a draft: publish it (`POST /api/pathways/{id}/versions`) and set it live before enrolling patients.',
    access: 'design',
    body: {
      component: 'CreatePathwayRequest',
      zod: pathways.createPathwayBody,
      examples: {
        adopt: {
          summary: 'Adopt a library pathway with your follow-up interval',
          value: { fromLibrary: 'cocm-depression', parameters: { acuteFollowUpDays: 14 } },
        },
        adoptTwice: {
          summary: 'Adopt it again under another id',
          value: {
            fromLibrary: 'cocm-depression',
            id: 'cocm-depression-adolescent',
            title: 'Depression care (adolescents)',
          },
        },
        import: { summary: 'Import a definition', value: { definition: EXAMPLE_DEFINITION } },
      },
    },
    ok: {
      status: 201,
      description: 'The pathway was created (as a draft).',
      schema: 'PathwayCreated',
    },
    errors: {
      404: [['library.not-found', 'no library pathway with this id (see GET /api/library)']],
      409: [
        [
          'pathway.exists',
          'your practice already has a pathway with this id: adopt it under another `id`',
        ],
      ],
      422: [
        ['pathway.*', 'the definition is not valid; `problems` lists each problem with its path'],
        ['param.*', 'a parameter value is of the wrong type or outside its bounds'],
      ],
    },
  },
  {
    method: 'get',
    path: '/api/pathways/{id}/draft',
    tag: 'Pathways',
    operationId: 'getDraft',
    summary: 'Get the draft',
    description:
      'The working copy of the definition, as last saved, with its validation. Published versions never change; the draft is where edits happen.',
    access: 'read',
    params: { id: PATHWAY_ID },
    ok: { status: 200, description: 'The draft and its validation.', schema: 'Draft' },
    errors: { 404: [PATHWAY_404] },
  },
  {
    method: 'put',
    path: '/api/pathways/{id}/draft',
    tag: 'Pathways',
    operationId: 'putDraft',
    summary: 'Save the draft',
    description:
      'Replaces the draft with the definition you send. An invalid draft is saved anyway (work in progress) and the response says what is wrong; only publishing requires it to be valid.',
    access: 'design',
    params: { id: PATHWAY_ID },
    body: {
      component: 'PutDraftRequest',
      zod: pathways.putDraftBody,
      examples: {
        save: {
          summary: 'Save a definition',
          value: { definition: { ...EXAMPLE_DEFINITION, title: 'Anxiety screening (GAD-7)' } },
        },
      },
    },
    ok: { status: 200, description: 'The saved draft and its validation.', schema: 'Draft' },
    errors: {
      404: [PATHWAY_404],
      422: [['pathway.id-mismatch', "the definition's `id` is not this pathway's id"]],
    },
  },
  {
    method: 'post',
    path: '/api/pathways/{id}/validate',
    tag: 'Pathways',
    operationId: 'validatePathway',
    summary: 'Validate the draft (or a definition)',
    description:
      'Checks the saved draft, or the `definition` you send, without saving anything: structure, references, reachability, conditions, parameters. Send no body to check the draft.',
    access: 'read',
    params: { id: PATHWAY_ID },
    body: {
      component: 'ValidateRequest',
      zod: validateRequestBody,
      optional: true,
      examples: {
        draft: { summary: 'Check the saved draft', value: {} },
        definition: { summary: 'Check a definition', value: { definition: EXAMPLE_DEFINITION } },
      },
    },
    ok: {
      status: 200,
      description: 'The validation (200 even when the definition is invalid).',
      schema: 'Validation',
    },
    errors: {
      404: [['pathway.not-found', 'no pathway with this id (only when checking the draft)']],
    },
  },
  {
    method: 'post',
    path: '/api/pathways/{id}/versions',
    tag: 'Pathways',
    operationId: 'publishVersion',
    summary: 'Publish the draft as a new version',
    description:
      'Freezes the current draft as the next numbered, immutable, hashed version. Publishing does not change what new patients get: set the version live for that. Patients already enrolled stay on their version.',
    access: 'publish',
    params: { id: PATHWAY_ID },
    body: {
      component: 'PublishRequest',
      zod: pathways.publishBody,
      optional: true,
      examples: {
        note: {
          summary: 'With a note',
          value: { note: 'Follow-up every 3 weeks, agreed at the team meeting' },
        },
      },
    },
    ok: { status: 201, description: 'The new version.', schema: 'Version' },
    errors: {
      404: [PATHWAY_404],
      409: [
        ['pathway.unchanged', 'the draft is identical to the latest version: nothing to publish'],
      ],
      422: [['pathway.*', 'the draft is not valid; `problems` lists each problem with its path']],
    },
  },
  {
    method: 'get',
    path: '/api/pathways/{id}/versions',
    tag: 'Pathways',
    operationId: 'listVersions',
    summary: 'List published versions',
    description: 'Every published version, oldest first; `live` marks the one new enrolments use.',
    access: 'read',
    params: { id: PATHWAY_ID },
    ok: {
      status: 200,
      description: 'The versions.',
      schema: { type: 'array', items: { $ref: '#/components/schemas/VersionListItem' } },
    },
    errors: { 404: [PATHWAY_404] },
  },
  {
    method: 'get',
    path: '/api/pathways/{id}/versions/{version}',
    tag: 'Pathways',
    operationId: 'getVersion',
    summary: 'Get a published version',
    description: 'A published version with its full definition (as validated, defaults filled in).',
    access: 'read',
    params: { id: PATHWAY_ID, version: 'The version number (1, 2, …)' },
    ok: { status: 200, description: 'The version and its definition.', schema: 'VersionDetail' },
    errors: {
      400: [['request.invalid-param', '`version` is not a positive whole number']],
      404: [PATHWAY_404, ['version.not-found', 'the pathway has no such version']],
    },
  },
  {
    method: 'post',
    path: '/api/pathways/{id}/live',
    tag: 'Pathways',
    operationId: 'setLive',
    summary: 'Set the live version',
    description:
      'Chooses the published version that new enrolments use. Patients already enrolled keep the version they started on. Setting an older version live is how you roll back.',
    access: 'publish',
    params: { id: PATHWAY_ID },
    body: {
      component: 'LiveRequest',
      zod: pathways.liveBody,
      examples: { live: { summary: 'Make version 2 live', value: { version: 2 } } },
    },
    ok: { status: 200, description: 'The live version.', schema: 'LiveVersion' },
    errors: {
      404: [PATHWAY_404, ['version.not-found', 'the pathway has no such version']],
    },
  },
  {
    method: 'get',
    path: '/api/pathways/{id}/diff',
    tag: 'Pathways',
    operationId: 'diffVersions',
    summary: 'Compare two versions (or a version and the draft)',
    description:
      'What changes for patients between two versions: nodes, transitions, conditions, parameters, safety routing, measures. Layout and key order are ignored. Review it before publishing or setting live.',
    access: 'read',
    params: { id: PATHWAY_ID },
    query: {
      schema: z.object({ from: versionOrDraft, to: versionOrDraft }),
      notes: {
        from: 'A version number, or `draft`',
        to: 'A version number, or `draft`',
      },
    },
    ok: { status: 200, description: 'The changes (empty when equal).', schema: 'PathwayDiff' },
    errors: {
      400: [
        ['request.invalid-query', '`from` or `to` is missing, or neither a number nor `draft`'],
      ],
      404: [PATHWAY_404, ['version.not-found', 'the pathway has no such version']],
      422: [['pathway.draft-invalid', 'the draft is not valid, so it cannot be compared']],
    },
  },
  {
    method: 'get',
    path: '/api/pathways/{id}/export',
    tag: 'Pathways',
    operationId: 'exportDefinition',
    summary: 'Download a definition',
    description:
      'The definition alone, as a file download (`Content-Disposition: attachment`): to keep in version control, share with another practice, or import elsewhere with `POST /api/pathways`.',
    access: 'read',
    params: { id: PATHWAY_ID },
    query: {
      schema: z.object({ version: versionOrDraft.optional() }),
      notes: { version: 'A version number, or `draft` (the default)' },
    },
    ok: {
      status: 200,
      description: 'The definition (the draft may be incomplete or invalid).',
      schema: 'PathwayDefinition',
      headers: { 'Content-Disposition': 'attachment; filename="<id>[-v<version>].json"' },
    },
    errors: {
      400: [['request.invalid-query', '`version` is neither a number nor `draft`']],
      404: [PATHWAY_404, ['version.not-found', 'the pathway has no such version']],
    },
  },

  {
    method: 'get',
    path: '/api/pathways/{id}/traffic',
    tag: 'Pathways',
    operationId: 'pathwayTraffic',
    summary: 'Patient traffic on a version',
    description:
      'For each transition of a published version, how many of the practice’s patients took it (and how many times in all), counted from the stored trace of every event; and how many patients are at each node now. Moves that follow no drawn transition (a clinician’s override, the safety route, discharge) are counted apart in `offPath`. Counts only: no patient data.',
    access: 'read',
    params: { id: PATHWAY_ID },
    query: {
      schema: registry.trafficQuery,
      notes: { version: 'The published version to count (1, 2, …)' },
    },
    ok: { status: 200, description: 'The counts.', schema: 'Traffic' },
    errors: {
      400: [['request.*', '`version` is missing or not a version number; `path` names it']],
      404: [PATHWAY_404, ['version.not-found', 'the pathway has no such version']],
    },
  },

  // ---- Patients ---------------------------------------------------------------------------------
  {
    method: 'post',
    path: '/api/patients',
    tag: 'Patients',
    operationId: 'createPatient',
    summary: 'Register a patient',
    description:
      'Registers a patient under your own reference (`externalRef`, e.g. the EHR number). The server keeps no names: only what pathway rules need (age, sex) and the preferred language.',
    access: 'care',
    body: {
      component: 'CreatePatientRequest',
      zod: care.createPatientBody,
      examples: {
        patient: {
          summary: 'A patient',
          value: {
            externalRef: 'EHR-004211',
            birthYear: 1984,
            sex: 'female',
            preferredLanguage: 'en',
          },
        },
        minimal: { summary: 'Only the reference', value: { externalRef: 'EHR-004212' } },
      },
    },
    ok: { status: 201, description: 'The patient was registered.', schema: 'Patient' },
    errors: {
      400: [['request.custom', 'both `birthYear` and `age` were given (give one)']],
      409: [
        [
          'patient.exists',
          'a patient with this `externalRef` already exists (the message gives its id)',
        ],
      ],
    },
  },
  {
    method: 'get',
    path: '/api/patients',
    tag: 'Patients',
    operationId: 'listPatients',
    summary: 'List patients',
    description: 'Your practice’s patients, oldest registration first.',
    access: 'read',
    ok: {
      status: 200,
      description: 'The patients.',
      schema: { type: 'array', items: { $ref: '#/components/schemas/Patient' } },
    },
  },
  {
    method: 'get',
    path: '/api/patients/{id}',
    tag: 'Patients',
    operationId: 'getPatient',
    summary: 'Get a patient',
    description: 'A patient with the pathway instances they are or were enrolled in.',
    access: 'read',
    params: { id: 'The patient id (from `POST /api/patients`)' },
    ok: { status: 200, description: 'The patient and their instances.', schema: 'PatientDetail' },
    errors: { 404: [['patient.not-found', 'no patient with this id in your practice']] },
  },

  // ---- Instances --------------------------------------------------------------------------------
  {
    method: 'post',
    path: '/api/instances',
    tag: 'Instances',
    operationId: 'enrol',
    summary: 'Enrol a patient in a pathway',
    description:
      'Starts a patient on the live version of a pathway (or the `version` you name), pinned to that version for good. The pathway enters its first node at once: the response lists the effects, typically the first task on the worklist.',
    access: 'care',
    body: {
      component: 'CreateInstanceRequest',
      zod: care.createInstanceBody,
      examples: {
        live: {
          summary: 'On the live version',
          value: {
            patientId: '7d1c1f0e-5d0b-4a57-9b5e-2f0c8f5a9e11',
            pathwayId: 'cocm-depression',
          },
        },
      },
    },
    ok: {
      status: 201,
      description: 'The new instance and its first effects.',
      schema: 'InstanceResult',
    },
    errors: {
      404: [
        ['patient.not-found', 'no patient with this id in your practice'],
        PATHWAY_404,
        ['version.not-found', 'the pathway has no such version'],
      ],
      409: [
        [
          'pathway.no-live-version',
          'the pathway has no live version yet: publish and set one live, or name a version',
        ],
      ],
      422: [
        [
          'param.*',
          'the version cannot start for this patient (`param.*`, `schema.*`: stored data that no longer fits; rare)',
        ],
      ],
    },
  },
  {
    method: 'get',
    path: '/api/instances/{id}',
    tag: 'Instances',
    operationId: 'getInstance',
    summary: 'Get an instance',
    description:
      'Where the patient is in the pathway, their flags (safety risk, response, remission, overdue, …), the facts the rules read, and what is open (tasks, timers, referrals). Keep `revision` to send as `If-Match` with the next event.',
    access: 'read',
    params: { id: 'The instance id (from `POST /api/instances`)' },
    ok: { status: 200, description: 'The instance.', schema: 'InstanceView' },
    errors: { 404: [['instance.not-found', 'no instance with this id in your practice']] },
  },
  {
    method: 'post',
    path: '/api/instances/{id}/events',
    tag: 'Instances',
    operationId: 'recordEvent',
    summary: 'Record an event',
    description: [
      'Tells the pathway what happened: a form was completed (`instrument.completed`, with the answers), a task was done (`task.completed`), a referral changed (`referral.updated`), a contact took place (`contact.logged`), a clinician overrode the route (`override`), or the patient was discharged (`discharge`).',
      '',
      'The server first fires any timers that fell due before the event, then applies the event, and records the log entry, the new state, the tasks, timers and outgoing effects in one transaction. A refused event records nothing.',
      '',
      'Send `If-Match` with the revision you saw to avoid acting on stale information.',
    ].join('\n'),
    access: 'care',
    params: { id: 'The instance id' },
    ifMatch: true,
    body: {
      component: 'Event',
      zod: care.apiEventBody,
      examples: {
        phq9: {
          summary: 'PHQ-9 answers (option positions, 0–3)',
          value: {
            type: 'instrument.completed',
            instrument: 'phq9',
            answers: [2, 2, 1, 2, 1, 1, 2, 1, 0],
          },
        },
        task: {
          summary: 'A task was done, with its outcome',
          value: {
            type: 'task.completed',
            task: 'engage',
            outcome: 'engaged',
            note: 'Agreed a plan by phone',
          },
        },
        referral: {
          summary: 'A referral was accepted',
          value: { type: 'referral.updated', referral: 'refer-specialty', status: 'accepted' },
        },
        contact: {
          summary: 'A care-manager contact',
          value: {
            type: 'contact.logged',
            role: 'care-manager',
            minutes: 20,
            at: '2026-01-12T15:30:00Z',
          },
        },
        override: {
          summary: 'Move the patient elsewhere',
          value: {
            type: 'override',
            to: 'caseload-review',
            reason: 'Psychiatric consultant asked to review',
          },
        },
        discharge: { summary: 'Discharge', value: { type: 'discharge', reason: 'Moved away' } },
      },
    },
    ok: {
      status: 200,
      description: 'The instance after the event, and the effects.',
      schema: 'InstanceResult',
    },
    errors: {
      400: [
        ['request.invalid-header', '`If-Match` is not a revision number'],
        ['schema.*', 'the event does not fit the event schema (checked again by the engine)'],
      ],
      404: [['instance.not-found', 'no instance with this id in your practice']],
      409: [
        [
          'instance.conflict',
          'the instance changed since the revision you sent (or concurrently): reload and retry',
        ],
      ],
      422: [
        [
          'event.*',
          'the pathway refuses the event in its current state, e.g. `event.task-not-open`, `event.instance-finished`, `event.unknown-outcome`, `event.instrument-not-in-pathway`, `event.out-of-order`',
        ],
        [
          'answers.*',
          'the answers do not fit the form: `answers.count`, `answers.out-of-range`, `answers.not-integer`, `answers.missing`, `answers.skip-logic`',
        ],
        ['event.in-future', '`at` is in the future'],
        ['event.scheduler-only', '`timer.fired` events are sent by the server alone'],
      ],
    },
  },
  {
    method: 'get',
    path: '/api/instances/{id}/timeline',
    tag: 'Instances',
    operationId: 'getTimeline',
    summary: 'Get the timeline',
    description:
      'Every recorded event in order, who sent it, why the pathway moved (trace) and what it set in motion (effects). Replaying these events reproduces the current state exactly: this is the audit record.',
    access: 'read',
    params: { id: 'The instance id' },
    ok: {
      status: 200,
      description: 'The events, oldest first.',
      schema: { type: 'array', items: { $ref: '#/components/schemas/TimelineEntry' } },
    },
    errors: { 404: [['instance.not-found', 'no instance with this id in your practice']] },
  },

  // ---- Tasks ------------------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/tasks',
    tag: 'Tasks',
    operationId: 'worklist',
    summary: 'The worklist',
    description:
      'Tasks the pathways created, most urgent first (emergent, urgent, routine), then by due time; `overdue` marks open tasks past due. Filter by role for a person’s list, or by patient or instance.',
    access: 'read',
    query: {
      schema: tasks.worklistQuery,
      notes: {
        role: 'Only tasks for this role, e.g. `care-manager`',
        status: 'Which tasks (default: `open`)',
        patientId: 'Only this patient’s tasks',
        instanceId: 'Only this instance’s tasks',
      },
    },
    ok: {
      status: 200,
      description: 'The tasks.',
      schema: { type: 'array', items: { $ref: '#/components/schemas/Task' } },
    },
    errors: { 400: [['request.*', 'an unknown query parameter or value; `path` names it']] },
  },
  {
    method: 'post',
    path: '/api/tasks/{id}/complete',
    tag: 'Tasks',
    operationId: 'completeTask',
    summary: 'Complete a task',
    description:
      'Marks a worklist task done and moves the pathway on: it records `task.completed` (with the `outcome` and `note` you give) or, for a task that administers a form (`instrument` set), `instrument.completed` with the `answers`. The body is optional for a plain task.',
    access: 'care',
    params: { id: 'The task id (from the worklist)' },
    body: {
      component: 'CompleteTaskRequest',
      zod: tasks.completeTaskBody,
      optional: true,
      examples: {
        outcome: {
          summary: 'Done, with an outcome',
          value: { outcome: 'engaged', note: 'Called the patient' },
        },
        form: { summary: 'A form task: the answers', value: { answers: [1, 2] } },
      },
    },
    ok: {
      status: 200,
      description: 'The instance after the event, and the effects.',
      schema: 'InstanceResult',
    },
    errors: {
      400: [['request.unrecognized-keys', '`answers` sent for a task that administers no form']],
      404: [['task.not-found', 'no task with this id in your practice']],
      409: [
        ['task.closed', 'the task is already completed or cancelled'],
        ['instance.conflict', 'the instance changed concurrently: reload and retry'],
      ],
      422: [
        ['task.answers-required', 'the task administers a form: send its `answers`'],
        [
          'event.*',
          'the pathway refuses it, e.g. `event.outcome-required` or `event.unknown-outcome`',
        ],
        ['answers.*', 'the answers do not fit the form (count, range, skip logic)'],
      ],
    },
  },
  // ---- Registry ---------------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/registry',
    tag: 'Registry',
    operationId: 'registry',
    summary: 'The caseload registry',
    description:
      'One row per active instance: the patient, the pathway and version, where they are, weeks in care, the primary measure’s baseline, latest score and % change, the last contact and days since, flags and open tasks. Flags are the engine’s (`safety-risk`, `response`, `partial-response`, `remission`, `not-improving`, `overdue`), evaluated as of now, plus `no-contact` when the last contact is more than 28 days ago (clinical-reference D3). A contact is a score, a completed task or a logged contact. Sorted risk first: `safety-risk`, then `not-improving`, then the longest since contact.',
    access: 'read',
    query: {
      schema: registry.registryQuery,
      notes: {
        pathway: 'Only instances of this pathway',
        flag: 'Only rows with this flag',
        role: 'Only patients with an open task for this role, e.g. `care-manager`',
      },
    },
    ok: {
      status: 200,
      description: 'The caseload, risk first.',
      schema: { type: 'array', items: { $ref: '#/components/schemas/RegistryRow' } },
    },
    errors: { 400: [['request.*', 'an unknown query parameter or value; `path` names it']] },
  },
];
