/**
 * Shared scoring machinery: the answer validator, threshold resolution, band lookup and a
 * generic "sum of items with bands" instrument. Invalid input is always reported as problems
 * (every problem at once), never turned into a score.
 *
 * Problem codes (stable): answers.count, answers.not-integer, answers.out-of-range,
 * answers.missing, answers.skip-logic, threshold.out-of-range.
 */
import { at, error, fail, ok } from '../problem.js';
import type { Problem, Result } from '../problem.js';
import { deepFreeze, pointsOf } from './forms.js';
import type {
  Answer,
  Band,
  InstrumentDefinition,
  InstrumentId,
  ItemDefinition,
  Score,
  ScoreOptions,
} from './types.js';

export const ANSWERS_PATH = '$.answers';
export const THRESHOLD_PATH = '$.threshold';

/** What the validator needs to know about a form. */
export interface FormSpec {
  /** Display name used in messages, e.g. `PHQ-9`. */
  name: string;
  items: readonly ItemDefinition[];
  /** Accepted lengths of the answers array; shorter ones are padded with null (not asked). */
  counts: readonly number[];
  /** How messages name an item, by 0-based index, where "item N" would be wrong. */
  itemNames?: Readonly<Record<number, string>>;
}

export interface CheckedAnswers {
  /** Answers as given, padded with null up to the number of items. */
  answers: Answer[];
  /** Valid form positions; null where blank, not asked, or invalid (see `invalid`). */
  positions: (number | null)[];
  /** Indices whose given value was rejected. */
  invalid: ReadonlySet<number>;
  /** Length of the array as given. */
  given: number;
  problems: Problem[];
}

export function itemName(form: FormSpec, index: number): string {
  return form.itemNames?.[index] ?? `item ${form.items[index]?.number ?? index + 1}`;
}

/** "0–3", or "0 (no) or 1 (yes)" for short option lists. */
export function allowedValues(item: ItemDefinition): string {
  const n = item.options.length;
  if (n > 3) return `0–${n - 1}`;
  const parts = item.options.map((label, i) => `${i} (${label.toLowerCase()})`);
  return parts.length > 1
    ? `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`
    : `${parts[0] ?? '0'}`;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}

function listCounts(counts: readonly number[]): string {
  if (counts.length === 1) return String(counts[0]);
  return `${counts.slice(0, -1).join(', ')} or ${counts[counts.length - 1]}`;
}

/** Path of an item: its index when the caller's array reaches it, else the array itself. */
export function itemPath(index: number, given: number): string {
  return index < given ? at(ANSWERS_PATH, index) : ANSWERS_PATH;
}

export function missingProblem(form: FormSpec, index: number, given: number, why = ''): Problem {
  const item = form.items[index];
  const allowed = item === undefined ? '' : `; it must be ${allowedValues(item)}`;
  return error(
    'answers.missing',
    itemPath(index, given),
    `${form.name} ${itemName(form, index)} is missing${why}${allowed}`,
  );
}

export function skipLogicProblem(form: FormSpec, index: number, message: string): Problem {
  return error(
    'answers.skip-logic',
    at(ANSWERS_PATH, index),
    `${form.name} ${itemName(form, index)} ${message}`,
  );
}

/**
 * Checks count, integer-ness, range per item and required items. Optional items may be null;
 * conditional rules (skip logic) are the instrument's job, run on `positions`.
 */
export function checkAnswers(form: FormSpec, answers: unknown): CheckedAnswers {
  const problems: Problem[] = [];
  const invalid = new Set<number>();
  const n = form.items.length;
  if (!Array.isArray(answers)) {
    problems.push(
      error(
        'answers.count',
        ANSWERS_PATH,
        `${form.name} answers must be an array of ${listCounts(form.counts)} form positions (got ${describe(answers)})`,
      ),
    );
    return { answers: [], positions: [], invalid, given: 0, problems };
  }
  const given = answers.length;
  if (!form.counts.includes(given)) {
    problems.push(
      error(
        'answers.count',
        ANSWERS_PATH,
        `${form.name} needs ${listCounts(form.counts)} answers, one per item in form order (got ${given})`,
      ),
    );
  }
  const padded: Answer[] = [];
  const positions: (number | null)[] = [];
  form.items.forEach((item, i) => {
    const raw: unknown = i < given ? answers[i] : null;
    padded.push(raw === undefined ? null : (raw as Answer));
    positions.push(null);
    // Only problems need these strings; a valid answer skips building them.
    const name = () => `${form.name} ${itemName(form, i)}`;
    const allowed = () => allowedValues(item);
    if (raw === null || raw === undefined) {
      // An array shorter than the form is already a count problem; don't repeat it per item.
      if (!item.optional && i < given) problems.push(missingProblem(form, i, given));
      return;
    }
    if (typeof raw !== 'number' || !Number.isInteger(raw)) {
      invalid.add(i);
      problems.push(
        error(
          'answers.not-integer',
          at(ANSWERS_PATH, i),
          `${name()} must be a whole number, ${allowed()} (got ${describe(raw)})`,
        ),
      );
      return;
    }
    if (raw < 0 || raw >= item.options.length) {
      invalid.add(i);
      problems.push(
        error(
          'answers.out-of-range',
          at(ANSWERS_PATH, i),
          `${name()} must be ${allowed()} (got ${raw})`,
        ),
      );
      return;
    }
    positions[i] = raw;
  });
  // Answers beyond the form's items are only reported through answers.count.
  for (let i = n; i < given; i++) invalid.add(i);
  return { answers: padded, positions, invalid, given, problems };
}

export interface ThresholdSpec {
  default: number;
  min: number;
  max: number;
  note: string;
}

/** `options.threshold` if given (a whole number within the tailorable range), else the default. */
export function resolveThreshold(
  name: string,
  spec: ThresholdSpec,
  requested: unknown,
): Result<number> {
  if (requested === undefined) return ok(spec.default);
  if (
    typeof requested !== 'number' ||
    !Number.isInteger(requested) ||
    requested < spec.min ||
    requested > spec.max
  ) {
    const range =
      spec.min === spec.max
        ? `${spec.min} (not tailorable)`
        : `a whole number from ${spec.min} to ${spec.max}`;
    return fail([
      error(
        'threshold.out-of-range',
        THRESHOLD_PATH,
        `${name} threshold must be ${range} (got ${describe(requested)})`,
      ),
    ]);
  }
  return ok(requested);
}

export function bandFor(bands: readonly Band[], total: number): string {
  const band = bands.find((b) => total >= b.min && total <= b.max);
  if (band === undefined) throw new Error(`internal: no band covers total ${total}`);
  return band.id;
}

/** 'negative' below the threshold, 'positive' at or above, over the whole total range. */
export function thresholdBands(min: number, max: number, threshold: number): Band[] {
  return [
    { id: 'negative', label: 'Negative screen', min, max: threshold - 1 },
    { id: 'positive', label: 'Positive screen', min: threshold, max },
  ];
}

export interface ScoreContext {
  positions: readonly (number | null)[];
  points: readonly (number | null)[];
  total: number;
  threshold: number;
  band: string;
}

export interface PickedThreshold {
  value: number;
  /** Merged into `details` (e.g. AUDIT-C's thresholdRule). */
  details?: Record<string, unknown>;
}

export interface SumInstrumentSpec {
  id: InstrumentId;
  /** Display name for messages, e.g. `PHQ-9`. */
  name: string;
  title: string;
  shortTitle: string;
  citation: string;
  reference: string;
  loinc?: { panel?: string; total?: string };
  items: readonly ItemDefinition[];
  counts: readonly number[];
  itemNames?: Readonly<Record<number, string>>;
  /** Bands over the total. Omit to band by the applied threshold (negative / positive). */
  bands?: readonly Band[];
  threshold: ThresholdSpec;
  remissionBelow?: number;
  /** Conditional rules on valid positions (gates, skip logic). */
  checkSkipLogic?: (checked: CheckedAnswers, form: FormSpec) => Problem[];
  /** Chooses the threshold (AUDIT-C picks it by sex). Default: options.threshold or default. */
  pickThreshold?: (options: ScoreOptions) => Result<PickedThreshold>;
  details?: (ctx: ScoreContext) => Record<string, unknown>;
}

/**
 * An instrument whose total is the sum of its scored items' points, banded, with a positive
 * screen at total ≥ threshold. Critical items are positive when their points are above 0.
 */
export function defineSumInstrument(spec: SumInstrumentSpec): InstrumentDefinition {
  const form: FormSpec = {
    name: spec.name,
    items: spec.items,
    counts: spec.counts,
    ...(spec.itemNames === undefined ? {} : { itemNames: spec.itemNames }),
  };
  let min = 0;
  let max = 0;
  for (const item of spec.items) {
    if (!item.scored) continue;
    const values = item.options.map((_, p) => pointsOf(item, p));
    min += Math.min(...values);
    max += Math.max(...values);
  }
  const bands = spec.bands ?? thresholdBands(min, max, spec.threshold.default);
  const pickThreshold: NonNullable<SumInstrumentSpec['pickThreshold']> =
    spec.pickThreshold ??
    ((options) => {
      const t = resolveThreshold(spec.name, spec.threshold, options.threshold);
      return t.ok ? ok({ value: t.value }) : fail(t.problems);
    });

  function score(answers: readonly Answer[], options?: ScoreOptions): Result<Score> {
    const checked = checkAnswers(form, answers);
    const problems = [...checked.problems];
    if (spec.checkSkipLogic !== undefined) problems.push(...spec.checkSkipLogic(checked, form));
    const threshold = pickThreshold(options ?? {});
    if (!threshold.ok) problems.push(...threshold.problems);
    if (problems.length > 0 || !threshold.ok) return fail(problems);

    const points = checked.positions.map((p, i) => {
      const item = spec.items[i];
      return p === null || item === undefined ? null : pointsOf(item, p);
    });
    let total = 0;
    const criticalItems: number[] = [];
    spec.items.forEach((item, i) => {
      const pts = points[i] ?? null;
      if (item.scored && pts !== null) total += pts;
      if (item.critical === true && pts !== null && pts > 0) criticalItems.push(item.number);
    });
    const t = threshold.value.value;
    const band =
      spec.bands === undefined ? (total >= t ? 'positive' : 'negative') : bandFor(bands, total);
    const details = {
      ...threshold.value.details,
      ...spec.details?.({ positions: checked.positions, points, total, threshold: t, band }),
    };
    return ok({
      instrument: spec.id,
      total,
      band,
      positive: total >= t,
      critical: criticalItems.length > 0,
      criticalItems,
      answers: checked.answers,
      itemPoints: points,
      threshold: t,
      ...(Object.keys(details).length > 0 ? { details } : {}),
    });
  }

  return deepFreeze({
    id: spec.id,
    title: spec.title,
    shortTitle: spec.shortTitle,
    citation: spec.citation,
    reference: spec.reference,
    ...(spec.loinc === undefined ? {} : { loinc: spec.loinc }),
    items: spec.items,
    totalRange: { min, max },
    bands,
    bandIds: bands.map((b) => b.id),
    threshold: spec.threshold,
    ...(spec.remissionBelow === undefined ? {} : { remissionBelow: spec.remissionBelow }),
    hasCriticalItems: spec.items.some((item) => item.critical === true),
    score,
  });
}

/** The value at an index of a positions array, null when absent. */
export function pos(positions: readonly (number | null)[], index: number): number | null {
  return positions[index] ?? null;
}

export interface RiskAssessment {
  risk: string;
  positive: boolean;
  critical: boolean;
  criticalItems: number[];
  details?: Record<string, unknown>;
}

export interface RiskInstrumentSpec {
  id: InstrumentId;
  name: string;
  title: string;
  shortTitle: string;
  citation: string;
  reference: string;
  loinc?: { panel?: string; total?: string };
  items: readonly ItemDefinition[];
  counts: readonly number[];
  itemNames?: Readonly<Record<number, string>>;
  /** Risk levels in order of severity; `band` = `risk`. */
  riskLevels: readonly string[];
  checkSkipLogic: (checked: CheckedAnswers, form: FormSpec) => Problem[];
  /** Runs only on valid, skip-logic-consistent answers (null = not asked). */
  assess: (positions: readonly (number | null)[]) => RiskAssessment;
}

/** An instrument without a total: answers map to a risk level (C-SSRS screener, ASQ). */
export function defineRiskInstrument(spec: RiskInstrumentSpec): InstrumentDefinition {
  const form: FormSpec = {
    name: spec.name,
    items: spec.items,
    counts: spec.counts,
    ...(spec.itemNames === undefined ? {} : { itemNames: spec.itemNames }),
  };

  function score(answers: readonly Answer[], options?: ScoreOptions): Result<Score> {
    const checked = checkAnswers(form, answers);
    const problems = [...checked.problems, ...spec.checkSkipLogic(checked, form)];
    if (options?.threshold !== undefined) {
      problems.push(
        error(
          'threshold.out-of-range',
          THRESHOLD_PATH,
          `${spec.name} has no total and takes no threshold (got ${describe(options.threshold)})`,
        ),
      );
    }
    if (problems.length > 0) return fail(problems);
    const assessment = spec.assess(checked.positions);
    const points = checked.positions.map((p, i) => {
      const item = spec.items[i];
      return p === null || item === undefined ? null : pointsOf(item, p);
    });
    return ok({
      instrument: spec.id,
      total: null,
      band: assessment.risk,
      positive: assessment.positive,
      critical: assessment.critical,
      criticalItems: assessment.criticalItems,
      risk: assessment.risk,
      answers: checked.answers,
      itemPoints: points,
      ...(assessment.details === undefined ? {} : { details: assessment.details }),
    });
  }

  return deepFreeze({
    id: spec.id,
    title: spec.title,
    shortTitle: spec.shortTitle,
    citation: spec.citation,
    reference: spec.reference,
    ...(spec.loinc === undefined ? {} : { loinc: spec.loinc }),
    items: spec.items,
    totalRange: null,
    bands: [],
    bandIds: spec.riskLevels,
    hasCriticalItems: spec.items.some((item) => item.critical === true),
    score,
  });
}
