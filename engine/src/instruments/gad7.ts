/** GAD-7 (clinical-reference A4, A15, E2). */
import { FREQUENCY_2_WEEKS, difficultyItem, scoredItem } from './forms.js';
import { optionalValue } from './phqAlgorithm.js';
import { defineSumInstrument } from './scoring.js';

export const gad7 = defineSumInstrument({
  id: 'gad7',
  name: 'GAD-7',
  title: 'Generalized Anxiety Disorder-7 (GAD-7)',
  shortTitle: 'GAD-7',
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.',
  reference: 'clinical-reference A4',
  // clinical-reference A15 [V]
  loinc: { panel: '69737-5', total: '70274-6' },
  items: [
    scoredItem(1, 'Feeling nervous, anxious, or on edge', FREQUENCY_2_WEEKS, { loinc: '69725-0' }),
    // 68509-9 is shared with another instrument; its LOINC answer 2 is LA18938-3 (A15 [V], E13).
    scoredItem(2, 'Not being able to stop or control worrying', FREQUENCY_2_WEEKS, {
      loinc: '68509-9',
    }),
    scoredItem(3, 'Worrying too much about different things', FREQUENCY_2_WEEKS, {
      loinc: '69733-4',
    }),
    scoredItem(4, 'Trouble relaxing', FREQUENCY_2_WEEKS, { loinc: '69734-2' }),
    scoredItem(5, 'Being so restless that it is hard to sit still', FREQUENCY_2_WEEKS, {
      loinc: '69735-9',
    }),
    scoredItem(6, 'Becoming easily annoyed or irritable', FREQUENCY_2_WEEKS, { loinc: '69689-8' }),
    scoredItem(7, 'Feeling afraid, as if something awful might happen', FREQUENCY_2_WEEKS, {
      loinc: '69736-7',
    }),
    // Difficulty item: on the form, not scored (A4 [P]); its LOINC question code is not in the reference.
    difficultyItem(8),
  ],
  counts: [7, 8],
  // Cut-points 5, 10, 15; there is NO moderately-severe band. clinical-reference A4 [V], E2
  bands: [
    { id: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { id: 'mild', label: 'Mild', min: 5, max: 9 },
    { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { id: 'severe', label: 'Severe', min: 15, max: 21 },
  ],
  threshold: {
    default: 10,
    min: 8,
    max: 10,
    note: 'Spitzer 2006: ≥10 gives 89% sensitivity and 82% specificity for GAD (clinical-reference A4 [V]). 8 is the NHS Talking Therapies caseness cut-off (B6 [P]).',
  },
  // Remission < 5 for the GAD-7 is a project design choice (the reference defines it for the
  // PHQ-9 only, B2); it mirrors the minimal band's upper edge.
  remissionBelow: 5,
  details: ({ points }) => ({ difficulty: optionalValue(points[7]) }),
});
