/**
 * The patient journey both variants are driven through: one adult on the depression fixture
 * (test/fixtures/depression.json), screened positive, enrolled, followed up fortnightly (one
 * follow-up is late, so its timer fires first) until two PHQ-9s in a row are in remission.
 *
 * Times are fixed so every run is identical; ids (`follow-up.timer#7`) are the ones the engine
 * assigns on this journey. `path` is the node the instance is at after each event: the sanity
 * check holds both variants to it.
 */

/** @typedef {{ type: string, at: string } & Record<string, unknown>} JourneyEvent */

export const START = { at: '2026-01-05T09:00:00Z', patient: { age: 42, sex: 'female' } };

/** @type {JourneyEvent[]} */
export const EVENTS = [
  // PHQ-2 = 4 (≥ 3): positive, on to the PHQ-9.
  { type: 'instrument.completed', instrument: 'phq2', answers: [2, 2], at: '2026-01-05T09:05:00Z' },
  // PHQ-9 = 15, moderately severe (≥ 10): enrol.
  {
    type: 'instrument.completed',
    instrument: 'phq9',
    answers: [2, 2, 2, 2, 2, 2, 2, 1, 0, 1],
    at: '2026-01-05T09:20:00Z',
  },
  // The care manager engages the patient: follow-up starts (PHQ-9 every 14 days).
  { type: 'task.completed', task: 'enrol', at: '2026-01-07T10:00:00Z' },
  { type: 'contact.logged', role: 'care-manager', minutes: 30, at: '2026-01-07T10:30:00Z' },
  // Week 2: PHQ-9 = 11, not yet better; the next follow-up is scheduled.
  {
    type: 'instrument.completed',
    instrument: 'phq9',
    answers: [2, 2, 2, 1, 1, 1, 1, 1, 0, 0],
    at: '2026-01-21T10:00:00Z',
  },
  // Week 4: the follow-up is due and not done, its timer fires (the patient is overdue).
  { type: 'timer.fired', timer: 'follow-up.timer#7', at: '2026-02-04T10:00:00Z' },
  // Two days late: PHQ-9 = 7, a response (≤ 50% of the baseline 15).
  {
    type: 'instrument.completed',
    instrument: 'phq9',
    answers: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0],
    at: '2026-02-06T10:00:00Z',
  },
  // PHQ-9 = 4: in remission (< 5), once.
  {
    type: 'instrument.completed',
    instrument: 'phq9',
    answers: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
    at: '2026-02-20T10:00:00Z',
  },
  // PHQ-9 = 2: in remission twice in a row, the pathway ends in remission.
  {
    type: 'instrument.completed',
    instrument: 'phq9',
    answers: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    at: '2026-03-06T10:00:00Z',
  },
];

/** The node after start() and after each event. */
export const PATH = [
  'phq2-screen',
  'phq9-assess',
  'enrol',
  'follow-up',
  'follow-up',
  'follow-up',
  'follow-up',
  'follow-up',
  'follow-up',
  'remitted',
];

export const FINAL_NODE = 'remitted';
