import { z } from 'zod';
import { PRIORITIES } from '../definition/schema.js';
import { INSTRUMENT_IDS } from '../instruments/types.js';

/**
 * The persisted state of one patient's instance (the snapshot the host stores). It is our own
 * format, not XState's internal one, so an XState upgrade can never silently change what is
 * stored; `schemaVersion` guards future migrations.
 */
const iso = z.string().min(1);

export const scoreRecordSchema = z
  .object({
    count: z.number().int().nonnegative(),
    baseline: z.number().nullable(),
    baselineAt: iso.nullable(),
    latest: z.number().nullable(),
    previous: z.number().nullable(),
    lastAt: iso.nullable(),
    items: z.array(z.number().nullable()),
    band: z.string().nullable(),
    positive: z.boolean(),
    critical: z.boolean(),
    risk: z.string().nullable(),
    /** Consecutive latest scores below the instrument's remission cut-off. */
    remissionStreak: z.number().int().nonnegative(),
  })
  .strict();
export type ScoreRecord = z.infer<typeof scoreRecordSchema>;

export const openTaskSchema = z
  .object({
    id: z.string(),
    node: z.string(),
    role: z.string(),
    title: z.string(),
    priority: z.enum(PRIORITIES),
    due: iso.nullable(),
    createdAt: iso,
    instrument: z.enum(INSTRUMENT_IDS).optional(),
  })
  .strict();
export type OpenTask = z.infer<typeof openTaskSchema>;

export const openTimerSchema = z
  .object({ id: z.string(), node: z.string(), dueAt: iso, purpose: z.enum(['wait', 'follow-up']) })
  .strict();
export type OpenTimer = z.infer<typeof openTimerSchema>;

export const openReferralSchema = z
  .object({
    id: z.string(),
    node: z.string(),
    service: z.string(),
    urgency: z.enum(PRIORITIES),
    status: z.string(),
    createdAt: iso,
  })
  .strict();
export type OpenReferral = z.infer<typeof openReferralSchema>;

const AGE = { min: 0, max: 130 };
export const patientSchema = z
  .object({
    age: z.number().int().min(AGE.min).max(AGE.max).optional(),
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  })
  .passthrough();
export type Patient = z.infer<typeof patientSchema>;

const SEXES: ReadonlySet<unknown> = new Set(patientSchema.shape.sex.unwrap().options);

/**
 * `patientSchema.safeParse`, without zod for the usual patient (an age, a sex, nothing else):
 * the same data in the same key order. Anything else, valid or not, is zod's to parse.
 */
export function parsePatient(input: unknown): ReturnType<typeof patientSchema.safeParse> {
  if (
    typeof input === 'object' &&
    input !== null &&
    Object.getPrototypeOf(input) === Object.prototype
  ) {
    const p = input as Record<string, unknown>;
    const keys = Object.keys(p);
    const ageOk =
      p.age === undefined ||
      (Number.isSafeInteger(p.age) && (p.age as number) >= AGE.min && (p.age as number) <= AGE.max);
    const sexOk = p.sex === undefined || SEXES.has(p.sex);
    if (ageOk && sexOk && keys.every((k) => k === 'age' || k === 'sex')) {
      // zod lists the schema's keys first, in the schema's order.
      const data: Patient = {};
      if (Object.hasOwn(p, 'age')) data.age = p.age as number | undefined;
      if (Object.hasOwn(p, 'sex')) data.sex = p.sex as Patient['sex'];
      return { success: true, data };
    }
  }
  return patientSchema.safeParse(input);
}

export const FLAGS = [
  'safety-risk',
  'response',
  'partial-response',
  'remission',
  'not-improving',
  'overdue',
] as const;
export type Flag = (typeof FLAGS)[number];

export const instanceStateSchema = z
  .object({
    schemaVersion: z.literal(1),
    pathway: z.string(),
    status: z.enum(['active', 'completed', 'exited']),
    node: z.string(),
    nodeEnteredAt: iso,
    outcome: z.string().nullable(),
    startedAt: iso,
    clock: iso,
    patient: patientSchema,
    params: z.record(z.string(), z.union([z.number(), z.boolean()])),
    enrolledAt: iso.nullable(),
    stepLevel: z.number().int(),
    scores: z.partialRecord(z.enum(INSTRUMENT_IDS), scoreRecordSchema),
    outcomes: z.record(z.string(), z.string()),
    contacts: z
      .object({ count: z.number().int(), minutes: z.number().int(), lastAt: iso.nullable() })
      .strict(),
    lastEngagementAt: iso,
    safety: z
      .object({ since: iso, instrument: z.enum(INSTRUMENT_IDS), items: z.array(z.number().int()) })
      .strict()
      .nullable(),
    /** Set when a follow-up came due with no score; cleared by the next score of that instrument. */
    overdue: z
      .object({ since: iso, instrument: z.enum(INSTRUMENT_IDS) })
      .strict()
      .nullable(),
    flags: z.array(z.enum(FLAGS)),
    open: z
      .object({
        tasks: z.array(openTaskSchema),
        timers: z.array(openTimerSchema),
        referrals: z.array(openReferralSchema),
      })
      .strict(),
    seq: z.number().int().nonnegative(),
  })
  .strict();
export type InstanceState = z.infer<typeof instanceStateSchema>;
