/** ASQ, Ask Suicide-Screening Questions, NIMH (clinical-reference A12, E12). */
import { NO_YES, unscoredItem } from './forms.js';
import { defineRiskInstrument, missingProblem, skipLogicProblem } from './scoring.js';
import type { Problem } from '../problem.js';

/** Q1–Q4: 0 = no, 1 = yes, 2 = declined to answer; refusal counts as positive. A12 [V], E12 */
const SCREEN_OPTIONS = ['No', 'Yes', 'Declined to answer'] as const;
const SCREEN_POINTS = [0, 1, 1] as const;
const SCREEN = [0, 1, 2, 3] as const;
const ACUITY = 4;

export const asq = defineRiskInstrument({
  id: 'asq',
  name: 'ASQ',
  title: 'Ask Suicide-Screening Questions (ASQ)',
  shortTitle: 'ASQ',
  citation:
    'Horowitz LM, Bridge JA, Teach SJ, et al. Ask Suicide-Screening Questions (ASQ): a brief instrument for the pediatric emergency department. Arch Pediatr Adolesc Med 2012;166(12):1170–1176.',
  reference: 'clinical-reference A12',
  // No LOINC code found for the ASQ (A12/A15 [U]).
  // DESIGN: any positive ASQ is a critical (safety) signal, so every item is marked critical.
  items: [
    unscoredItem(1, 'In the past few weeks, have you wished you were dead?', SCREEN_OPTIONS, {
      points: SCREEN_POINTS,
      critical: true,
    }),
    unscoredItem(
      2,
      'In the past few weeks, have you felt that you or your family would be better off if you were dead?',
      SCREEN_OPTIONS,
      { points: SCREEN_POINTS, critical: true },
    ),
    unscoredItem(
      3,
      'In the past week, have you been having thoughts about killing yourself?',
      SCREEN_OPTIONS,
      {
        points: SCREEN_POINTS,
        critical: true,
      },
    ),
    unscoredItem(4, 'Have you ever tried to kill yourself?', SCREEN_OPTIONS, {
      points: SCREEN_POINTS,
      critical: true,
    }),
    // Asked only when any of 1–4 is positive. A12 [V]
    unscoredItem(5, 'Are you having thoughts of killing yourself right now? (acuity)', NO_YES, {
      optional: true,
      critical: true,
    }),
  ],
  // Q5 may be left off when the screen is negative.
  counts: [4, 5],
  riskLevels: ['negative', 'non-acute', 'acute'],
  checkSkipLogic: ({ positions, invalid, given }, form) => {
    const problems: Problem[] = [];
    const screen = SCREEN.map((i) => positions[i] ?? null);
    const anyPositive = screen.some((v) => v === 1 || v === 2);
    const allNo = screen.every((v) => v === 0);
    const acuity = positions[ACUITY] ?? null;
    if (anyPositive && acuity === null && !invalid.has(ACUITY)) {
      problems.push(
        missingProblem(
          form,
          ACUITY,
          given,
          ' (required when the screen is positive; acuity is never guessed)',
        ),
      );
    }
    if (allNo && acuity === 1) {
      problems.push(
        skipLogicProblem(
          form,
          ACUITY,
          'was answered yes (thoughts of killing yourself right now) but items 1–4 were all no, and it is asked only after a positive screen; check the form and assess the patient (a yes is never dropped)',
        ),
      );
    } else if (allNo && acuity === 0) {
      problems.push(
        skipLogicProblem(
          form,
          ACUITY,
          'must be blank when items 1–4 are all no (it is asked only after a positive screen)',
        ),
      );
    }
    return problems;
  },
  assess: (positions) => {
    const screen = SCREEN.map((i) => positions[i] ?? null);
    const criticalItems = SCREEN.filter((i) => screen[i] === 1 || screen[i] === 2).map(
      (i) => i + 1,
    );
    const declinedItems = SCREEN.filter((i) => screen[i] === 2).map((i) => i + 1);
    // All no → negative; any yes or refusal → positive; Q5 yes = acute, no = non-acute. A12 [V]
    let risk = 'negative';
    if (criticalItems.length > 0) risk = positions[ACUITY] === 1 ? 'acute' : 'non-acute';
    if (risk === 'acute') criticalItems.push(5);
    const positive = risk !== 'negative';
    return { risk, positive, critical: positive, criticalItems, details: { declinedItems } };
  },
});
