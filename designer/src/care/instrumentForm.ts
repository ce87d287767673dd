/**
 * The logic behind an instrument form: which items are asked (the printed skip logic), which are
 * still missing, the answers array the engine takes, and a live preview of the score and of any
 * positive critical item. Scoring itself is always the engine's (`scoreInstrument`).
 */
import {
  instruments,
  scoreInstrument,
  type Answer,
  type InstrumentDefinition,
  type InstrumentId,
  type PathwayDefinition,
  type Score,
  type ScoreOptions,
} from '@care-pathways/engine';

export type Item = InstrumentDefinition['items'][number];
/** One value per item, in form order: the ticked position, or null when not answered. */
export type FormValues = readonly (number | null)[];

const yesAt = (v: FormValues, i: number) => v[i] === 1;

/**
 * Items asked only after a gate question, as printed (they mirror the scorers' skip-logic checks
 * in the engine): index → whether it is asked given the answers so far. A gated item that is asked
 * must be answered.
 */
const GATES: Partial<
  Record<InstrumentId, Record<number, { asked: (v: FormValues) => boolean; note: string }>>
> = {
  cssrs: {
    2: { asked: (v) => yesAt(v, 1), note: 'Asked only when item 2 is Yes' },
    3: { asked: (v) => yesAt(v, 1), note: 'Asked only when item 2 is Yes' },
    4: { asked: (v) => yesAt(v, 1), note: 'Asked only when item 2 is Yes' },
    6: { asked: (v) => yesAt(v, 5), note: 'Asked only when item 6 is Yes' },
  },
  asq: {
    4: {
      // "Declined to answer" (position 2) counts as a positive screen.
      asked: (v) => [0, 1, 2, 3].some((i) => v[i] === 1 || v[i] === 2),
      note: 'Asked only when any of items 1–4 is Yes or declined',
    },
  },
  pcptsd5: Object.fromEntries(
    [1, 2, 3, 4, 5].map((i) => [
      i,
      { asked: (v: FormValues) => yesAt(v, 0), note: 'Asked only when the trauma question is Yes' },
    ]),
  ),
};

export function itemsOf(id: InstrumentId): readonly Item[] {
  return instruments[id].items;
}

/** "Item 6", or "Item 6 follow-up" for a second line printed under the same number. */
export function itemLabel(id: InstrumentId, index: number): string {
  const items = itemsOf(id);
  const item = items[index];
  if (!item) return `Item ${index + 1}`;
  const followUp = index > 0 && items[index - 1]?.number === item.number;
  return `Item ${item.number}${followUp ? ' follow-up' : ''}`;
}

export function isAsked(id: InstrumentId, values: FormValues, index: number): boolean {
  const gate = GATES[id]?.[index];
  return gate ? gate.asked(values) : true;
}

/** Why an item is not asked now, or null when it is. */
export function skipNote(id: InstrumentId, values: FormValues, index: number): string | null {
  const gate = GATES[id]?.[index];
  return gate && !gate.asked(values) ? gate.note : null;
}

/** Whether an item must be answered before the form can be recorded. */
export function isRequired(id: InstrumentId, values: FormValues, index: number): boolean {
  const item = itemsOf(id)[index];
  if (!item || !isAsked(id, values, index)) return false;
  return !item.optional || GATES[id]?.[index] !== undefined;
}

/** True for items that may be left blank (difficulty, extra questions). */
export function isOptional(id: InstrumentId, index: number): boolean {
  return itemsOf(id)[index]?.optional === true && GATES[id]?.[index] === undefined;
}

export function emptyValues(id: InstrumentId): (number | null)[] {
  return itemsOf(id).map(() => null);
}

/** Indices of required items still unanswered. */
export function missingItems(id: InstrumentId, values: FormValues): number[] {
  return itemsOf(id)
    .map((_, i) => i)
    .filter((i) => isRequired(id, values, i) && (values[i] ?? null) === null);
}

/** The answers array for the engine: one entry per item, items not asked sent as null. */
export function answersFrom(id: InstrumentId, values: FormValues): Answer[] {
  return itemsOf(id).map((_, i) => (isAsked(id, values, i) ? (values[i] ?? null) : null));
}

/** Sets one item's value; answers to items that the change skips are cleared. */
export function setValue(
  id: InstrumentId,
  values: FormValues,
  index: number,
  value: number | null,
): (number | null)[] {
  const next = itemsOf(id).map((_, i) => (i === index ? value : (values[i] ?? null)));
  return next.map((v, i) => (isAsked(id, next, i) ? v : null));
}

const pointsOf = (item: Item, position: number) => item.points?.[position] ?? position;

/** The scoring options a pathway applies: its tailored threshold and the patient's sex. */
export function scoreOptionsFor(
  def: Pick<PathwayDefinition, 'scoring'> | null,
  params: Readonly<Record<string, unknown>>,
  sex: string | null | undefined,
  id: InstrumentId,
): ScoreOptions {
  const options: ScoreOptions = {};
  if (sex === 'female' || sex === 'male' || sex === 'other' || sex === 'unknown') options.sex = sex;
  const t = def?.scoring?.[id]?.threshold;
  if (typeof t === 'number') options.threshold = t;
  else if (t && typeof params[t.param] === 'number') options.threshold = params[t.param] as number;
  return options;
}

export type Preview =
  | { state: 'incomplete'; partialTotal: number | null; answered: number; missing: number[] }
  | { state: 'scored'; score: Score; bandLabel: string }
  | { state: 'invalid'; messages: string[] };

/** The score as the engine would compute it, or the running total while items are missing. */
export function preview(id: InstrumentId, values: FormValues, options: ScoreOptions = {}): Preview {
  const inst = instruments[id];
  const missing = missingItems(id, values);
  if (missing.length) {
    let total: number | null = inst.totalRange ? 0 : null;
    let answered = 0;
    inst.items.forEach((item, i) => {
      const v = values[i] ?? null;
      if (v === null || !isAsked(id, values, i)) return;
      answered++;
      if (total !== null && item.scored) total += pointsOf(item, v);
    });
    return { state: 'incomplete', partialTotal: total, answered, missing };
  }
  const r = scoreInstrument(id, answersFrom(id, values), options);
  if (!r.ok) return { state: 'invalid', messages: r.problems.map((p) => p.message) };
  return { state: 'scored', score: r.value, bandLabel: bandLabel(id, r.value.band) };
}

export function bandLabel(id: InstrumentId, band: string | null): string {
  if (band === null) return '—';
  const found = instruments[id].bands.find((b) => b.id === band);
  if (found) return found.label;
  return band.charAt(0).toUpperCase() + band.replace(/-/g, ' ').slice(1);
}

export interface CriticalWarning {
  /** 1-based printed item numbers the engine reports as positive critical items. */
  items: number[];
  /** Risk level for instruments without totals (C-SSRS, ASQ). */
  risk?: string;
  message: string;
}

/**
 * Whether the answers so far already make a critical item positive, asked of the engine itself:
 * the form is scored with unanswered required items as "no/none", so a positive here stays
 * positive whatever the remaining answers (they can only add risk).
 */
export function criticalWarning(
  id: InstrumentId,
  values: FormValues,
  options: ScoreOptions = {},
): CriticalWarning | null {
  const inst = instruments[id];
  if (!inst.hasCriticalItems) return null;
  const filled = inst.items.map((_, i) =>
    isRequired(id, values, i) && (values[i] ?? null) === null ? 0 : (values[i] ?? null),
  );
  const r = scoreInstrument(id, answersFrom(id, filled), options);
  let items: number[];
  let risk: string | undefined;
  if (r.ok) {
    if (!r.value.critical) return null;
    items = r.value.criticalItems;
    risk = r.value.risk;
  } else {
    // Should not happen (the filled form is complete); fall back to any critical item scoring > 0.
    items = inst.items
      .map((item, i) => ({ item, v: values[i] ?? null }))
      .filter(({ item, v }) => item.critical && v !== null && pointsOf(item, v) > 0)
      .map(({ item }) => item.number);
    if (!items.length) return null;
  }
  const texts = items.map((n) => {
    const item = inst.items.find((it) => it.number === n);
    return item ? `item ${n} (${item.text})` : `item ${n}`;
  });
  return {
    items,
    ...(risk !== undefined ? { risk } : {}),
    message: `Safety: ${inst.shortTitle} ${texts.join(', ')} positive${risk ? ` — risk ${risk}` : ''}. Recording this raises an urgent alert and sets the safety-risk flag.`,
  };
}
