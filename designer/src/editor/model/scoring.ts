import { instruments, type InstrumentDefinition } from '@care-pathways/engine';
import type { Def, Parameter } from './doc.js';
import type { Change } from './edits.js';

/**
 * Tailored positive-screen thresholds (`scoring: { [instrument]: { threshold } }`). Each
 * instrument states its default and the range the evidence supports (`threshold` on the engine's
 * instrument definitions, with citations from shared/clinical-reference.md); the engine rejects
 * anything outside it, so the form checks the same range before an edit is made.
 */
export type Threshold = number | { param: string };
export type ThresholdSpec = NonNullable<InstrumentDefinition['threshold']>;

export interface ScoringRow {
  instrument: string;
  title: string;
  /** The instrument's tailorable range; null when it has none (an override there is an error). */
  spec: ThresholdSpec | null;
  /** The pathway's override, if any. */
  threshold: Threshold | undefined;
  /** Listed in the pathway's instruments (an override for an unlisted one is an error). */
  listed: boolean;
}

const lookup = (id: string): InstrumentDefinition | undefined =>
  (instruments as Record<string, InstrumentDefinition | undefined>)[id];

/**
 * One row per instrument the pathway uses that has a tailorable threshold, then any override
 * the engine will reject (instrument not listed, or without a threshold) so it can be removed.
 */
export function scoringRows(def: Def): ScoringRow[] {
  const scoring = (def.scoring ?? {}) as Record<string, { threshold: Threshold } | undefined>;
  const row = (id: string): ScoringRow => {
    const inst = lookup(id);
    return {
      instrument: id,
      title: inst?.shortTitle ?? id,
      spec: inst?.threshold ?? null,
      threshold: scoring[id]?.threshold,
      listed: def.instruments.includes(id as Def['instruments'][number]),
    };
  };
  const rows = def.instruments.filter((id) => lookup(id)?.threshold).map(row);
  const shown = new Set(rows.map((r) => r.instrument));
  for (const id of Object.keys(scoring))
    if (!shown.has(id) && scoring[id] !== undefined) rows.push(row(id));
  return rows;
}

/** Sets (or, with undefined, removes) one instrument's override; no overrides left → no `scoring`. */
export function setThreshold(
  def: Def,
  instrument: string,
  threshold: Threshold | undefined,
): Change {
  const { [instrument]: _old, ...rest } = (def.scoring ?? {}) as Record<string, unknown>;
  const next = threshold === undefined ? rest : { ...rest, [instrument]: { threshold } };
  return {
    type: 'pathway.update',
    patch: { scoring: Object.keys(next).length ? next : undefined },
  };
}

/** A typed threshold: a whole number inside the instrument's range, else a message naming the field. */
export function checkThreshold(
  instrument: string,
  text: string,
): { value: number | null; problem: string | null } {
  const spec = lookup(instrument)?.threshold;
  const title = lookup(instrument)?.shortTitle ?? instrument;
  const path = `scoring.${instrument}.threshold`;
  const raw = text.trim();
  const n = Number(raw);
  if (raw === '') return { value: null, problem: `Enter a threshold (${path}).` };
  if (!Number.isSafeInteger(n))
    return {
      value: null,
      problem: `${title} totals are whole numbers: enter a whole-number threshold (${path}).`,
    };
  if (spec && (n < spec.min || n > spec.max))
    return {
      value: null,
      problem: `${n} is outside the ${title} thresholds the evidence supports, ${spec.min}–${spec.max} (${path}).`,
    };
  return { value: n, problem: null };
}

/** Numeric parameters a threshold can be bound to. */
export function thresholdParameters(def: Def): [string, Parameter][] {
  return Object.entries(def.parameters ?? {}).filter(([, p]) => p.type !== 'boolean');
}

/**
 * Makes the threshold tailorable per practice: a new integer parameter bounded by the
 * instrument's evidence range (default: the current value, else the instrument's default),
 * and the threshold bound to it. One undoable step.
 */
export function bindToNewParameter(def: Def, instrument: string): Change | null {
  const inst = lookup(instrument);
  const spec = inst?.threshold;
  if (!inst || !spec) return null;
  const current = (
    def.scoring as Record<string, { threshold: Threshold } | undefined> | undefined
  )?.[instrument]?.threshold;
  const taken = new Set(Object.keys(def.parameters ?? {}));
  let name = `${instrument}Threshold`;
  for (let i = 2; taken.has(name); i++) name = `${instrument}Threshold${i}`;
  const parameter: Parameter = {
    type: 'integer',
    default: typeof current === 'number' ? current : spec.default,
    min: spec.min,
    max: spec.max,
    unit: 'points',
    label: `${inst.shortTitle} positive threshold`,
    description: `A ${inst.shortTitle} total at or above this is a positive screen.`,
    source: spec.note,
  };
  return {
    type: 'batch',
    label: `make the ${inst.shortTitle} threshold a parameter`,
    changes: [
      { type: 'parameter.add', name, parameter },
      setThreshold(def, instrument, { param: name }),
    ],
  };
}
