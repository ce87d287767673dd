/** Printed AUDIT questions 1–3, shared by the AUDIT-C and the full AUDIT (clinical-reference A6, A7). */
import { scoredItem } from './forms.js';
import type { ItemDefinition } from './types.js';

/**
 * Anchors for the "how often…" questions. Q3's are in clinical-reference A6 [V]; Q4–Q8 use the
 * same printed anchors on the WHO form (not listed in the reference; labels only, scoring is 0–4).
 */
export const AUDIT_FREQUENCY = [
  'Never',
  'Less than monthly',
  'Monthly',
  'Weekly',
  'Daily or almost daily',
] as const;

/** AUDIT Q1–Q3 = AUDIT-C, 0–4 each; LOINC 68518-0, 68519-8, 68520-6. clinical-reference A6, A15 [V] */
export const AUDIT_Q1_TO_Q3: readonly ItemDefinition[] = [
  scoredItem(
    1,
    'How often do you have a drink containing alcohol?',
    ['Never', 'Monthly or less', '2–4 times a month', '2–3 times a week', '4 or more times a week'],
    { loinc: '68518-0' },
  ),
  scoredItem(
    2,
    'How many drinks containing alcohol on a typical day when you are drinking?',
    ['1 or 2', '3 or 4', '5 or 6', '7 to 9', '10 or more'],
    { loinc: '68519-8' },
  ),
  scoredItem(3, 'How often do you have six or more drinks on one occasion?', AUDIT_FREQUENCY, {
    loinc: '68520-6',
  }),
];
