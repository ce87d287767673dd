/**
 * Maps FHIR QuestionnaireResponse-style answers onto form positions (the scorers' input).
 *
 * - Items are matched by LOINC question code when the code is one of the instrument's known item
 *   codes; otherwise (no code, or an instrument with no item codes in the reference) by order.
 *   An item carrying the instrument's panel or total-score code is skipped: totals are recomputed.
 * - Answers: a known LOINC answer code (LA…), an ordinal (ordinalValue = POINTS, mapped back
 *   through reverse keying and weights), or a boolean (yes/no items). When several are given they
 *   must agree. An answer with none of them is a blank (null).
 * - Anything that cannot be mapped is a problem (`fhir.unknown-item`, `fhir.unknown-answer`,
 *   `fhir.duplicate-item`, `fhir.conflicting-answer`) at `$.items[i]`, never a guess.
 * The result is padded with null to the instrument's item count; the scorer then checks it.
 */
import { at, error, fail, ok } from '../problem.js';
import type { Problem, Result } from '../problem.js';
import { isYesNo, pointsOf } from './forms.js';
import { getInstrument, instruments } from './registry.js';
import { INSTRUMENT_IDS } from './types.js';
import type { Answer, InstrumentDefinition, InstrumentId, ItemDefinition } from './types.js';

export interface FhirAnswer {
  /** LOINC answer code (LA…). */
  code?: string;
  /** ordinalValue: the item's POINTS (not the form position). */
  ordinal?: number;
  boolean?: boolean;
}

export interface FhirAnswerItem {
  linkId?: string;
  /** LOINC question code. */
  code?: string;
  answer: FhirAnswer;
}

type CodeMap = Readonly<Record<string, number>>;

/** PHQ-9 / GAD-7 family answers. clinical-reference A15 [V] */
const FREQUENCY: CodeMap = { 'LA6568-5': 0, 'LA6569-3': 1, 'LA6570-1': 2, 'LA6571-9': 3 };
/** GAD-7 item 2 (68509-9) uses LA18938-3 "More days than not" for 2. clinical-reference A15 [V], E13 */
const GAD7_ITEM_2: CodeMap = { ...FREQUENCY, 'LA18938-3': 2 };
/** Difficulty item answers (PHQ-9 69722-7). clinical-reference A15 [V] */
const DIFFICULTY: CodeMap = { 'LA6572-7': 0, 'LA6573-5': 1, 'LA6575-0': 2, 'LA6574-3': 3 };

const repeat = (map: CodeMap, n: number): CodeMap[] => Array.from({ length: n }, () => map);

/**
 * Known LOINC answer codes per item index. The PHQ-A and GAD-7 use the same printed answers as
 * the PHQ-9, so the same LA codes apply. Other instruments: no answer codes in the reference.
 */
const ANSWER_CODES: Partial<Record<InstrumentId, readonly (CodeMap | undefined)[]>> = {
  phq9: [...repeat(FREQUENCY, 9), DIFFICULTY],
  phq2: repeat(FREQUENCY, 2),
  phqa: [...repeat(FREQUENCY, 9), undefined, DIFFICULTY, undefined, undefined],
  gad7: [FREQUENCY, GAD7_ITEM_2, ...repeat(FREQUENCY, 5), DIFFICULTY],
  gad2: [FREQUENCY, GAD7_ITEM_2],
};

/**
 * Extra question codes. US Core AUDIT-C examples use 68517-2 as item 1. clinical-reference A15 [V]
 */
const ITEM_CODE_ALIASES: Partial<Record<InstrumentId, Readonly<Record<string, number>>>> = {
  auditc: { '68517-2': 0 },
};

/** Item codes of every instrument, to catch e.g. adult PHQ-9 codes in a PHQ-A response. */
function foreignItemCode(
  code: string,
  self: InstrumentDefinition,
): InstrumentDefinition | undefined {
  return Object.values(instruments).find(
    (other) => other.id !== self.id && other.items.some((item) => item.loinc === code),
  );
}

function shortName(def: InstrumentDefinition): string {
  return /\(([^()]+)\)$/.exec(def.title)?.[1] ?? def.id;
}

function itemLabel(def: InstrumentDefinition, item: ItemDefinition): string {
  const which = item.number === 0 ? 'gate question' : `item ${item.number}`;
  return `${shortName(def)} ${which} ("${item.text}")`;
}

function positionsForOrdinal(item: ItemDefinition, ordinal: number): number[] {
  return item.options.map((_, p) => p).filter((p) => pointsOf(item, p) === ordinal);
}

function expected(item: ItemDefinition, codes: CodeMap | undefined): string {
  const parts: string[] = [];
  if (codes !== undefined) parts.push(`a LOINC answer code (${Object.keys(codes).join(', ')})`);
  const ordinals = [...new Set(item.options.map((_, p) => pointsOf(item, p)))].filter(
    (o) => positionsForOrdinal(item, o).length === 1,
  );
  parts.push(`an ordinal (points) of ${ordinals.join(', ')}`);
  if (isYesNo(item)) parts.push('a boolean');
  return parts.join(', or ');
}

function mapAnswer(
  def: InstrumentDefinition,
  item: ItemDefinition,
  codes: CodeMap | undefined,
  answer: unknown,
  path: string,
): Result<Answer> {
  if (typeof answer !== 'object' || answer === null) return ok(null);
  const { code, ordinal, boolean } = answer as Record<string, unknown>;
  const found: { via: string; position: number }[] = [];
  const unmapped: string[] = [];
  if (code !== undefined) {
    const p = typeof code === 'string' ? codes?.[code] : undefined;
    if (p === undefined) unmapped.push(`answer code ${JSON.stringify(code)}`);
    else found.push({ via: `answer code ${code}`, position: p });
  }
  if (ordinal !== undefined) {
    const ps = typeof ordinal === 'number' ? positionsForOrdinal(item, ordinal) : [];
    const p = ps.length === 1 ? ps[0] : undefined;
    if (p === undefined) unmapped.push(`ordinal ${JSON.stringify(ordinal)}`);
    else found.push({ via: `ordinal ${String(ordinal)}`, position: p });
  }
  if (boolean !== undefined) {
    if (typeof boolean === 'boolean' && isYesNo(item))
      found.push({ via: `boolean ${boolean}`, position: boolean ? 1 : 0 });
    else unmapped.push(`boolean ${JSON.stringify(boolean)}`);
  }
  const first = found[0];
  if (first === undefined) {
    if (unmapped.length === 0) return ok(null);
    return fail([
      error(
        'fhir.unknown-answer',
        path,
        `${itemLabel(def, item)}: cannot map ${unmapped.join(' or ')} to a form position; expected ${expected(item, codes)}`,
      ),
    ]);
  }
  const disagreeing = found.find((f) => f.position !== first.position);
  if (disagreeing !== undefined) {
    return fail([
      error(
        'fhir.conflicting-answer',
        path,
        `${itemLabel(def, item)}: ${first.via} and ${disagreeing.via} give different answers`,
      ),
    ]);
  }
  return ok(first.position);
}

export function answersFromFhir(
  instrumentId: string,
  items: readonly FhirAnswerItem[],
): Result<Answer[]> {
  const def = getInstrument(instrumentId);
  if (def === undefined) {
    return fail([
      error(
        'instrument.unknown',
        at('$', 'instrument'),
        `Unknown instrument ${JSON.stringify(instrumentId)}; expected one of ${INSTRUMENT_IDS.join(', ')}`,
      ),
    ]);
  }
  if (!Array.isArray(items)) {
    return fail([
      error(
        'fhir.unknown-item',
        '$.items',
        `${shortName(def)}: items must be an array of answered items`,
      ),
    ]);
  }
  const byCode = new Map<string, number>();
  def.items.forEach((item, i) => {
    if (item.loinc !== undefined) byCode.set(item.loinc, i);
  });
  for (const [code, i] of Object.entries(ITEM_CODE_ALIASES[def.id] ?? {})) byCode.set(code, i);
  const skip = new Set([def.loinc?.panel, def.loinc?.total].filter((c) => c !== undefined));
  const answerCodes = ANSWER_CODES[def.id];

  const answers: Answer[] = def.items.map(() => null);
  const filledFrom = new Map<number, number>();
  const problems: Problem[] = [];
  let order = 0;
  items.forEach((entry: unknown, i) => {
    const path = at('$.items', i);
    if (typeof entry !== 'object' || entry === null) {
      problems.push(
        error(
          'fhir.unknown-item',
          path,
          `${shortName(def)}: item must be an object with an answer`,
        ),
      );
      return;
    }
    const { code, answer } = entry as Record<string, unknown>;
    if (typeof code === 'string' && skip.has(code)) return;
    const slot = order++;
    let index: number;
    if (typeof code === 'string' && byCode.has(code)) {
      index = byCode.get(code) ?? slot;
    } else if (
      typeof code === 'string' &&
      (byCode.size > 0 || foreignItemCode(code, def) !== undefined)
    ) {
      const other = foreignItemCode(code, def);
      const hint =
        other === undefined ? '' : ` (it is a ${shortName(other)} question; map it explicitly)`;
      problems.push(
        error(
          'fhir.unknown-item',
          path,
          `${shortName(def)}: question code ${code} is not one of its items${hint}`,
        ),
      );
      return;
    } else {
      index = slot;
    }
    const item = def.items[index];
    if (item === undefined) {
      problems.push(
        error(
          'fhir.unknown-item',
          path,
          `${shortName(def)}: answer ${i + 1} is beyond its ${def.items.length} items (matched by order)`,
        ),
      );
      return;
    }
    const earlier = filledFrom.get(index);
    if (earlier !== undefined) {
      problems.push(
        error(
          'fhir.duplicate-item',
          path,
          `${itemLabel(def, item)} is answered twice (also at ${at('$.items', earlier)})`,
        ),
      );
      return;
    }
    filledFrom.set(index, i);
    const mapped = mapAnswer(def, item, answerCodes?.[index], answer, path);
    if (mapped.ok) answers[index] = mapped.value;
    else problems.push(...mapped.problems);
  });
  return problems.length > 0 ? fail(problems) : ok(answers);
}
