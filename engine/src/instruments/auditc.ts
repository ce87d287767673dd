/** AUDIT-C (clinical-reference A6, A15, E6). */
import { fail, ok } from '../problem.js';
import { AUDIT_Q1_TO_Q3 } from './alcohol.js';
import { defineSumInstrument, resolveThreshold } from './scoring.js';
import type { ThresholdSpec } from './scoring.js';
import type { ScoreOptions } from './types.js';

/** Positive ≥4 for men, ≥3 for women. clinical-reference A6 [V] */
const MALE_THRESHOLD = 4;
const FEMALE_THRESHOLD = 3;

const THRESHOLD: ThresholdSpec = {
  default: FEMALE_THRESHOLD,
  min: FEMALE_THRESHOLD,
  max: MALE_THRESHOLD,
  note: 'Sex-specific: ≥4 men (Bush 1998), ≥3 women (Bradley 2003) (clinical-reference A6 [V]). Sex other, unknown or not given: the lower threshold 3 (no validated rule, A6 [U]; conservative design choice). options.threshold (3–4) overrides.',
};

/**
 * `thresholdRule` says which rule chose the threshold:
 * - `sex-male` / `sex-female`: the validated sex-specific cut-offs;
 * - `fallback-lower-threshold`: sex other/unknown/not given → the lower (female) threshold,
 *   because A6 has no validated rule and missing a positive is the worse error;
 * - `tailored`: options.threshold.
 */
function pickThreshold(options: ScoreOptions) {
  if (options.threshold !== undefined) {
    const t = resolveThreshold('AUDIT-C', THRESHOLD, options.threshold);
    return t.ok ? ok({ value: t.value, details: { thresholdRule: 'tailored' } }) : fail(t.problems);
  }
  if (options.sex === 'male')
    return ok({ value: MALE_THRESHOLD, details: { thresholdRule: 'sex-male' } });
  if (options.sex === 'female')
    return ok({ value: FEMALE_THRESHOLD, details: { thresholdRule: 'sex-female' } });
  return ok({ value: FEMALE_THRESHOLD, details: { thresholdRule: 'fallback-lower-threshold' } });
}

export const auditc = defineSumInstrument({
  id: 'auditc',
  name: 'AUDIT-C',
  title: 'Alcohol Use Disorders Identification Test – Consumption (AUDIT-C)',
  shortTitle: 'AUDIT-C',
  citation:
    'Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. Arch Intern Med 1998;158(16):1789–1795. Bradley KA et al. Arch Intern Med 2003;163(7):821–829.',
  reference: 'clinical-reference A6',
  // clinical-reference A15 [V]
  loinc: { panel: '72109-2', total: '75626-2' },
  items: AUDIT_Q1_TO_Q3,
  counts: [3],
  // Bands follow the applied (sex-specific) threshold: negative / positive; the definition's
  // bands show the default (lower) threshold.
  threshold: THRESHOLD,
  pickThreshold,
  // If all points come from Q1 (Q2 = Q3 = 0), the patient probably drinks within limits; review
  // intake. clinical-reference A6 [V]
  details: ({ points }) => ({
    allPointsFromQ1: (points[0] ?? 0) > 0 && points[1] === 0 && points[2] === 0,
  }),
});
