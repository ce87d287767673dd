/**
 * PHQ-9 diagnostic (algorithm) scoring, shared by the PHQ-9 and the PHQ-A (clinical-reference A1 [V]).
 *
 * "Positive symptom" = items 1–8 at 2 or 3 points, or item 9 at 1–3 points.
 * Major depressive syndrome: ≥5 positive symptoms including item 1 or item 2.
 * Other depressive syndrome: 2–4 positive symptoms including item 1 or item 2.
 * The PHQ-A swaps items 1 and 2 (A3), but both are the cardinal symptoms, so the rule is the
 * same. A diagnosis also needs functional impairment and a clinician's confirmation.
 */
export type PhqAlgorithmResult = 'major-depressive-syndrome' | 'other-depressive-syndrome' | 'none';

/** `points` holds items 1–9 in form order (0–3 each). */
export function phqAlgorithm(points: readonly (number | null)[]): PhqAlgorithmResult {
  const positive = (index: number): boolean => {
    const p = points[index] ?? 0;
    return index === 8 ? p >= 1 : p >= 2;
  };
  let count = 0;
  for (let i = 0; i < 9; i++) if (positive(i)) count++;
  const cardinal = positive(0) || positive(1);
  if (!cardinal) return 'none';
  if (count >= 5) return 'major-depressive-syndrome';
  if (count >= 2) return 'other-depressive-syndrome';
  return 'none';
}

/** 0–3 → number, blank → null (difficulty item). */
export function optionalValue(value: number | null | undefined): number | null {
  return value ?? null;
}

/** Yes/no item → boolean, blank → null. */
export function yesNoValue(value: number | null | undefined): boolean | null {
  return value === null || value === undefined ? null : value === 1;
}
