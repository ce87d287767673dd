import { DEFAULT_STEPS } from '@care-pathways/engine';
import type { Def } from './doc.js';

/**
 * The pathway's stepped-care levels (`steps: { min, max, initial }`). Checked here, field by field,
 * before an edit reaches the engine: a level is a whole number and min ≤ initial ≤ max (the
 * engine's `steps.invalid` rule, engine/src/validate/structure.ts). Unset, the engine uses
 * DEFAULT_STEPS { min 1, max 4, initial 1 }: the four steps of NICE stepped care (CG90 for
 * depression, CG113 for GAD; shared/clinical-reference.md B6).
 */
export type StepsField = 'min' | 'initial' | 'max';
export type StepsText = Record<StepsField, string>;
export type Steps = Record<StepsField, number>;

/** The levels the engine uses when a pathway sets none. */
export const ENGINE_DEFAULT_STEPS: Steps = DEFAULT_STEPS;

export const STEP_LABELS: Record<StepsField, string> = {
  min: 'Lowest level',
  initial: 'Starting level',
  max: 'Highest level',
};

export const stepsText = (s: Steps): StepsText => ({
  min: String(s.min),
  initial: String(s.initial),
  max: String(s.max),
});

/** Parses and checks the three fields; `steps` is set only when all of them are right. */
export function checkSteps(text: StepsText): {
  steps: Steps | null;
  problems: Partial<Record<StepsField, string>>;
} {
  const problems: Partial<Record<StepsField, string>> = {};
  const values: Partial<Steps> = {};
  for (const f of ['min', 'initial', 'max'] as const) {
    const raw = text[f].trim();
    const n = Number(raw);
    if (raw === '') problems[f] = `Enter the ${STEP_LABELS[f].toLowerCase()} (steps.${f}).`;
    else if (!Number.isSafeInteger(n))
      problems[f] = `${STEP_LABELS[f]} must be a whole number (steps.${f}).`;
    else values[f] = n;
  }
  const { min, initial, max } = values;
  if (min !== undefined && max !== undefined && min > max)
    problems.max = `Highest level must be at least the lowest level, ${min} (steps.max).`;
  else if (
    initial !== undefined &&
    ((min !== undefined && initial < min) || (max !== undefined && initial > max))
  )
    problems.initial = `Starting level must be between the lowest and the highest level, ${min ?? '…'}–${max ?? '…'} (steps.initial).`;
  const ok = Object.keys(problems).length === 0;
  return { steps: ok ? (values as Steps) : null, problems };
}

/** The levels step nodes set or move to, with the nodes that use them (shown beside the form). */
export function levelsUsed(def: Def): { id: string; level: number }[] {
  return def.nodes.flatMap((n) =>
    n.kind === 'step' && typeof (n as { level?: unknown }).level === 'number'
      ? [{ id: n.id, level: (n as { level: number }).level }]
      : [],
  );
}
