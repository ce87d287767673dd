import { z } from 'zod';
import { instrumentIdSchema, NODE_ID_MAX, nodeIdSchema, SLUG } from '../definition/schema.js';
import { INSTRUMENT_IDS } from '../instruments/types.js';

/** The event vocabulary every part shares (DESIGN.md §5). `at` defaults to the `now` given to `step`. */
const isoTime = z.iso.datetime({ offset: true });
const at = isoTime.optional();
const TEXT_MAX = 2000;
const text = z.string().trim().min(1).max(TEXT_MAX);
const ANSWERS_MAX = 20;
const ROLE_MAX = 64;
const TIMER_MAX = 200;
const MINUTES = { min: 1, max: 600 };

export const REFERRAL_STATUSES = ['accepted', 'declined', 'completed', 'no-show'] as const;

export const instrumentCompletedSchema = z
  .object({
    type: z.literal('instrument.completed'),
    instrument: instrumentIdSchema,
    answers: z.array(z.number().or(z.null())).max(ANSWERS_MAX),
    at,
  })
  .strict();
export const taskCompletedSchema = z
  .object({
    type: z.literal('task.completed'),
    task: nodeIdSchema,
    outcome: z.string().regex(SLUG, 'must be a lower-case slug, e.g. "step-up"').optional(),
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
  .object({ type: z.literal('timer.fired'), timer: z.string().min(1).max(TIMER_MAX), at })
  .strict();
export const contactLoggedSchema = z
  .object({
    type: z.literal('contact.logged'),
    role: z.string().min(1).max(ROLE_MAX),
    minutes: z.number().int().min(MINUTES.min).max(MINUTES.max),
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

// ---- the fast path ---------------------------------------------------------------------------

/*
 * Parsing an event with zod is about a tenth of a step. Most events are well formed, so a plain
 * check of the same rules goes first. It only ever says "certainly valid" (and gives the data zod
 * would give) or "not sure"; on "not sure" zod parses as before, so every refusal, with its codes
 * and messages, is still zod's. Anything unusual is "not sure": a key the schema does not list, an
 * object that is not a plain object, a value of the wrong type. events.test.ts holds the two to
 * the same verdicts and data.
 */

/** zod's own pattern for `z.iso.datetime({ offset: true })`, so both accept the same times. */
const ISO_DATETIME = z.core.regexes.datetime({ offset: true });
const INSTRUMENTS: ReadonlySet<unknown> = new Set(INSTRUMENT_IDS);
const STATUSES: ReadonlySet<unknown> = new Set(REFERRAL_STATUSES);

type Check = (v: unknown) => boolean;
const isString = (v: unknown): v is string => typeof v === 'string';
const sized =
  (min: number, max: number): Check =>
  (v) =>
    isString(v) && v.length >= min && v.length <= max;
const nodeId: Check = (v) => isString(v) && v.length <= NODE_ID_MAX && SLUG.test(v);
const slugText: Check = (v) => isString(v) && SLUG.test(v);
/** `text` trims first, so the trimmed length counts. */
const textOk: Check = (v) => isString(v) && sized(1, TEXT_MAX)(v.trim());
const number: Check = (v) => typeof v === 'number' && Number.isFinite(v);
/** An index loop, not `every`, which would skip the holes of a sparse array (zod refuses them). */
const answers: Check = (v) => {
  if (!Array.isArray(v) || v.length > ANSWERS_MAX) return false;
  for (let i = 0; i < v.length; i++) if (v[i] !== null && !number(v[i])) return false;
  return true;
};
const minutes: Check = (v) =>
  Number.isSafeInteger(v) && (v as number) >= MINUTES.min && (v as number) <= MINUTES.max;
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);

/** Each event type's fields (besides `type` and `at`) and their checks, as in the schemas above. */
const FIELDS: Record<string, Record<string, Check>> = {
  'instrument.completed': { instrument: (v) => INSTRUMENTS.has(v), answers },
  'task.completed': { task: nodeId, outcome: optional(slugText), note: optional(textOk) },
  'referral.updated': { referral: nodeId, status: (v) => STATUSES.has(v) },
  'timer.fired': { timer: sized(1, TIMER_MAX) },
  'contact.logged': { role: sized(1, ROLE_MAX), minutes, note: optional(textOk) },
  override: { to: nodeId, reason: textOk },
  discharge: { reason: textOk },
};
/** Fields zod trims (`text`): the parsed event carries them trimmed. */
const TRIMMED = new Set(['note', 'reason']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * The event as `pathwayEventSchema` would parse it, when it is certainly valid; `undefined` when
 * it may not be (then parse with zod, which decides and explains).
 */
export function parseEventFast(input: unknown): PathwayEvent | undefined {
  if (!isPlainObject(input)) return undefined;
  const type = input.type;
  const fields = typeof type === 'string' && Object.hasOwn(FIELDS, type) ? FIELDS[type] : undefined;
  if (!fields) return undefined;
  const out: Record<string, unknown> = { type };
  for (const key in input) {
    if (key === 'type') continue;
    const value = input[key];
    if (key === 'at') {
      if (value !== undefined && !(isString(value) && ISO_DATETIME.test(value))) return undefined;
    } else {
      const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!check || !check(value)) return undefined;
    }
    // zod copies arrays; so do we, so the caller's array never ends up in a snapshot.
    out[key] =
      isString(value) && TRIMMED.has(key)
        ? value.trim()
        : Array.isArray(value)
          ? [...value]
          : value;
  }
  // Required fields must be present (optional checks pass `undefined`, required ones fail it).
  for (const key in fields) if (!(key in out) && !fields[key]!(undefined)) return undefined;
  return out as PathwayEvent;
}
