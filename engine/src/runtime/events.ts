import { z } from 'zod';
import { instrumentIdSchema, nodeIdSchema } from '../definition/schema.js';

/** The event vocabulary every part shares (DESIGN.md §5). `at` defaults to the `now` given to `step`. */
const isoTime = z.iso.datetime({ offset: true });
const at = isoTime.optional();
const text = z.string().trim().min(1).max(2000);

export const REFERRAL_STATUSES = ['accepted', 'declined', 'completed', 'no-show'] as const;

export const instrumentCompletedSchema = z
  .object({
    type: z.literal('instrument.completed'),
    instrument: instrumentIdSchema,
    answers: z.array(z.number().or(z.null())).max(20),
    at,
  })
  .strict();
export const taskCompletedSchema = z
  .object({
    type: z.literal('task.completed'),
    task: nodeIdSchema,
    outcome: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a lower-case slug, e.g. "step-up"')
      .optional(),
    note: text.optional(),
    at,
  })
  .strict();
export const referralUpdatedSchema = z
  .object({
    type: z.literal('referral.updated'),
    referral: nodeIdSchema,
    status: z.enum(REFERRAL_STATUSES),
    at,
  })
  .strict();
export const timerFiredSchema = z
  .object({ type: z.literal('timer.fired'), timer: z.string().min(1).max(200), at })
  .strict();
export const contactLoggedSchema = z
  .object({
    type: z.literal('contact.logged'),
    role: z.string().min(1).max(64),
    minutes: z.number().int().min(1).max(600),
    note: text.optional(),
    at,
  })
  .strict();
export const overrideSchema = z
  .object({ type: z.literal('override'), to: nodeIdSchema, reason: text, at })
  .strict();
export const dischargeSchema = z
  .object({ type: z.literal('discharge'), reason: text, at })
  .strict();

export const pathwayEventSchema = z.discriminatedUnion('type', [
  instrumentCompletedSchema,
  taskCompletedSchema,
  referralUpdatedSchema,
  timerFiredSchema,
  contactLoggedSchema,
  overrideSchema,
  dischargeSchema,
]);
export type PathwayEvent = z.infer<typeof pathwayEventSchema>;
export type PathwayEventType = PathwayEvent['type'];
export const EVENT_TYPES = pathwayEventSchema.options.map((o) => o.shape.type.value);

/** An event with its time resolved: what the engine records and replays. */
export type TimedEvent = PathwayEvent & { at: string };
