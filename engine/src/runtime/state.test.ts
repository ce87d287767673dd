import { describe, expect, it } from 'vitest';
import { parsePatient, patientSchema } from './state.js';

const patients: unknown[] = [
  {},
  { age: 42 },
  { sex: 'female' },
  { sex: 'male', age: 0 },
  { age: 130, sex: 'unknown' },
  { age: undefined, sex: undefined },
  { sex: 'other', age: undefined },
  { age: -0 },
  // zod's: extra keys, out of range, wrong types, not a plain object
  { age: 42, mrn: '123' },
  { age: 131 },
  { age: -1 },
  { age: 12.5 },
  { age: '42' },
  { age: null },
  { sex: 'F' },
  { sex: null },
  null,
  [],
  'adult',
  Object.create({ age: 3 }),
];

describe('parsePatient', () => {
  it.each(patients.map((p) => [p]))('parses %j exactly as patientSchema does', (p) => {
    const fast = parsePatient(p);
    const zod = patientSchema.safeParse(p);
    expect(fast.success).toBe(zod.success);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
    expect(fast.data && Object.keys(fast.data)).toEqual(zod.data && Object.keys(zod.data));
    if (!zod.success) expect(fast.error?.issues).toEqual(zod.error.issues);
  });
});
