import type { Result } from '../problem.js';

export const INSTRUMENT_IDS = [
  'phq9',
  'phq2',
  'phqa',
  'gad7',
  'gad2',
  'auditc',
  'audit',
  'dast10',
  'epds',
  'pcptsd5',
  'cssrs',
  'asq',
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/**
 * One answer: the position of the ticked response on the standard form (first response = 0;
 * yes/no items 1 = yes, 0 = no). `null` means "not asked" (skip logic) or left blank where the
 * form allows it. The scorer applies reverse keying and item weights, never the caller.
 */
export type Answer = number | null;

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface ScoreOptions {
  /** Needed by sex-specific instruments (AUDIT-C). Unknown/other uses the documented fallback. */
  sex?: Sex;
  /** Tailored positive threshold, where the instrument allows one (see `threshold` below). */
  threshold?: number;
}

/** A response option on the printed form, in printed order (position = index). */
export interface ItemDefinition {
  /** 1-based item number as printed. */
  number: number;
  /** Short label for forms and explanations (not the licensed item wording where it is restricted). */
  text: string;
  /** Printed response labels; position i is answer i. */
  options: readonly string[];
  /** Points per position. Omitted → points = position. */
  points?: readonly number[];
  /** Counted in the total (difficulty items and extra items are not). */
  scored: boolean;
  /** Item may be left blank / is only asked by skip logic. */
  optional?: boolean;
  /** LOINC question code where known. */
  loinc?: string;
  /** Positive answer here is a patient-safety signal (see `critical` in Score). */
  critical?: boolean;
}

export interface Band {
  /** Stable slug, e.g. `moderately-severe`. */
  id: string;
  label: string;
  /** Inclusive total range. */
  min: number;
  max: number;
}

export interface InstrumentDefinition {
  id: InstrumentId;
  title: string;
  /** Short name for task titles and messages, e.g. `PHQ-9`. */
  shortTitle: string;
  /** Primary citation(s) and the section of shared/clinical-reference.md it comes from. */
  citation: string;
  reference: string;
  loinc?: { panel?: string; total?: string };
  items: readonly ItemDefinition[];
  /** Range of the total, or null for instruments without a total (C-SSRS, ASQ). */
  totalRange: { min: number; max: number } | null;
  /** Bands over the total (empty for risk-level instruments). */
  bands: readonly Band[];
  /** Possible `band` values in order of severity (for risk instruments: the risk levels). */
  bandIds: readonly string[];
  /** Positive-screen threshold on the total, with the range a program may tailor it to. */
  threshold?: { default: number; min: number; max: number; note: string };
  /** Remission cut-off on the total, strictly below (PHQ-9 < 5), where defined. */
  remissionBelow?: number;
  /** Whether the instrument has critical (safety) items. */
  hasCriticalItems: boolean;
  score(answers: readonly Answer[], options?: ScoreOptions): Result<Score>;
}

export interface Score {
  instrument: InstrumentId;
  /** Total over scored items, null where the instrument has none. */
  total: number | null;
  band: string;
  positive: boolean;
  /** True when any critical item is positive: a patient-safety signal. */
  critical: boolean;
  /** 1-based numbers of the critical items that were positive. */
  criticalItems: number[];
  /** Risk level for instruments without totals (C-SSRS: none|low|moderate|high; ASQ: negative|non-acute|acute). */
  risk?: string;
  /** Answers as given (form positions). */
  answers: Answer[];
  /** Points per item after keying and weights (null where not asked). */
  itemPoints: (number | null)[];
  /** Threshold applied for `positive`, where there is one. */
  threshold?: number;
  /** Instrument-specific extras (e.g. AUDIT next-higher-intervention rule, PHQ-9 diagnostic algorithm). */
  details?: Record<string, unknown>;
}
