/** GAD-2: GAD-7 items 1–2 (clinical-reference A5). */
import { FREQUENCY_2_WEEKS, scoredItem } from './forms.js';
import { defineSumInstrument } from './scoring.js';

export const gad2 = defineSumInstrument({
  id: 'gad2',
  name: 'GAD-2',
  title: 'Generalized Anxiety Disorder-2 (GAD-2)',
  shortTitle: 'GAD-2',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146(5):317–325.',
  reference: 'clinical-reference A5',
  // GAD-2 panel and total LOINC codes are unknown (clinical-reference A15 [U]); the two items are
  // the GAD-7's items 1–2, whose question codes are known (A15 [V]).
  items: [
    scoredItem(1, 'Feeling nervous, anxious, or on edge', FREQUENCY_2_WEEKS, { loinc: '69725-0' }),
    scoredItem(2, 'Not being able to stop or control worrying', FREQUENCY_2_WEEKS, {
      loinc: '68509-9',
    }),
  ],
  counts: [2],
  // Bands follow the applied threshold: negative / positive.
  threshold: {
    default: 3,
    min: 2,
    max: 4,
    note: 'Kroenke 2007: ≥3 (86% sensitivity, 83% specificity for GAD). clinical-reference A5 [P]',
  },
});
