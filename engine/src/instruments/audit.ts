/** AUDIT, full 10 items (clinical-reference A7, A15, E7). */
import { AUDIT_FREQUENCY, AUDIT_Q1_TO_Q3 } from './alcohol.js';
import { scoredItem } from './forms.js';
import { defineSumInstrument } from './scoring.js';

/** Q9 and Q10 have three options scored 0, 2, 4. clinical-reference A7 [V] */
const INJURY_OPTIONS = [
  'No',
  'Yes, but not in the last year',
  'Yes, during the last year',
] as const;
const INJURY_POINTS = [0, 2, 4] as const;

const ZONES = ['zone-1', 'zone-2', 'zone-3', 'zone-4'] as const;

export const audit = defineSumInstrument({
  id: 'audit',
  name: 'AUDIT',
  title: 'Alcohol Use Disorders Identification Test (AUDIT)',
  shortTitle: 'AUDIT',
  citation:
    'Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: Guidelines for Use in Primary Care, 2nd ed. WHO 2001 (WHO/MSD/MSB/01.6a). Saunders JB et al. Addiction 1993;88:791–804.',
  reference: 'clinical-reference A7',
  // clinical-reference A15 [V]. Only Q4 (97734-8) and Q10 (97740-5) are named in the reference;
  // the codes between them are left out rather than guessed.
  loinc: { panel: '72110-0', total: '75624-7' },
  items: [
    ...AUDIT_Q1_TO_Q3,
    scoredItem(4, 'How often unable to stop drinking once started (past year)', AUDIT_FREQUENCY, {
      loinc: '97734-8',
    }),
    scoredItem(
      5,
      'How often failed to do what was expected because of drinking (past year)',
      AUDIT_FREQUENCY,
    ),
    scoredItem(6, 'How often needed a first drink in the morning (past year)', AUDIT_FREQUENCY),
    scoredItem(7, 'How often felt guilt or remorse after drinking (past year)', AUDIT_FREQUENCY),
    scoredItem(
      8,
      'How often unable to remember the night before because of drinking (past year)',
      AUDIT_FREQUENCY,
    ),
    scoredItem(9, 'You or someone else injured because of your drinking', INJURY_OPTIONS, {
      points: INJURY_POINTS,
    }),
    scoredItem(
      10,
      'Relative, friend, doctor or health worker concerned about your drinking',
      INJURY_OPTIONS,
      {
        points: INJURY_POINTS,
        loinc: '97740-5',
      },
    ),
  ],
  counts: [10],
  // WHO risk zones. clinical-reference A7 [V] (zone IV 20–40 [P])
  bands: [
    { id: 'zone-1', label: 'Zone I: alcohol education', min: 0, max: 7 },
    { id: 'zone-2', label: 'Zone II: simple advice', min: 8, max: 15 },
    {
      id: 'zone-3',
      label: 'Zone III: simple advice plus brief counselling and continued monitoring',
      min: 16,
      max: 19,
    },
    {
      id: 'zone-4',
      label: 'Zone IV: referral to specialist for evaluation and treatment',
      min: 20,
      max: 40,
    },
  ],
  threshold: {
    default: 8,
    min: 8,
    max: 8,
    note: '≥8 suggests possible hazardous and harmful alcohol use (LOINC 75624-7; clinical-reference A7 [V]). Not tailorable.',
  },
  // Extra rule: next-higher intervention for ≥2 points on Q4–6, or 4 points on Q9 or Q10.
  // clinical-reference A7 [V]
  details: ({ points, band }) => {
    const p = (n: number): number => points[n - 1] ?? 0;
    const nextHigherIntervention = p(4) >= 2 || p(5) >= 2 || p(6) >= 2 || p(9) === 4 || p(10) === 4;
    const zone = ZONES.indexOf(band as (typeof ZONES)[number]);
    const recommended = nextHigherIntervention ? Math.min(zone + 1, ZONES.length - 1) : zone;
    return { nextHigherIntervention, recommendedZone: ZONES[recommended] };
  },
});
