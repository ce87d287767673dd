import type { PathwayEvent } from '@care-pathways/engine';

/**
 * The demo practice's sample patients on collaborative care for depression, each with a history
 * so that the worklist, patient pages and registry have something real to show on first start:
 * a patient still to be screened, one awaiting a PHQ-9, one responding, one not improving at the
 * review week, one with PHQ-9 item 9 positive, one whose first contact is overdue, one discharged
 * in remission.
 *
 * Events are timed in days and hours after the patient's start; the seed places each journey so
 * that its last event happened `endsHoursAgo` before the server's first start. The journeys follow
 * cocm-depression's scenario table (pathways/cocm-depression/scenarios.json), whose rows check the
 * same paths; `server/test/seed.test.ts` checks each patient lands where `expect` says.
 */
export interface DemoJourney {
  ref: string;
  age: number;
  sex: 'female' | 'male';
  pathwayId: string;
  endsHoursAgo: number;
  events: (DistributiveOmit<PathwayEvent, 'at'> & { day: number; hour?: number })[];
  expect: { node: string; status: 'active' | 'completed'; flags: string[] };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const phq2 = (answers: [number, number]) =>
  ({ type: 'instrument.completed', instrument: 'phq2', answers }) as const;
const phq9 = (answers: number[]) =>
  ({ type: 'instrument.completed', instrument: 'phq9', answers }) as const;
const task = (name: string, outcome?: string) =>
  ({ type: 'task.completed', task: name, ...(outcome ? { outcome } : {}) }) as const;

/** Positive PHQ-2, a moderate PHQ-9, engaged, reviewed by the psychiatric consultant. */
const enrolled = (phq9Answers: number[]) => [
  { day: 0, ...phq2([2, 2]) },
  { day: 0, hour: 1, ...phq9(phq9Answers) },
  { day: 1, ...task('engage', 'engaged') },
  { day: 3, ...task('new-patient-review', 'treat-in-primary-care') },
];

export const DEMO_JOURNEYS: DemoJourney[] = [
  {
    ref: 'DEMO-001',
    age: 52,
    sex: 'female',
    pathwayId: 'cocm-depression',
    endsHoursAgo: 2,
    events: [],
    expect: { node: 'phq2-screen', status: 'active', flags: [] },
  },
  {
    ref: 'DEMO-002',
    age: 34,
    sex: 'male',
    pathwayId: 'cocm-depression',
    endsHoursAgo: 3,
    events: [{ day: 0, ...phq2([2, 2]) }],
    expect: { node: 'phq9-assess', status: 'active', flags: [] },
  },
  {
    // 14 → 10 → 7: a ≥50% drop from a baseline ≥10 (clinical-reference B2) by week 4.
    ref: 'DEMO-003',
    age: 41,
    sex: 'female',
    pathwayId: 'cocm-depression',
    endsHoursAgo: 5 * 24,
    events: [
      ...enrolled([2, 2, 2, 2, 2, 2, 1, 1, 0]),
      { day: 16, ...phq9([2, 2, 1, 1, 1, 1, 1, 1, 0]) },
      { day: 30, ...phq9([1, 1, 1, 1, 1, 1, 1, 0, 0]) },
    ],
    expect: { node: 'continuation-follow-up', status: 'active', flags: ['response'] },
  },
  {
    // 15 → 12 over ten weeks: not improving at the review week (B3), caseload review open.
    ref: 'DEMO-004',
    age: 67,
    sex: 'female',
    pathwayId: 'cocm-depression',
    endsHoursAgo: 20,
    events: [
      ...enrolled([2, 2, 2, 2, 2, 2, 2, 1, 0]),
      { day: 16, ...phq9([2, 2, 2, 2, 2, 2, 1, 1, 0]) },
      { day: 30, ...phq9([2, 2, 2, 2, 2, 2, 1, 1, 0]) },
      { day: 44, ...phq9([2, 2, 2, 2, 2, 1, 1, 1, 0]) },
      { day: 58, ...phq9([2, 2, 2, 2, 2, 1, 1, 1, 0]) },
      { day: 72, ...phq9([2, 2, 2, 2, 1, 1, 1, 1, 0]) },
    ],
    expect: { node: 'caseload-review', status: 'active', flags: ['not-improving'] },
  },
  {
    // Item 9 positive at a follow-up: urgent alert and a same-day assessment (A1, critical item).
    ref: 'DEMO-005',
    age: 29,
    sex: 'male',
    pathwayId: 'cocm-depression',
    endsHoursAgo: 1,
    events: [
      ...enrolled([2, 2, 2, 2, 2, 2, 2, 1, 0]),
      { day: 16, ...phq9([2, 2, 2, 1, 1, 1, 1, 1, 1]) },
    ],
    expect: { node: 'safety-assessment', status: 'active', flags: ['safety-risk'] },
  },
  {
    // Enrolled at PHQ-9 12 nine days ago; the care manager's first contact (due in 7 days) is
    // overdue, as the worklist shows.
    ref: 'DEMO-007',
    age: 58,
    sex: 'female',
    pathwayId: 'cocm-depression',
    endsHoursAgo: 9 * 24,
    events: [
      { day: 0, ...phq2([2, 1]) },
      { day: 0, hour: 1, ...phq9([2, 2, 1, 1, 2, 1, 1, 2, 0]) },
    ],
    expect: { node: 'engage', status: 'active', flags: [] },
  },
  {
    // 16 → 4 → 3: sustained remission (< 5, B2), relapse-prevention plan, discharged.
    ref: 'DEMO-006',
    age: 45,
    sex: 'male',
    pathwayId: 'cocm-depression',
    endsHoursAgo: 10 * 24,
    events: [
      ...enrolled([2, 2, 2, 2, 2, 2, 2, 2, 0]),
      { day: 16, ...phq9([1, 1, 1, 1, 0, 0, 0, 0, 0]) },
      { day: 43, ...phq9([1, 1, 1, 0, 0, 0, 0, 0, 0]) },
      { day: 50, ...task('relapse-prevention') },
    ],
    expect: { node: 'remitted', status: 'completed', flags: ['remission', 'response'] },
  },
];
