/** PHQ-2: PHQ-9 items 1–2 (clinical-reference A2, A15). */
import { FREQUENCY_2_WEEKS, scoredItem } from './forms.js';
import { defineSumInstrument } from './scoring.js';

export const phq2 = defineSumInstrument({
  id: 'phq2',
  name: 'PHQ-2',
  title: 'Patient Health Questionnaire-2 (PHQ-2)',
  shortTitle: 'PHQ-2',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item depression screener. Med Care 2003;41(11):1284–1292.',
  reference: 'clinical-reference A2',
  // clinical-reference A15 [V]
  loinc: { panel: '55757-9', total: '55758-7' },
  items: [
    scoredItem(1, 'Little interest or pleasure in doing things', FREQUENCY_2_WEEKS, {
      loinc: '44250-9',
    }),
    scoredItem(2, 'Feeling down, depressed, or hopeless', FREQUENCY_2_WEEKS, { loinc: '44255-8' }),
  ],
  counts: [2],
  // Bands follow the applied threshold: negative / positive.
  threshold: {
    default: 3,
    min: 2,
    max: 4,
    note: 'Kroenke 2003: ≥3 (83% sensitivity, 92% specificity; ROC-optimal). Arroll 2010: ≥2 is more sensitive (86%/78%). Positive → give the full PHQ-9. clinical-reference A2 [V]',
  },
});
