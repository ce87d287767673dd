import { z } from 'zod';
import type { Principal } from '../http/auth.js';
import { ApiError, notFound } from '../http/errors.js';
import type { Deps, Tx } from './deps.js';
import { applyEvent } from './instances.js';

export const worklistQuery = z
  .object({
    role: z.string().min(1).optional(),
    status: z.enum(['open', 'completed', 'cancelled']).default('open'),
    patientId: z.string().optional(),
    instanceId: z.string().optional(),
  })
  .strict();

export const completeTaskBody = z
  .object({
    outcome: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a lower-case slug')
      .optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    /** For a task that administers an instrument: the answers (form positions). */
    answers: z.array(z.number().or(z.null())).max(20).optional(),
  })
  .strict();

const PRIORITY_RANK: Record<string, number> = { emergent: 0, urgent: 1, routine: 2 };

/** The worklist: open tasks of a role, urgent first, then by due time (no due date last). */
export async function worklist(tx: Tx, deps: Deps, p: Principal, q: z.infer<typeof worklistQuery>) {
  let query = tx
    .selectFrom('tasks')
    .innerJoin('patients', 'patients.id', 'tasks.patient_id')
    .innerJoin('instances', 'instances.id', 'tasks.instance_id')
    .select([
      'tasks.id',
      'tasks.instance_id',
      'tasks.patient_id',
      'tasks.node',
      'tasks.role',
      'tasks.title',
      'tasks.priority',
      'tasks.due',
      'tasks.instrument',
      'tasks.status',
      'tasks.created_at',
      'tasks.closed_at',
      'patients.external_ref',
      'instances.pathway_id',
    ])
    .where('tasks.practice_id', '=', p.practiceId)
    .where('tasks.status', '=', q.status);
  if (q.role) query = query.where('tasks.role', '=', q.role);
  if (q.patientId) query = query.where('tasks.patient_id', '=', q.patientId);
  if (q.instanceId) query = query.where('tasks.instance_id', '=', q.instanceId);
  const rows = await query.execute();
  const now = Date.parse(deps.now());
  return rows
    .map((r) => ({
      id: r.id,
      instanceId: r.instance_id,
      patientId: r.patient_id,
      patientRef: r.external_ref,
      pathwayId: r.pathway_id,
      node: r.node,
      role: r.role,
      title: r.title,
      priority: r.priority,
      due: r.due,
      overdue: r.status === 'open' && r.due !== null && Date.parse(r.due) < now,
      instrument: r.instrument,
      status: r.status,
      createdAt: r.created_at,
      closedAt: r.closed_at,
    }))
    .sort(
      (a, b) =>
        (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) ||
        (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) ||
        (a.due ?? '').localeCompare(b.due ?? '') ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

/** Completing a task is the `task.completed` event (or `instrument.completed` for an instrument task). */
export async function completeTask(
  tx: Tx,
  deps: Deps,
  p: Principal,
  id: string,
  body: z.infer<typeof completeTaskBody>,
) {
  const task = await tx
    .selectFrom('tasks')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!task) throw notFound('task', id);
  if (task.status !== 'open')
    throw new ApiError(409, 'task.closed', `this task is already ${task.status}`);
  if (task.instrument) {
    if (!body.answers)
      throw new ApiError(
        422,
        'task.answers-required',
        `this task administers ${task.instrument}: send its answers (form positions) as "answers"`,
        '$.answers',
      );
    return applyEvent(tx, deps, p, task.instance_id, {
      type: 'instrument.completed',
      instrument: task.instrument,
      answers: body.answers,
    });
  }
  if (body.answers)
    throw new ApiError(
      400,
      'request.unrecognized-keys',
      'this task does not administer an instrument; "answers" does not apply',
      '$.answers',
    );
  return applyEvent(tx, deps, p, task.instance_id, {
    type: 'task.completed',
    task: task.node,
    ...(body.outcome ? { outcome: body.outcome } : {}),
    ...(body.note ? { note: body.note } : {}),
  });
}
