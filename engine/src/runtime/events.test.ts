import { describe, expect, it } from 'vitest';
import { parseEventFast, pathwayEventSchema } from './events.js';

const AT = '2026-01-05T09:00:00Z';
const valid: Record<string, unknown>[] = [
  {
    type: 'instrument.completed',
    instrument: 'phq9',
    answers: [0, 1, 2, 3, 0, 1, 2, 3, 0],
    at: AT,
  },
  { type: 'instrument.completed', instrument: 'cssrs', answers: [0, 0, null, null, null, 0, null] },
  { type: 'instrument.completed', instrument: 'phq2', answers: [], at: undefined },
  { type: 'instrument.completed', instrument: 'phq2', answers: [-0, 99, 1.5] },
  { type: 'task.completed', task: 'enrol', at: '2028-02-29T00:00:00.5+02:00' },
  { type: 'task.completed', task: 'caseload-review', outcome: 'step-up', note: '  spoke to Dr X ' },
  { type: 'task.completed', task: 'a'.repeat(64), outcome: undefined, note: undefined },
  { type: 'referral.updated', referral: 'psychiatry', status: 'no-show', at: AT },
  { type: 'timer.fired', timer: 'follow-up.timer#7', at: '2026-01-05T23:59:59.123456-05:30' },
  { type: 'timer.fired', timer: 'x'.repeat(200) },
  { type: 'contact.logged', role: 'care-manager', minutes: 600, note: 'x'.repeat(2000), at: AT },
  { type: 'contact.logged', role: 'r', minutes: 1, note: ` ${'x'.repeat(2000)} ` },
  { type: 'override', to: 'follow-up', reason: '  clinical judgement  ', at: AT },
  { type: 'discharge', reason: 'moved away' },
  Object.assign(Object.create(null), { type: 'discharge', reason: 'moved' }),
];
const invalid: unknown[] = [
  null,
  undefined,
  42,
  'discharge',
  [],
  {},
  { type: 'engine.advance' },
  { type: 'toString' },
  { type: 'constructor', reason: 'x' },
  { type: 'instrument.completed', instrument: 'phq9' },
  { type: 'instrument.completed', instrument: 'nope', answers: [] },
  { type: 'instrument.completed', instrument: 'phq9', answers: [1, , 2] }, // eslint-disable-line no-sparse-arrays
  { type: 'instrument.completed', instrument: 'phq9', answers: [NaN] },
  { type: 'instrument.completed', instrument: 'phq9', answers: [Infinity] },
  { type: 'instrument.completed', instrument: 'phq9', answers: ['1'] },
  { type: 'instrument.completed', instrument: 'phq9', answers: Array(21).fill(0) },
  { type: 'instrument.completed', instrument: 'phq9', answers: [0], extra: 1 },
  { type: 'task.completed', task: 'Enrol' },
  { type: 'task.completed', task: 'a'.repeat(65) },
  { type: 'task.completed', task: 'enrol', outcome: 'Step Up' },
  { type: 'task.completed', task: 'enrol', outcome: null },
  { type: 'task.completed', task: 'enrol', note: '   ' },
  { type: 'task.completed', task: 'enrol', note: 'x'.repeat(2001) },
  { type: 'referral.updated', referral: 'psychiatry', status: 'lost' },
  { type: 'timer.fired', timer: '' },
  { type: 'timer.fired', timer: 'x'.repeat(201) },
  { type: 'contact.logged', role: '', minutes: 5 },
  { type: 'contact.logged', role: 'x'.repeat(65), minutes: 5 },
  { type: 'contact.logged', role: 'pcp', minutes: 0 },
  { type: 'contact.logged', role: 'pcp', minutes: 601 },
  { type: 'contact.logged', role: 'pcp', minutes: 2.5 },
  { type: 'contact.logged', role: 'pcp', minutes: '5' },
  { type: 'contact.logged', role: 'pcp', minutes: 5, note: null },
  { type: 'override', to: 'follow-up', reason: '' },
  { type: 'discharge' },
  ...[
    '2026-01-05',
    '2026-01-05T09:00Z',
    '2026-01-05T09:00:00',
    '2026-01-05T09:00:00+0200',
    '2026-01-05T24:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-05t09:00:00z',
    '2026-01-05 09:00:00Z',
    '',
    null,
    1767603600000,
  ].map((at) => ({ type: 'discharge', reason: 'moved', at })),
  Object.assign(Object.create({ reason: 'inherited' }), { type: 'discharge' }),
  new (class Event {
    type = 'discharge';
    reason = 'moved';
  })(),
];

describe('the fast path of event parsing', () => {
  it.each(valid.map((e) => [e]))('parses %j exactly as the schema does', (event) => {
    const fast = parseEventFast(event);
    const zod = pathwayEventSchema.safeParse(event);
    expect(zod.success).toBe(true);
    expect(fast).toEqual(zod.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  });

  it.each(invalid.map((e) => [e]))('leaves %j to the schema (zod agrees or refuses)', (event) => {
    const fast = parseEventFast(event);
    const zod = pathwayEventSchema.safeParse(event);
    // Never valid by the fast path and refused by zod; when unsure it defers.
    if (fast !== undefined) expect(zod.success && zod.data).toEqual(fast);
    else expect(zod.success && event !== null && typeof event === 'object').toBe(zod.success);
  });

  it('defers everything zod refuses', () => {
    for (const event of invalid) {
      if (!pathwayEventSchema.safeParse(event).success)
        expect(parseEventFast(event)).toBeUndefined();
    }
  });

  it('copies the answers, so a caller changing its array later cannot change a snapshot', () => {
    const answers = [1, 2];
    const fast = parseEventFast({ type: 'instrument.completed', instrument: 'phq2', answers });
    expect(fast).toEqual({ type: 'instrument.completed', instrument: 'phq2', answers: [1, 2] });
    expect((fast as { answers: number[] }).answers).not.toBe(answers);
  });
});
