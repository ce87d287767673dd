/**
 * Building blocks for instrument definitions: printed response options shared by several forms
 * and small item builders, so the twelve instrument modules stay declarative.
 */
import type { ItemDefinition } from './types.js';

/** PHQ-9 / PHQ-A / GAD-7 family anchors, 0–3 (clinical-reference A1, A4 [V]). */
export const FREQUENCY_2_WEEKS = [
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
] as const;

/** PHQ/GAD "difficulty" item anchors (clinical-reference A1 [V]); never scored. */
export const DIFFICULTY = [
  'Not difficult at all',
  'Somewhat difficult',
  'Very difficult',
  'Extremely difficult',
] as const;

/** Yes/no items: position 0 = No, 1 = Yes (the contract in types.ts). */
export const NO_YES = ['No', 'Yes'] as const;

/** Extra properties an item may take beyond number, text and options. */
export type ItemExtras = Partial<
  Pick<ItemDefinition, 'points' | 'optional' | 'loinc' | 'critical'>
>;

/** A scored item; `extras` adds keying, LOINC code or the critical flag. */
export function scoredItem(
  number: number,
  text: string,
  options: readonly string[],
  extras: ItemExtras = {},
): ItemDefinition {
  return { number, text, options, scored: true, ...extras };
}

/** An item printed on the form but not counted in the total (difficulty, extra questions). */
export function unscoredItem(
  number: number,
  text: string,
  options: readonly string[],
  extras: ItemExtras = {},
): ItemDefinition {
  return { number, text, options, scored: false, ...extras };
}

/** The "how difficult have these problems made it…" item: unscored and optional. */
export function difficultyItem(number: number, loinc?: string): ItemDefinition {
  return unscoredItem(
    number,
    'Difficulty these problems caused (functional impairment)',
    DIFFICULTY,
    {
      optional: true,
      ...(loinc === undefined ? {} : { loinc }),
    },
  );
}

/** True when the item is answered yes/no (position 0 = No, 1 = Yes). */
export function isYesNo(item: ItemDefinition): boolean {
  return item.options[0] === 'No' && item.options[1] === 'Yes';
}

/** Points for a form position after keying and weights (types.ts: omitted → points = position). */
export function pointsOf(item: ItemDefinition, position: number): number {
  return item.points?.[position] ?? position;
}

/** Freezes a definition and everything reachable from it, so callers cannot edit shared data. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
