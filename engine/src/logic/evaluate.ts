import jsonLogic from 'json-logic-js';
import type { JsonLogic } from '../definition/schema.js';

/**
 * Conditions are json-logic (json-logic-js) with one change, recorded in
 * docs/decisions/0003-null-safe-conditions.md: an ordering comparison with a missing value is
 * false. Plain JavaScript says `null < 5` is true, which would read "no PHQ-9 yet" as remission.
 */
const isMissing = (v: unknown): boolean => v === null || v === undefined;
const nullSafe =
  (cmp: (a: number, b: number) => boolean) =>
  (a: unknown, b: unknown, c?: unknown): boolean => {
    if (isMissing(a) || isMissing(b)) return false;
    if (c === undefined) return cmp(a as number, b as number);
    if (isMissing(c)) return false;
    return cmp(a as number, b as number) && cmp(b as number, c as number);
  };

jsonLogic.add_operation(
  '<',
  nullSafe((a, b) => a < b),
);
jsonLogic.add_operation(
  '<=',
  nullSafe((a, b) => a <= b),
);
jsonLogic.add_operation(
  '>',
  (a: unknown, b: unknown) => !isMissing(a) && !isMissing(b) && (a as number) > (b as number),
);
jsonLogic.add_operation(
  '>=',
  (a: unknown, b: unknown) => !isMissing(a) && !isMissing(b) && (a as number) >= (b as number),
);

/** Evaluates a condition to a boolean with json-logic truthiness. */
export function holds(logic: JsonLogic, data: unknown): boolean {
  return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, data));
}

/** The operators a condition may use (json-logic-js's standard set). */
export const OPERATORS = new Set([
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!',
  '!!',
  'and',
  'or',
  'if',
  '?:',
  'in',
  'var',
  'missing',
  'missing_some',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'cat',
  'substr',
  'merge',
  'all',
  'some',
  'none',
  'map',
  'filter',
  'reduce',
]);

/** A short human rendering of a condition for traces, diffs and diagrams: `phq9.latest >= 10`. */
export function describe(logic: JsonLogic): string {
  if (logic === null || typeof logic !== 'object') return JSON.stringify(logic);
  if (Array.isArray(logic)) return `[${logic.map(describe).join(', ')}]`;
  const entries = Object.entries(logic);
  if (entries.length !== 1) return JSON.stringify(logic);
  const [op, raw] = entries[0] as [string, JsonLogic];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') return String(Array.isArray(raw) ? raw[0] : raw);
  if (['==', '===', '!=', '!==', '>', '>=', '<', '<=', '+', '-', '*', '/', '%'].includes(op)) {
    if (args.length === 3)
      return `${describe(args[0]!)} ${op} ${describe(args[1]!)} ${op} ${describe(args[2]!)}`;
    return args.map(describe).join(` ${op} `);
  }
  if (op === 'and' || op === 'or') return args.map((a) => wrap(describe(a))).join(` ${op} `);
  if (op === '!') return `not ${wrap(describe(args[0] ?? null))}`;
  if (op === 'in') return `${describe(args[0] ?? null)} in ${describe(args[1] ?? null)}`;
  return `${op}(${args.map(describe).join(', ')})`;
}

const wrap = (s: string): string => (/ (and|or) /.test(s) ? `(${s})` : s);
