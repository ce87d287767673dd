/**
 * The outcome measure's review week: a positive whole number of weeks in care (the engine's
 * schema: `reviewWeek` int > 0). IMPACT reviews patients not improving at 10–12 weeks
 * (shared/clinical-reference.md B3), hence the editor's default of 12.
 */
export const DEFAULT_REVIEW_WEEK = 12;

export function checkReviewWeek(text: string): { week: number | null; problem: string | null } {
  const raw = text.trim();
  const n = Number(raw);
  if (raw === '') return { week: null, problem: 'Enter the review week (measure.reviewWeek).' };
  if (!Number.isSafeInteger(n) || n < 1)
    return {
      week: null,
      problem: 'The review week must be a whole number of weeks, 1 or more (measure.reviewWeek).',
    };
  return { week: n, problem: null };
}
