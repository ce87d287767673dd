/** PHQ-9 (clinical-reference A1, A15, E1/E4). */
import { FREQUENCY_2_WEEKS, difficultyItem, scoredItem } from './forms.js';
import { optionalValue, phqAlgorithm } from './phqAlgorithm.js';
import { defineSumInstrument } from './scoring.js';
import type { Band } from './types.js';

/** Cut-points 5, 10, 15, 20 (Kroenke 2001; LOINC LL382-3). Use 0–4, not LOINC 44261-6's "1–4". clinical-reference A1 [V] */
export const PHQ_SEVERITY_BANDS: readonly Band[] = [
  { id: 'none-minimal', label: 'None–minimal', min: 0, max: 4 },
  { id: 'mild', label: 'Mild', min: 5, max: 9 },
  { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
  { id: 'moderately-severe', label: 'Moderately severe', min: 15, max: 19 },
  { id: 'severe', label: 'Severe', min: 20, max: 27 },
];

export const phq9 = defineSumInstrument({
  id: 'phq9',
  name: 'PHQ-9',
  title: 'Patient Health Questionnaire-9 (PHQ-9)',
  shortTitle: 'PHQ-9',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.',
  reference: 'clinical-reference A1',
  // clinical-reference A15 [V]
  loinc: { panel: '44249-1', total: '44261-6' },
  items: [
    // Item codes in order: clinical-reference A15 [V]
    scoredItem(1, 'Little interest or pleasure in doing things', FREQUENCY_2_WEEKS, {
      loinc: '44250-9',
    }),
    scoredItem(2, 'Feeling down, depressed, or hopeless', FREQUENCY_2_WEEKS, { loinc: '44255-8' }),
    scoredItem(3, 'Trouble falling or staying asleep, or sleeping too much', FREQUENCY_2_WEEKS, {
      loinc: '44259-0',
    }),
    scoredItem(4, 'Feeling tired or having little energy', FREQUENCY_2_WEEKS, { loinc: '44254-1' }),
    scoredItem(5, 'Poor appetite or overeating', FREQUENCY_2_WEEKS, { loinc: '44251-7' }),
    scoredItem(6, 'Feeling bad about yourself, or that you are a failure', FREQUENCY_2_WEEKS, {
      loinc: '44258-2',
    }),
    scoredItem(7, 'Trouble concentrating on things', FREQUENCY_2_WEEKS, { loinc: '44252-5' }),
    scoredItem(8, 'Moving or speaking slowly, or being fidgety or restless', FREQUENCY_2_WEEKS, {
      loinc: '44253-3',
    }),
    // Item 9: any answer > 0 needs a risk assessment whatever the total. clinical-reference A1 [V], E4
    scoredItem(9, 'Thoughts of being better off dead or of self-harm', FREQUENCY_2_WEEKS, {
      loinc: '44260-8',
      critical: true,
    }),
    // "Item 10" difficulty: not in the 0–27 total. clinical-reference A1 [V], E1
    difficultyItem(10, '69722-7'),
  ],
  counts: [9, 10],
  bands: PHQ_SEVERITY_BANDS,
  threshold: {
    default: 10,
    min: 8,
    max: 12,
    note: 'Kroenke 2001: ≥10 gives 88% sensitivity and 88% specificity for major depression (clinical-reference A1 [V]). Programs may tailor 8–12.',
  },
  // Remission is strictly < 5. clinical-reference B2 [V], E3
  remissionBelow: 5,
  details: ({ points }) => ({
    algorithm: phqAlgorithm(points.slice(0, 9)),
    anhedonia: points[0],
    depressedMood: points[1],
    difficulty: optionalValue(points[9]),
  }),
});
