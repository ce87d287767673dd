/** PC-PTSD-5, Primary Care PTSD Screen for DSM-5 (clinical-reference A10, E10). */
import { NO_YES, scoredItem, unscoredItem } from './forms.js';
import { defineSumInstrument, missingProblem, skipLogicProblem } from './scoring.js';
import type { Problem } from '../problem.js';

const GATE = 0;

export const pcptsd5 = defineSumInstrument({
  id: 'pcptsd5',
  name: 'PC-PTSD-5',
  title: 'Primary Care PTSD Screen for DSM-5 (PC-PTSD-5)',
  shortTitle: 'PC-PTSD-5',
  citation:
    'Prins A, Bovin MJ, Smolenski DJ, et al. The Primary Care PTSD Screen for DSM-5 (PC-PTSD-5). J Gen Intern Med 2016;31(10):1206–1211. Bovin MJ et al. JAMA Netw Open 2021;4(2):e2036733.',
  reference: 'clinical-reference A10',
  // LOINC 102010-6 is [P] and it is unclear whether it is the panel or the total (A15): left out.
  items: [
    // The gate question is unnumbered on the form; it is number 0 here. Answers: [gate, q1..q5].
    unscoredItem(0, 'Ever experienced this kind of traumatic event (gate)', NO_YES),
    // Past month, yes/no; score = count of yes, 0–5. clinical-reference A10 [V]
    scoredItem(1, 'Nightmares or unwanted thoughts about the event', NO_YES, { optional: true }),
    scoredItem(2, 'Tried hard not to think about it or avoided reminders', NO_YES, {
      optional: true,
    }),
    scoredItem(3, 'Constantly on guard, watchful, or easily startled', NO_YES, { optional: true }),
    scoredItem(4, 'Felt numb or detached from people, activities, or surroundings', NO_YES, {
      optional: true,
    }),
    scoredItem(5, 'Felt guilty or unable to stop blaming yourself or others', NO_YES, {
      optional: true,
    }),
  ],
  itemNames: { [GATE]: 'trauma-exposure (gate) question' },
  // Just the gate (No → stop), or the gate and the five items.
  counts: [1, 6],
  // Bands follow the applied threshold: negative / positive.
  threshold: {
    default: 3,
    min: 3,
    max: 4,
    note: '3 = optimally sensitive (Prins 2016); 4 = optimally efficient overall and for men (Bovin 2021; women may need 3). clinical-reference A10 [V]',
  },
  // Gate No → score 0 and no items; gate Yes → all five items. clinical-reference A10 [V], E10
  checkSkipLogic: ({ positions, invalid, given }, form) => {
    const problems: Problem[] = [];
    const gate = positions[GATE];
    for (let i = 1; i <= 5; i++) {
      const value = positions[i] ?? null;
      if (gate === 1 && value === null && !invalid.has(i)) {
        problems.push(
          missingProblem(form, i, given, ' (required when the trauma-exposure answer is yes)'),
        );
      }
      if (gate === 0 && value === 1) {
        problems.push(
          skipLogicProblem(
            form,
            i,
            'was answered yes but the trauma-exposure answer was no, and the form stops there; check the form (a yes is never dropped)',
          ),
        );
      }
    }
    return problems;
  },
});
