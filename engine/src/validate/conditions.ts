import type { JsonLogic } from '../definition/schema.js';
import type { FactInfo } from '../facts/catalogue.js';
import { OPERATORS } from '../logic/evaluate.js';
import { at, error, type Problem } from '../problem.js';

const SCOPED = new Set(['all', 'some', 'none', 'map', 'filter', 'reduce']);
const COMPARE = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=']);

/** Looks a variable name up in the catalogue; `phq9.items.8` resolves to an item of `phq9.items`. */
export function lookupFact(
  facts: ReadonlyMap<string, FactInfo>,
  name: string,
): FactInfo | undefined {
  const exact = facts.get(name);
  if (exact) return exact;
  const m = /^(.*\.items)\.(\d+)$/.exec(name);
  if (m) {
    const list = facts.get(m[1]!);
    if (list?.type === 'number[]')
      return {
        name,
        type: 'number',
        description: `${list.description}, item ${Number(m[2]) + 1}`,
        range: { min: 0, max: 4 },
        nullable: true,
      };
  }
  return undefined;
}

/** The variable names a condition reads (outside array-scoped operators' predicates). */
export function varsOf(logic: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(logic)) logic.forEach((l) => varsOf(l, out));
  else if (logic && typeof logic === 'object') {
    for (const [op, args] of Object.entries(logic)) {
      if (op === 'var') {
        const name = Array.isArray(args) ? args[0] : args;
        if (typeof name === 'string') out.add(name);
      } else if (SCOPED.has(op)) varsOf(Array.isArray(args) ? args[0] : args, out);
      else varsOf(args, out);
    }
  }
  return out;
}

function closest(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

const varName = (x: unknown): string | undefined => {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const v = (x as Record<string, unknown>).var;
  const name = Array.isArray(v) ? v[0] : v;
  return typeof name === 'string' ? name : undefined;
};

/**
 * Checks a json-logic condition against the facts this pathway has: known operators, known
 * variables (with a "did you mean"), and constants that a fact can actually take.
 */
export function checkCondition(
  logic: JsonLogic,
  path: string,
  facts: ReadonlyMap<string, FactInfo>,
): Problem[] {
  // `{}` is how the designer writes a condition the author has yet to fill in.
  if (
    logic !== null &&
    typeof logic === 'object' &&
    !Array.isArray(logic) &&
    !Object.keys(logic).length
  )
    return [
      error(
        'condition.unfinished',
        path,
        'this condition is unfinished: choose what it tests (a fact, a comparison and a value), or make this the otherwise branch',
      ),
    ];
  const problems: Problem[] = [];
  const walk = (node: unknown, p: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, at(p, i)));
    const entries = Object.entries(node);
    if (entries.length !== 1) {
      problems.push(
        error(
          'condition.not-an-operation',
          p,
          `a condition object must have exactly one operator, e.g. {">=": [{"var": "phq9.latest"}, 10]} (found ${entries.length} keys)`,
        ),
      );
      return;
    }
    const [op, args] = entries[0]!;
    const ap = at(p, op);
    if (!OPERATORS.has(op)) {
      problems.push(
        error('condition.unknown-operator', ap, `"${op}" is not a json-logic operator`),
      );
      return;
    }
    if (op === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name !== 'string' || name === '') {
        problems.push(
          error(
            'condition.dynamic-var',
            ap,
            'a variable must be a fact name written out, e.g. {"var": "phq9.latest"}',
          ),
        );
        return;
      }
      if (!lookupFact(facts, name)) {
        const hint = closest(name, facts.keys());
        const [head] = name.split('.');
        const why =
          head === 'params'
            ? 'no such parameter is declared'
            : head === 'outcomes'
              ? 'outcomes are readable only for task and refer nodes'
              : 'unknown fact';
        problems.push(
          error(
            'condition.unknown-fact',
            ap,
            `"${name}": ${why}${hint ? ` — did you mean "${hint}"?` : ''}`,
          ),
        );
      }
      return;
    }
    const list = Array.isArray(args) ? args : [args];
    if (SCOPED.has(op)) return walk(list[0], at(ap, 0));
    list.forEach((a, i) => walk(a, Array.isArray(args) ? at(ap, i) : ap));
    if (COMPARE.has(op)) problems.push(...checkConstants(op, list, ap, facts));
    if (op === 'in') problems.push(...checkMembership(list, ap, facts));
  };
  walk(logic, path);
  return problems;
}

function checkConstants(
  op: string,
  list: unknown[],
  path: string,
  facts: ReadonlyMap<string, FactInfo>,
): Problem[] {
  const problems: Problem[] = [];
  const names = list.map(varName);
  for (const [i, arg] of list.entries()) {
    const other = names[i === 0 ? 1 : i - 1] ?? names[i + 1];
    if (names[i] || other === undefined) continue;
    const fact = lookupFact(facts, other);
    if (!fact) continue;
    if (typeof arg === 'number' && fact.range && (arg < fact.range.min || arg > fact.range.max)) {
      problems.push(
        error(
          'condition.constant-out-of-range',
          at(path, i),
          `${fact.name} is always between ${fact.range.min} and ${fact.range.max}, so comparing it with ${arg} (${op}) cannot be what was meant`,
        ),
      );
    }
    if (typeof arg === 'string' && fact.values && !fact.values.includes(arg)) {
      problems.push(
        error(
          'condition.unknown-value',
          at(path, i),
          `${fact.name} is never "${arg}" (values: ${fact.values.join(', ')})`,
        ),
      );
    }
    if (typeof arg === 'string' && fact.type === 'number') {
      problems.push(
        error(
          'condition.type-mismatch',
          at(path, i),
          `${fact.name} is a number; compare it with a number, not "${arg}"`,
        ),
      );
    }
  }
  return problems;
}

function checkMembership(
  list: unknown[],
  path: string,
  facts: ReadonlyMap<string, FactInfo>,
): Problem[] {
  const [needle, hay] = list;
  const name = varName(hay);
  const fact = name ? lookupFact(facts, name) : undefined;
  if (
    typeof needle === 'string' &&
    fact?.type === 'string[]' &&
    fact.values &&
    !fact.values.includes(needle)
  ) {
    return [
      error(
        'condition.unknown-value',
        at(path, 0),
        `"${needle}" is never in ${fact.name} (values: ${fact.values.join(', ')})`,
      ),
    ];
  }
  return [];
}
