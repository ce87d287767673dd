import { z } from 'zod';
import {
  FLAGS,
  deriveFlags,
  factsOf,
  transitionReason,
  type InstanceState,
  type PathwayDefinition,
  type TraceEntry,
} from '@care-pathways/engine';
import type { Principal } from '../http/auth.js';
import { notFound } from '../http/errors.js';
import type { Deps, Tx } from './deps.js';
import { parsedVersion } from './pathways.js';

/**
 * The registry (DESIGN.md §8): the practice's active caseload, one row per active instance, with
 * the figures a systematic caseload review works from (clinical-reference D3: baseline and latest
 * score, % change, weeks in treatment, last contact and days since, flags). The clinical rules
 * (response, remission, not-improving, safety-risk) are the engine's: this module only asks it.
 */

/**
 * No contact in more than 4 weeks is a registry flag (clinical-reference D3, "flags: … no contact
 * in >4 weeks"; B4: ≥1 care-manager follow-up within 4 weeks predicts improvement). Strictly more.
 */
export const NO_CONTACT_DAYS = 28;
export const NO_CONTACT_FLAG = 'no-contact';

/** The engine's flags plus the registry's own. */
export const REGISTRY_FLAGS = [...FLAGS, NO_CONTACT_FLAG] as const;
export type RegistryFlag = (typeof REGISTRY_FLAGS)[number];

/**
 * Events that count as a contact with the patient: a score (the patient answered a form), a
 * completed task (work done with or for the patient), and a logged care-manager contact. Timers,
 * referrals, overrides and discharge are not contacts; neither is enrolment itself.
 */
export const CONTACT_EVENTS = ['instrument.completed', 'task.completed', 'contact.logged'] as const;

const slug = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a lower-case slug');

export const registryQuery = z
  .object({
    pathway: slug.max(64).optional(),
    flag: z.enum(REGISTRY_FLAGS).optional(),
    /** Only instances with an open task for this role (e.g. a care manager's caseload). */
    role: slug.max(64).optional(),
  })
  .strict();
export type RegistryQuery = z.infer<typeof registryQuery>;

export const trafficQuery = z
  .object({ version: z.string().regex(/^[1-9]\d*$/, 'must be a version number (1, 2, …)') })
  .strict();

const DAY_MS = 86_400_000;
/** A fraction as whole %, halves away from zero (−12.5% → −13%, as +12.5% → +13%). */
const percent = (fraction: number) => Math.sign(fraction) * Math.round(Math.abs(fraction) * 100);
const wholeDays = (fromIso: string, toMs: number) =>
  Math.max(0, Math.floor((toMs - Date.parse(fromIso)) / DAY_MS));

/** The state as of `now`: the engine computes weeks in care and review-week flags at its clock. */
const asOf = (s: InstanceState, now: string): InstanceState =>
  Date.parse(now) > Date.parse(s.clock) ? { ...s, clock: now } : s;

/** Risk first: safety-risk, then not-improving, then the longest without contact (README). */
const rank = (r: { flags: string[]; daysSinceContact: number; patientRef: string }) => [
  r.flags.includes('safety-risk') ? 0 : 1,
  r.flags.includes('not-improving') ? 0 : 1,
  -r.daysSinceContact,
];

function compareRows(
  a: { flags: string[]; daysSinceContact: number; patientRef: string },
  b: typeof a,
) {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return a.patientRef.localeCompare(b.patientRef);
}

/** Definitions of the versions in use, parsed once per request (and cached by hash). */
async function definitions(tx: Tx, p: Principal, keys: { pathway_id: string; version: number }[]) {
  const out = new Map<string, PathwayDefinition>();
  const wanted = new Set(keys.map((k) => `${k.pathway_id}@${k.version}`));
  if (!wanted.size) return out;
  const rows = await tx
    .selectFrom('pathway_versions')
    .select(['pathway_id', 'version', 'hash', 'definition'])
    .where('practice_id', '=', p.practiceId)
    .where('pathway_id', 'in', [...new Set(keys.map((k) => k.pathway_id))])
    .execute();
  for (const r of rows) {
    const key = `${r.pathway_id}@${r.version}`;
    if (wanted.has(key)) out.set(key, parsedVersion(r.hash, r.definition));
  }
  return out;
}

/** The first instant of the calendar month (UTC) that `now` falls in. */
const monthStart = (now: string) => {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/**
 * The last contact of each active instance (see CONTACT_EVENTS), by clinical time, and the
 * care-management minutes logged this calendar month (CoCM time is counted per calendar month,
 * clinical-reference C1). Joined rather than listed by id, so a large caseload does not hit the
 * databases' bound-parameter limits.
 */
async function contactsOf(tx: Tx, p: Principal, now: string) {
  const last = new Map<string, string>();
  const minutes = new Map<string, number>();
  const since = monthStart(now);
  // The event column is JSON text; the type is matched as written by JSON.stringify (a quoted
  // key and value cannot appear unescaped inside a string field), then checked after parsing.
  const rows = await tx
    .selectFrom('instance_events')
    .innerJoin('instances', 'instances.id', 'instance_events.instance_id')
    .select(['instance_events.instance_id', 'instance_events.at', 'instance_events.event'])
    .where('instance_events.practice_id', '=', p.practiceId)
    .where('instances.practice_id', '=', p.practiceId)
    .where('instances.status', '=', 'active')
    .where((eb) =>
      eb.or(CONTACT_EVENTS.map((t) => eb('instance_events.event', 'like', `%"type":"${t}"%`))),
    )
    .execute();
  for (const r of rows) {
    const event = JSON.parse(r.event) as { type?: string; minutes?: number };
    if (!(CONTACT_EVENTS as readonly string[]).includes(event.type ?? '')) continue;
    const at = Date.parse(r.at);
    const seen = last.get(r.instance_id);
    if (!seen || at > Date.parse(seen)) last.set(r.instance_id, r.at);
    if (event.type === 'contact.logged' && at >= since && typeof event.minutes === 'number')
      minutes.set(r.instance_id, (minutes.get(r.instance_id) ?? 0) + event.minutes);
  }
  return { last, minutes };
}

/** Open tasks of active instances, grouped by instance. */
async function openTasks(tx: Tx, p: Principal) {
  const rows = await tx
    .selectFrom('tasks')
    .innerJoin('instances', 'instances.id', 'tasks.instance_id')
    .select(['tasks.instance_id', 'tasks.role', 'tasks.due'])
    .where('tasks.practice_id', '=', p.practiceId)
    .where('instances.practice_id', '=', p.practiceId)
    .where('instances.status', '=', 'active')
    .where('tasks.status', '=', 'open')
    .execute();
  const byInstance = new Map<string, { role: string; due: string | null }[]>();
  for (const r of rows) {
    const list = byInstance.get(r.instance_id) ?? [];
    list.push({ role: r.role, due: r.due });
    byInstance.set(r.instance_id, list);
  }
  return byInstance;
}

/**
 * The caseload: one row per active instance of the practice, risk first (safety-risk, then
 * not-improving, then the longest since the last contact, then by patient reference). Facts and
 * flags are the engine's, evaluated as of now (a patient past the review week without a new
 * score shows not-improving today, not at their next event).
 */
export async function registry(tx: Tx, deps: Deps, p: Principal, q: RegistryQuery) {
  let query = tx
    .selectFrom('instances')
    .innerJoin('patients', 'patients.id', 'instances.patient_id')
    .select([
      'instances.id',
      'instances.patient_id',
      'instances.pathway_id',
      'instances.version',
      'instances.state',
      'patients.external_ref',
    ])
    .where('instances.practice_id', '=', p.practiceId)
    .where('patients.practice_id', '=', p.practiceId)
    .where('instances.status', '=', 'active');
  if (q.pathway) query = query.where('instances.pathway_id', '=', q.pathway);
  const rows = await query.execute();
  const defs = await definitions(tx, p, rows);
  const now = deps.now();
  const contacts = await contactsOf(tx, p, now);
  const tasksOf = await openTasks(tx, p);
  const nowMs = Date.parse(now);

  const out = rows.map((r) => {
    const def = defs.get(`${r.pathway_id}@${r.version}`)!;
    const state = asOf(JSON.parse(r.state) as InstanceState, now);
    const facts = factsOf(def, state);
    const measure = def.measure?.instrument ?? null;
    const m = measure ? (facts[measure] as Record<string, unknown>) : null;
    const change = (m?.change as number | null | undefined) ?? null;
    const lastContactAt = contacts.last.get(r.id) ?? null;
    // With no contact yet, the wait is counted from enrolment (or the start): still a gap in care.
    const daysSinceContact = wholeDays(lastContactAt ?? state.enrolledAt ?? state.startedAt, nowMs);
    const flags: string[] = [...deriveFlags(def, state)];
    if (daysSinceContact > NO_CONTACT_DAYS) flags.push(NO_CONTACT_FLAG);
    const tasks = tasksOf.get(r.id) ?? [];
    const node = def.nodes.find((n) => n.id === state.node);
    return {
      instanceId: r.id,
      patientId: r.patient_id,
      patientRef: r.external_ref,
      pathwayId: r.pathway_id,
      pathwayTitle: def.title,
      version: r.version,
      nodeId: state.node,
      nodeTitle: node?.title ?? null,
      startedAt: state.startedAt,
      enrolledAt: state.enrolledAt,
      weeksInCare: facts.weeksInCare as number,
      measure,
      baseline: (m?.baseline as number | null | undefined) ?? null,
      latest: (m?.latest as number | null | undefined) ?? null,
      changePercent: change === null ? null : percent(change),
      lastScoreAt: (m?.lastAt as string | null | undefined) ?? null,
      lastContactAt,
      daysSinceContact,
      minutesThisMonth: contacts.minutes.get(r.id) ?? 0,
      flags,
      openTasks: tasks.length,
      overdueTasks: tasks.filter((t) => t.due !== null && Date.parse(t.due) < nowMs).length,
      taskRoles: [...new Set(tasks.map((t) => t.role))].sort(),
    };
  });
  return out
    .filter((r) => !q.flag || r.flags.includes(q.flag))
    .filter((r) => !q.role || r.taskRoles.includes(q.role))
    .sort(compareRows);
}

type Move = 'transition' | 'override' | 'safety' | 'discharge' | 'stay';

/**
 * Which drawn transition (by index) a trace line is, if any. A line is matched on from, to and
 * the engine's wording of why; moves that follow no drawn edge (clinician overrides, the safety
 * route, discharge) and lines that record an event without moving are told apart.
 */
export function classifyTrace(
  def: PathwayDefinition,
  line: TraceEntry,
  safetyRoute = def.safety?.route,
): { kind: Move; index?: number } {
  if (line.event === 'discharge' && !def.nodes.some((n) => n.id === line.to))
    return { kind: 'discharge' };
  const exact = def.transitions.findIndex(
    (t) => t.from === line.from && t.to === line.to && transitionReason(t) === line.why,
  );
  if (exact >= 0) return { kind: 'transition', index: exact };
  if (line.event === 'override' || line.why.startsWith('override')) return { kind: 'override' };
  if (line.to === safetyRoute && line.why.startsWith('safety')) return { kind: 'safety' };
  if (line.why === 'recorded' && line.from === line.to) return { kind: 'stay' };
  // A trace written by an older engine that worded conditions differently: from/to suffices
  // when one drawn edge joins the two nodes.
  const candidates = def.transitions
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.from === line.from && t.to === line.to);
  return candidates.length === 1
    ? { kind: 'transition', index: candidates[0]!.i }
    : { kind: 'stay' };
}

/**
 * Patient traffic on one published version: for each drawn transition, how many instances took
 * it (and how many times in all: monitors loop), and how many instances are at each node now.
 * Counted from the stored trace of every event of every instance pinned to that version.
 */
export async function traffic(tx: Tx, p: Principal, pathwayId: string, version: number) {
  const v = await tx
    .selectFrom('pathway_versions')
    .select(['hash', 'definition'])
    .where('practice_id', '=', p.practiceId)
    .where('pathway_id', '=', pathwayId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!v) {
    const exists = await tx
      .selectFrom('pathways')
      .select('id')
      .where('practice_id', '=', p.practiceId)
      .where('id', '=', pathwayId)
      .executeTakeFirst();
    throw exists ? notFound('version', `${pathwayId}@${version}`) : notFound('pathway', pathwayId);
  }
  const def = parsedVersion(v.hash, v.definition);
  const instances = await tx
    .selectFrom('instances')
    .select(['id', 'status', 'node'])
    .where('practice_id', '=', p.practiceId)
    .where('pathway_id', '=', pathwayId)
    .where('version', '=', version)
    .execute();
  const events = instances.length
    ? await tx
        .selectFrom('instance_events')
        .innerJoin('instances', 'instances.id', 'instance_events.instance_id')
        .select(['instance_events.instance_id', 'instance_events.trace'])
        .where('instances.practice_id', '=', p.practiceId)
        .where('instance_events.practice_id', '=', p.practiceId)
        .where('instances.pathway_id', '=', pathwayId)
        .where('instances.version', '=', version)
        .execute()
    : [];

  const took = def.transitions.map(() => ({ instances: new Set<string>(), times: 0 }));
  const offPath = {
    override: new Set<string>(),
    safety: new Set<string>(),
    discharge: new Set<string>(),
  };
  for (const e of events) {
    for (const line of JSON.parse(e.trace) as TraceEntry[]) {
      const c = classifyTrace(def, line);
      if (c.kind === 'transition') {
        took[c.index!]!.instances.add(e.instance_id);
        took[c.index!]!.times++;
      } else if (c.kind !== 'stay') offPath[c.kind].add(e.instance_id);
    }
  }
  const at = (status: string, node: string) =>
    instances.filter((i) => i.status === status && i.node === node).length;
  return {
    pathwayId,
    version,
    instances: instances.length,
    transitions: def.transitions.map((t, i) => ({
      index: i,
      from: t.from,
      to: t.to,
      instances: took[i]!.instances.size,
      times: took[i]!.times,
    })),
    nodes: def.nodes.map((n) => ({
      id: n.id,
      active: at('active', n.id),
      completed: at('completed', n.id),
    })),
    exited: instances.filter((i) => i.status === 'exited').length,
    offPath: {
      override: offPath.override.size,
      safety: offPath.safety.size,
      discharge: offPath.discharge.size,
    },
  };
}
