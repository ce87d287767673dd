import { z } from 'zod';
import {
  factsOf,
  pathwayEventSchema,
  replay,
  start,
  step,
  type Effect,
  type InstanceState,
  type PathwayDefinition,
  type TraceEntry,
} from '@care-pathways/engine';
import type { Principal } from '../http/auth.js';
import { ApiError, notFound } from '../http/errors.js';
import { zodToProblems } from '../http/zod.js';
import { audit, type Deps, type Tx } from './deps.js';
import { transaction } from '../db/connect.js';
import { liveOrNamedVersion, parsedVersion } from './pathways.js';

export const createPatientBody = z
  .object({
    externalRef: z.string().trim().min(1).max(100),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    age: z.number().int().min(0).max(130).optional(),
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    preferredLanguage: z.string().trim().min(2).max(35).optional(),
  })
  .strict()
  .refine((b) => !(b.birthYear !== undefined && b.age !== undefined), {
    message: 'give birthYear or age, not both',
    path: ['age'],
  });

export const createInstanceBody = z
  .object({
    patientId: z.string().min(1),
    pathwayId: z.string().min(1),
    version: z.number().int().positive().optional(),
  })
  .strict();

/** Events the API accepts: the engine vocabulary, less `timer.fired`, which only the scheduler sends. */
export const apiEventBody = pathwayEventSchema;

const ageOf = (birthYear: number | null, now: string) =>
  birthYear === null ? undefined : new Date(now).getUTCFullYear() - birthYear;

export async function createPatient(
  tx: Tx,
  deps: Deps,
  p: Principal,
  body: z.infer<typeof createPatientBody>,
) {
  const now = deps.now();
  const dup = await tx
    .selectFrom('patients')
    .select('id')
    .where('practice_id', '=', p.practiceId)
    .where('external_ref', '=', body.externalRef)
    .executeTakeFirst();
  if (dup)
    throw new ApiError(
      409,
      'patient.exists',
      `a patient with this external reference already exists (${dup.id})`,
      '$.externalRef',
    );
  const id = deps.newId();
  const birthYear =
    body.birthYear ?? (body.age !== undefined ? new Date(now).getUTCFullYear() - body.age : null);
  await tx
    .insertInto('patients')
    .values({
      id,
      practice_id: p.practiceId,
      external_ref: body.externalRef,
      birth_year: birthYear,
      sex: body.sex ?? null,
      language: body.preferredLanguage ?? null,
      created_at: now,
    })
    .execute();
  await audit(tx, p, now, 'patient.create', `patient:${id}`);
  return patientView(
    {
      id,
      external_ref: body.externalRef,
      birth_year: birthYear,
      sex: body.sex ?? null,
      language: body.preferredLanguage ?? null,
      created_at: now,
    },
    now,
  );
}

function patientView(
  r: {
    id: string;
    external_ref: string;
    birth_year: number | null;
    sex: string | null;
    language: string | null;
    created_at: string;
  },
  now: string,
) {
  return {
    id: r.id,
    externalRef: r.external_ref,
    birthYear: r.birth_year,
    age: ageOf(r.birth_year, now) ?? null,
    sex: r.sex,
    preferredLanguage: r.language,
    createdAt: r.created_at,
  };
}

export async function getPatient(tx: Tx, deps: Deps, p: Principal, id: string) {
  const r = await tx
    .selectFrom('patients')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('patient', id);
  const instances = await tx
    .selectFrom('instances')
    .select(['id', 'pathway_id', 'version', 'status', 'node', 'started_at'])
    .where('practice_id', '=', p.practiceId)
    .where('patient_id', '=', id)
    .orderBy('started_at')
    .execute();
  return {
    ...patientView(r, deps.now()),
    instances: instances.map((i) => ({
      id: i.id,
      pathwayId: i.pathway_id,
      version: i.version,
      status: i.status,
      node: i.node,
      startedAt: i.started_at,
    })),
  };
}

export async function listPatients(tx: Tx, deps: Deps, p: Principal) {
  const rows = await tx
    .selectFrom('patients')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => patientView(r, deps.now()));
}

type InstanceRow = {
  id: string;
  practice_id: string;
  patient_id: string;
  pathway_id: string;
  version: number;
  state: string;
  revision: number;
  started_at: string;
  updated_at: string;
};

async function instanceRow(tx: Tx, p: Principal, id: string): Promise<InstanceRow> {
  const row = await tx
    .selectFrom('instances')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('instance', id);
  return row;
}

async function definitionOf(
  tx: Tx,
  row: { practice_id: string; pathway_id: string; version: number },
): Promise<PathwayDefinition> {
  const v = await tx
    .selectFrom('pathway_versions')
    .select(['hash', 'definition'])
    .where('practice_id', '=', row.practice_id)
    .where('pathway_id', '=', row.pathway_id)
    .where('version', '=', row.version)
    .executeTakeFirstOrThrow();
  return parsedVersion(v.hash, v.definition);
}

/** Carries out effects after the engine has decided them, inside the same transaction. */
async function applyEffects(
  tx: Tx,
  deps: Deps,
  instanceId: string,
  patientId: string,
  p: Principal,
  effects: Effect[],
  now: string,
) {
  for (const e of effects) {
    const id = `${instanceId}/${'id' in e ? e.id : ''}`;
    switch (e.kind) {
      case 'task':
        if (e.action === 'create') {
          await tx
            .insertInto('tasks')
            .values({
              id: deps.newId(),
              practice_id: p.practiceId,
              instance_id: instanceId,
              effect_id: e.id,
              patient_id: patientId,
              node: e.node,
              role: e.role,
              title: e.title,
              priority: e.priority,
              due: e.due,
              instrument: e.instrument ?? null,
              status: 'open',
              created_at: now,
              closed_at: null,
              closed_by: null,
            })
            .execute();
        } else {
          await tx
            .updateTable('tasks')
            .set({
              status: e.action === 'complete' ? 'completed' : 'cancelled',
              closed_at: now,
              closed_by: p.keyId,
            })
            .where('instance_id', '=', instanceId)
            .where('effect_id', '=', e.id)
            .execute();
        }
        break;
      case 'timer':
        if (e.action === 'schedule') {
          await tx
            .insertInto('timers')
            .values({
              id,
              practice_id: p.practiceId,
              instance_id: instanceId,
              timer_id: e.id,
              due_at: e.dueAt,
              status: 'scheduled',
              fired_at: null,
            })
            .execute();
        } else {
          await tx
            .updateTable('timers')
            .set({ status: 'cancelled' })
            .where('id', '=', id)
            .where('status', '=', 'scheduled')
            .execute();
        }
        break;
      case 'referral':
      case 'alert':
      case 'outcome':
        // Leaves through the outbox after commit (integrations deliver it).
        await tx
          .insertInto('outbox')
          .values({
            practice_id: p.practiceId,
            instance_id: instanceId,
            effect: JSON.stringify(e),
            created_at: now,
            delivered_at: null,
          })
          .execute();
        break;
    }
  }
}

async function appendEvent(
  tx: Tx,
  row: { id: string; practice_id: string },
  seq: number,
  event: unknown,
  at: string,
  actor: string,
  trace: TraceEntry[],
  effects: Effect[],
  now: string,
) {
  await tx
    .insertInto('instance_events')
    .values({
      instance_id: row.id,
      seq,
      practice_id: row.practice_id,
      event: JSON.stringify(event),
      at,
      actor,
      trace: JSON.stringify(trace),
      effects: JSON.stringify(effects),
      recorded_at: now,
    })
    .execute();
}

export async function enrol(
  tx: Tx,
  deps: Deps,
  p: Principal,
  body: z.infer<typeof createInstanceBody>,
) {
  const patient = await tx
    .selectFrom('patients')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', body.patientId)
    .executeTakeFirst();
  if (!patient)
    throw new ApiError(
      404,
      'patient.not-found',
      `no patient "${body.patientId}" in this practice`,
      '$.patientId',
    );
  const pw = await tx
    .selectFrom('pathways')
    .select('id')
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', body.pathwayId)
    .executeTakeFirst();
  if (!pw)
    throw new ApiError(
      404,
      'pathway.not-found',
      `no pathway "${body.pathwayId}" in this practice`,
      '$.pathwayId',
    );
  const { version, definition } = await liveOrNamedVersion(tx, p, body.pathwayId, body.version);
  const now = deps.now();
  const age = ageOf(patient.birth_year, now);
  const startInput = {
    at: now,
    patient: {
      ...(age !== undefined ? { age } : {}),
      ...(patient.sex ? { sex: patient.sex as 'female' } : {}),
    },
  };
  const r = start(definition, startInput);
  if (!r.ok) throw ApiError.fromProblems(422, r.problems);
  const id = deps.newId();
  await tx
    .insertInto('instances')
    .values({
      id,
      practice_id: p.practiceId,
      patient_id: patient.id,
      pathway_id: body.pathwayId,
      version,
      status: r.snapshot.status,
      node: r.snapshot.node,
      state: JSON.stringify(r.snapshot),
      revision: 0,
      started_at: now,
      updated_at: now,
    })
    .execute();
  await appendEvent(
    tx,
    { id, practice_id: p.practiceId },
    0,
    { type: 'instance.started', ...startInput },
    now,
    p.keyId,
    r.trace,
    r.effects,
    now,
  );
  await applyEffects(tx, deps, id, patient.id, p, r.effects, now);
  await audit(tx, p, now, 'instance.create', `instance:${id}`, {
    pathway: body.pathwayId,
    version,
  });
  return {
    ...view(id, { id: patient.id }, body.pathwayId, version, r.snapshot, 0, definition),
    effects: r.effects,
  };
}

function view(
  id: string,
  patient: { id: string },
  pathwayId: string,
  version: number,
  s: InstanceState,
  revision: number,
  def: PathwayDefinition,
) {
  return {
    id,
    patientId: patient.id,
    pathwayId,
    version,
    revision,
    status: s.status,
    active: s.status === 'exited' ? [] : [s.node],
    outcome: s.outcome,
    flags: s.flags,
    facts: factsOf(def, s),
    open: s.open,
    startedAt: s.startedAt,
    updatedAt: s.clock,
  };
}

export async function getInstance(tx: Tx, p: Principal, id: string) {
  const row = await instanceRow(tx, p, id);
  const def = await definitionOf(tx, row);
  return view(
    row.id,
    { id: row.patient_id },
    row.pathway_id,
    row.version,
    JSON.parse(row.state),
    row.revision,
    def,
  );
}

const MAX_FUTURE_MS = 5 * 60_000;

/**
 * Applies one event in one transaction: the timers due before it fire first (in due order), then
 * the engine decides, then the event log row, the new snapshot (optimistic revision), the tasks and
 * timers, the outbox and the audit row are written together. A refused event writes nothing.
 */
export async function applyEvent(
  tx: Tx,
  deps: Deps,
  p: Principal,
  instanceId: string,
  raw: unknown,
  options: { expectedRevision?: number; fromScheduler?: boolean } = {},
) {
  const row = await instanceRow(tx, p, instanceId);
  if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision) {
    throw new ApiError(
      409,
      'instance.conflict',
      `the instance changed (revision ${row.revision}, you had ${options.expectedRevision}); reload it and try again`,
    );
  }
  const def = await definitionOf(tx, row);
  const now = deps.now();
  const parsed = pathwayEventSchema.safeParse(raw);
  if (!parsed.success) throw ApiError.fromProblems(400, zodToProblems(parsed.error));
  const event = parsed.data;
  if (event.type === 'timer.fired' && !options.fromScheduler) {
    throw new ApiError(
      422,
      'event.scheduler-only',
      'timers are fired by the server when they are due; they cannot be sent',
      '$.type',
    );
  }
  const at = event.at ?? now;
  if (Date.parse(at) > Date.parse(now) + MAX_FUTURE_MS)
    throw new ApiError(422, 'event.in-future', `the event time ${at} is in the future`, '$.at');

  // 1. Decide, in memory: due timers first (DESIGN.md §6), then the event. Nothing is written yet.
  let state: InstanceState = JSON.parse(row.state);
  const steps: {
    event: Record<string, unknown>;
    actor: Principal;
    trace: TraceEntry[];
    effects: Effect[];
    firedTimer?: string;
  }[] = [];
  const decide = (e: Record<string, unknown>, eventAt: string, actor: Principal) => {
    const r = step(def, state, e, eventAt);
    if (r.ok) {
      steps.push({
        event: { ...e, at: r.snapshot.clock },
        actor,
        trace: r.trace,
        effects: r.effects,
        ...(e.type === 'timer.fired' ? { firedTimer: String(e.timer) } : {}),
      });
      state = r.snapshot;
    }
    return r;
  };
  if (!options.fromScheduler) {
    const scheduler = { ...p, keyId: 'system:scheduler' };
    for (;;) {
      if (state.status !== 'active') break;
      const due = state.open.timers
        .filter((t) => Date.parse(t.dueAt) <= Date.parse(at))
        .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
      if (
        !due ||
        !decide(
          { type: 'timer.fired', timer: due.id, at: maxIso(due.dueAt, state.clock) },
          now,
          scheduler,
        ).ok
      )
        break;
    }
  }
  const r = decide({ ...event, at }, at, p);
  if (!r.ok)
    throw ApiError.fromProblems(r.problems[0]!.code.startsWith('schema.') ? 400 : 422, r.problems);

  // 2. Claim the revision (optimistic): a concurrent writer that got here first makes this 0 rows.
  const revision = row.revision + steps.length;
  const updated = await tx
    .updateTable('instances')
    .set({
      state: JSON.stringify(state),
      status: state.status,
      node: state.node,
      revision,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .where('revision', '=', row.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new ApiError(
      409,
      'instance.conflict',
      'the instance changed while this event was being applied; reload it and try again',
    );

  // 3. Write the log, the effects and the audit row in the same transaction.
  const allEffects: Effect[] = [];
  for (const [i, st] of steps.entries()) {
    await appendEvent(
      tx,
      row,
      row.revision + i + 1,
      st.event,
      String(st.event.at),
      st.actor.keyId,
      st.trace,
      st.effects,
      now,
    );
    await applyEffects(tx, deps, row.id, row.patient_id, st.actor, st.effects, now);
    if (st.firedTimer)
      await tx
        .updateTable('timers')
        .set({ status: 'fired', fired_at: now })
        .where('id', '=', `${row.id}/${st.firedTimer}`)
        .execute();
    allEffects.push(...st.effects);
  }
  await audit(tx, p, now, `instance.event.${event.type}`, `instance:${row.id}`, { seq: revision });
  return {
    ...view(row.id, { id: row.patient_id }, row.pathway_id, row.version, state, revision, def),
    effects: allEffects,
  };
}

const maxIso = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

export async function timeline(tx: Tx, p: Principal, id: string) {
  await instanceRow(tx, p, id);
  const rows = await tx
    .selectFrom('instance_events')
    .selectAll()
    .where('instance_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    recordedAt: r.recorded_at,
    actor: r.actor,
    event: JSON.parse(r.event),
    trace: JSON.parse(r.trace),
    effects: JSON.parse(r.effects),
  }));
}

/** Replays an instance's log against its pinned version (audit: it must equal the stored snapshot). */
export async function replayInstance(tx: Tx, p: Principal, id: string) {
  const row = await instanceRow(tx, p, id);
  const def = await definitionOf(tx, row);
  const events = (await timeline(tx, p, id)).map((e) => e.event);
  const [first, ...rest] = events;
  const r = replay(def, first, rest);
  return {
    stored: JSON.parse(row.state) as InstanceState,
    replayed: r.ok ? r.snapshot : null,
    problems: r.ok ? [] : r.problems,
  };
}

/**
 * Fires due timers, oldest first. On PostgreSQL the rows are claimed with FOR UPDATE SKIP LOCKED,
 * so several servers share the work and each timer fires once; on SQLite the write transaction
 * serialises them. A timer whose instance moved on is marked void.
 */
export async function fireDueTimers(deps: Deps, limit = 50): Promise<number> {
  const { dialect } = deps.handle;
  let fired = 0;
  for (let i = 0; i < limit; i++) {
    const done = await transaction(deps.handle, async (tx) => {
      const now = deps.now();
      let q = tx
        .selectFrom('timers')
        .selectAll()
        .where('status', '=', 'scheduled')
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .orderBy('id')
        .limit(1);
      if (dialect === 'postgres') q = q.forUpdate().skipLocked();
      const timer = await q.executeTakeFirst();
      if (!timer) return false;
      const p: Principal = {
        practiceId: timer.practice_id,
        role: 'admin',
        keyId: 'system:scheduler',
      };
      const inst = await tx
        .selectFrom('instances')
        .select(['state'])
        .where('id', '=', timer.instance_id)
        .executeTakeFirstOrThrow();
      const state: InstanceState = JSON.parse(inst.state);
      const open =
        state.status === 'active' && state.open.timers.some((t) => t.id === timer.timer_id);
      if (!open) {
        await tx
          .updateTable('timers')
          .set({ status: 'void', fired_at: now })
          .where('id', '=', timer.id)
          .execute();
        return true;
      }
      await applyEvent(
        tx,
        deps,
        p,
        timer.instance_id,
        { type: 'timer.fired', timer: timer.timer_id, at: maxIso(timer.due_at, state.clock) },
        { fromScheduler: true },
      );
      await tx
        .updateTable('timers')
        .set({ status: 'fired', fired_at: now })
        .where('id', '=', timer.id)
        .execute();
      fired++;
      return true;
    });
    if (!done) break;
  }
  return fired;
}
