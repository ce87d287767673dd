/** C-SSRS Screener, recent version (clinical-reference A11, A15, E11). */
import { NO_YES, unscoredItem } from './forms.js';
import { defineRiskInstrument, missingProblem, skipLogicProblem } from './scoring.js';
import type { Problem } from '../problem.js';

/** Answer indices: [q1, q2, q3, q4, q5, q6, q6WithinPast3Months]. */
const Q2 = 1;
const Q3_TO_Q5 = [2, 3, 4] as const;
const Q6 = 5;
const Q6_RECENT = 6;

export const cssrs = defineRiskInstrument({
  id: 'cssrs',
  name: 'C-SSRS screener',
  title: 'Columbia Suicide Severity Rating Scale – Screener, recent (C-SSRS)',
  shortTitle: 'C-SSRS',
  citation:
    'Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale: initial validity and internal consistency findings from three multisite studies with adolescents and adults. Am J Psychiatry 2011;168(12):1266–1277.',
  reference: 'clinical-reference A11',
  // Screener "recent" panel 93373-9 is [P] (seen in several FHIR repos). clinical-reference A15
  loinc: { panel: '93373-9' },
  // No total: every item is unscored; risk = highest-severity item endorsed. A11 [V]
  items: [
    unscoredItem(
      1,
      'Past month: wished you were dead or could go to sleep and not wake up',
      NO_YES,
    ),
    unscoredItem(2, 'Past month: non-specific active thoughts of killing yourself', NO_YES),
    // Items 3–5 are asked only if item 2 is yes (Q2 = No → skip to Q6). A11 [V], E11
    unscoredItem(3, 'Active ideation with any methods, without intent to act', NO_YES, {
      optional: true,
    }),
    unscoredItem(4, 'Active ideation with some intent to act, without a specific plan', NO_YES, {
      optional: true,
      critical: true,
    }),
    unscoredItem(5, 'Active ideation with a specific plan and intent', NO_YES, {
      optional: true,
      critical: true,
    }),
    unscoredItem(
      6,
      'Suicidal behaviour, lifetime (done, started or prepared to do anything to end your life)',
      NO_YES,
      {
        critical: true,
      },
    ),
    // Item 6's follow-up is printed under item 6, so it shares its number.
    unscoredItem(6, 'Item 6 follow-up: was this within the past 3 months?', NO_YES, {
      optional: true,
    }),
  ],
  itemNames: { [Q6_RECENT]: 'item 6 follow-up (within the past 3 months)' },
  // The follow-up may be left off when item 6 is no.
  counts: [6, 7],
  riskLevels: ['none', 'low', 'moderate', 'high'],
  checkSkipLogic: ({ positions, invalid, given }, form) => {
    const problems: Problem[] = [];
    const q2 = positions[Q2];
    for (const i of Q3_TO_Q5) {
      const value = positions[i] ?? null;
      if (q2 === 0 && value === 1) {
        problems.push(
          skipLogicProblem(
            form,
            i,
            'was answered yes but item 2 was no, and the form skips items 3–5 when item 2 is no; check the form (a yes is never dropped)',
          ),
        );
      }
      if (q2 === 1 && value === null && !invalid.has(i)) {
        problems.push(missingProblem(form, i, given, ' (asked when item 2 is yes)'));
      }
    }
    const q6 = positions[Q6];
    const recent = positions[Q6_RECENT] ?? null;
    if (q6 === 0 && recent === 1) {
      problems.push(
        skipLogicProblem(
          form,
          Q6_RECENT,
          'was answered yes but item 6 (suicidal behaviour) was no; check the form (a yes is never dropped)',
        ),
      );
    }
    if (q6 === 1 && recent === null && !invalid.has(Q6_RECENT)) {
      problems.push(missingProblem(form, Q6_RECENT, given, ' (required when item 6 is yes)'));
    }
    return problems;
  },
  assess: (positions) => {
    const yes = (i: number): boolean => positions[i] === 1;
    const [q1, q2, q3, q4, q5, q6, recent] = [0, 1, 2, 3, 4, 5, 6].map(yes) as [
      boolean,
      boolean,
      boolean,
      boolean,
      boolean,
      boolean,
      boolean,
    ];
    // High: yes to 4 or 5 (past month) or behaviour in the past 3 months. A11 [V]
    // Moderate: 3, or behaviour more than 3 months ago; low: 1 or 2 only. A11 [P] (Blueprint summary)
    let risk: string;
    if (q4 || q5 || (q6 && recent)) risk = 'high';
    else if (q3 || q6) risk = 'moderate';
    else if (q1 || q2) risk = 'low';
    else risk = 'none';
    const criticalItems: number[] = [];
    if (q4) criticalItems.push(4);
    if (q5) criticalItems.push(5);
    if (q6 && recent) criticalItems.push(6);
    const ideation = [q1, q2, q3, q4, q5];
    return {
      risk,
      positive: risk !== 'none',
      critical: risk === 'high',
      criticalItems,
      details: {
        // 1–5 like LOINC 93293-9 "most severe suicidal ideation" types (A15), 0 = none.
        mostSevereIdeation: ideation.lastIndexOf(true) + 1,
        suicidalBehavior: q6 ? (recent ? 'past-3-months' : 'lifetime') : 'none',
      },
    };
  },
});
