/** DAST-10 (clinical-reference A8, A15, E8). */
import { NO_YES, scoredItem } from './forms.js';
import { defineSumInstrument } from './scoring.js';

export const dast10 = defineSumInstrument({
  id: 'dast10',
  name: 'DAST-10',
  title: 'Drug Abuse Screening Test (DAST-10)',
  shortTitle: 'DAST-10',
  citation:
    'Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7(4):363–371. Yudko E, Lozhkina O, Fouts A. J Subst Abuse Treat 2007;32:189–198.',
  reference: 'clinical-reference A8',
  // clinical-reference A15 [V]
  loinc: { panel: '82666-9', total: '82667-7' },
  // Past 12 months, excluding alcohol and tobacco. Yes = 1 point, except item 3 (No = 1).
  // clinical-reference A8 [V]; the DAST-20/28 reverse items differ — don't mix versions.
  items: [
    scoredItem(1, 'Used drugs other than those required for medical reasons', NO_YES),
    scoredItem(2, 'Abuse more than one drug at a time', NO_YES),
    scoredItem(3, 'Always able to stop using drugs when you want to', NO_YES, { points: [1, 0] }),
    scoredItem(4, 'Had blackouts or flashbacks as a result of drug use', NO_YES),
    scoredItem(5, 'Ever feel bad or guilty about your drug use', NO_YES),
    scoredItem(6, 'Spouse or parents ever complain about your involvement with drugs', NO_YES),
    scoredItem(7, 'Neglected your family because of your use of drugs', NO_YES),
    scoredItem(8, 'Engaged in illegal activities to obtain drugs', NO_YES),
    scoredItem(9, 'Experienced withdrawal symptoms when you stopped taking drugs', NO_YES),
    scoredItem(10, 'Had medical problems as a result of your drug use', NO_YES),
  ],
  counts: [10],
  // clinical-reference A8 [V]
  bands: [
    { id: 'none', label: 'No problems reported', min: 0, max: 0 },
    { id: 'low', label: 'Low level (monitor)', min: 1, max: 2 },
    { id: 'moderate', label: 'Moderate level (further investigation)', min: 3, max: 5 },
    { id: 'substantial', label: 'Substantial level (intensive assessment)', min: 6, max: 8 },
    { id: 'severe', label: 'Severe level (intensive assessment)', min: 9, max: 10 },
  ],
  threshold: {
    default: 3,
    min: 3,
    max: 3,
    note: '≥3 may indicate a substance abuse or dependence problem (LOINC 82667-7; clinical-reference A8 [V]). Not tailorable.',
  },
});
