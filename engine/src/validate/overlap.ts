import type { JsonLogic, PathwayDefinition } from '../definition/schema.js';
import type { FactInfo } from '../facts/catalogue.js';
import { holds } from '../logic/evaluate.js';
import { at, warning, type Problem } from '../problem.js';
import { lookupFact, varsOf } from './conditions.js';

const MAX_CASES = 20_000;
/** Cases tried while leaving facts out of an overlap's example. */
const MAX_EXPLAIN = 2_000;

/** Numbers worth trying for a fact: its bounds and each side of every constant it is compared with. */
function candidates(fact: FactInfo, constants: number[], def: PathwayDefinition): unknown[] {
  if (fact.name.startsWith('params.')) {
    const p = def.parameters[fact.name.slice(7)];
    if (!p) return [null];
    return p.type === 'boolean'
      ? [true, false]
      : [...new Set([p.default, p.min, p.max].filter((v) => v !== undefined))];
  }
  switch (fact.type) {
    case 'boolean':
      return [true, false];
    case 'string':
      return [...(fact.values ?? []), null];
    case 'string[]':
      return subsets(fact.values ?? []);
    case 'number': {
      const lo = fact.range?.min ?? -1000;
      const hi = fact.range?.max ?? 1000;
      const step = fact.range && hi - lo <= 2 ? 0.05 : 1;
      const set = new Set<number>([lo, hi]);
      for (const c of constants)
        for (const v of [c - step, c, c + step])
          if (v >= lo && v <= hi) set.add(Math.round(v * 100) / 100);
      const values: unknown[] = [...set].sort((a, b) => a - b);
      if (fact.nullable) values.push(null);
      return values;
    }
    default:
      return [null];
  }
}

function subsets(values: readonly string[]): string[][] {
  // Every single flag, none, and all: enough to see which branches a flag test catches.
  return [[], ...values.map((v) => [v]), [...values]];
}

/**
 * The numbers `name` is compared with in `logic`: constants, and with `def`, also the default and
 * bounds of any parameter it is compared with (used only to pick a readable example, since the
 * extra values would multiply the cases searched).
 */
function constantsFor(
  name: string,
  logic: unknown,
  def?: PathwayDefinition,
  out: number[] = [],
): number[] {
  if (Array.isArray(logic)) logic.forEach((l) => constantsFor(name, l, def, out));
  else if (logic && typeof logic === 'object') {
    for (const args of Object.values(logic)) {
      if (
        Array.isArray(args) &&
        args.some((a) => a && typeof a === 'object' && (a as { var?: unknown }).var === name)
      ) {
        for (const a of args) {
          if (typeof a === 'number') out.push(a);
          const v = a && typeof a === 'object' ? (a as { var?: unknown }).var : undefined;
          if (def && typeof v === 'string' && v.startsWith('params.')) {
            const p = def.parameters[v.slice(7)];
            if (p && p.type !== 'boolean')
              for (const x of [p.default, p.min, p.max]) if (typeof x === 'number') out.push(x);
          }
        }
      }
      constantsFor(name, args, def, out);
    }
  }
  return out;
}

function setPath(obj: Record<string, unknown>, name: string, value: unknown) {
  const parts = name.split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (typeof cur[part] !== 'object' || cur[part] === null)
      cur[part] = /^\d+$/.test(parts[parts.indexOf(part) + 1] ?? '') ? [] : {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts.at(-1)!] = value;
}

/**
 * For nodes with several conditional branches, tries the facts the conditions read at their
 * boundaries and reports branches that are never taken (an earlier branch always wins) and pairs
 * that overlap (both hold for some patient; the earlier one wins). Warnings only: order is how
 * a pathway says "this matters more", but a clinical lead should see it was deliberate.
 */
export function checkOverlaps(
  def: PathwayDefinition,
  facts: ReadonlyMap<string, FactInfo>,
): Problem[] {
  const problems: Problem[] = [];
  const byNode = new Map<string, { when: JsonLogic; i: number }[]>();
  def.transitions.forEach((t, i) => {
    if (t.when !== undefined)
      byNode.set(t.from, [...(byNode.get(t.from) ?? []), { when: t.when as JsonLogic, i }]);
  });
  for (const [, branches] of byNode) {
    if (branches.length < 2) continue;
    const names = [...new Set(branches.flatMap((b) => [...varsOf(b.when)]))];
    const infos = names.map((n) => lookupFact(facts, n));
    if (infos.some((f) => !f)) continue; // unknown facts are already errors
    const domains = infos.map((f, k) =>
      candidates(
        f!,
        branches.flatMap((b) => constantsFor(names[k]!, b.when)),
        def,
      ),
    );
    const total = domains.reduce((n, d) => n * d.length, 1);
    if (total > MAX_CASES || total === 0) continue;
    const firstWins = new Set<number>();
    const holdsSomewhere = new Set<number>();
    const overlaps = new Map<string, number[]>();
    const idx = domains.map(() => 0);
    for (let c = 0; c < total; c++) {
      const truth = branches.map((b) => safeHolds(b.when, dataFor(names, domains, idx)));
      const first = truth.indexOf(true);
      if (first >= 0) firstWins.add(first);
      truth.forEach((t, k) => {
        if (!t) return;
        holdsSomewhere.add(k);
        if (k > first && !overlaps.has(`${first}:${k}`)) overlaps.set(`${first}:${k}`, [...idx]);
      });
      for (let k = 0; k < idx.length; k++) {
        idx[k]!++;
        if (idx[k]! < domains[k]!.length) break;
        idx[k] = 0;
      }
    }
    branches.forEach((b, k) => {
      const path = at(at('$.transitions', b.i), 'when');
      if (!holdsSomewhere.has(k))
        problems.push(
          warning(
            'condition.never-holds',
            path,
            'this condition is false for every value its facts can take',
          ),
        );
      else if (!firstWins.has(k))
        problems.push(
          warning(
            'decision.branch-shadowed',
            path,
            'this branch is never taken: every patient it matches is caught by an earlier branch',
          ),
        );
    });
    for (const [key, example] of overlaps) {
      const [a, b] = key.split(':').map(Number) as [number, number];
      if (!firstWins.has(b)) continue;
      const both = [branches[a]!.when, branches[b]!.when];
      const choices = infos.map((f, k) =>
        candidates(
          f!,
          both.flatMap((w) => constantsFor(names[k]!, w, def)),
          def,
        ),
      );
      const witness = example.map((v, k) => domains[k]![v]);
      const when = explain(names, infos as FactInfo[], choices, witness, both)
        .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
        .join(', ');
      problems.push(
        warning(
          'decision.branches-overlap',
          at(at('$.transitions', branches[b]!.i), 'when'),
          `overlaps the earlier branch $.transitions[${branches[a]!.i}] (both hold when ${when}); the earlier one is taken`,
        ),
      );
    }
  }
  return problems;
}

function dataFor(names: string[], domains: unknown[][], idx: number[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  names.forEach((n, k) => setPath(data, n, domains[k]![idx[k]!]));
  return data;
}

/**
 * The facts worth naming in an example patient for whom every condition in `whens` holds, starting
 * from `witness` (one value per fact): a fact is left out when any value it can take keeps them
 * all holding (it does not matter), and a number that matters is shown at a value the conditions
 * compare with (a constant, or a parameter's default or bound) rather than at the far end of its
 * range (e.g. daysInNode = 36500), which the search only uses as a stand-in for "a long time".
 */
function explain(
  names: string[],
  infos: FactInfo[],
  choices: unknown[][],
  witness: unknown[],
  whens: JsonLogic[],
): [string, unknown][] {
  const values = [...witness];
  const holdAt = (vals: unknown[]) =>
    whens.every((w) =>
      safeHolds(
        w,
        dataFor(
          names,
          vals.map((v) => [v]),
          vals.map(() => 0),
        ),
      ),
    );
  // Facts already left out must stay free together: every mix of their values is tried with
  // each candidate, so two facts that each cover for the other are not both dropped.
  const free: number[] = [];
  const holdsForAllFree = (k?: number): boolean => {
    const vary = k === undefined ? free : [...free, k];
    if (vary.reduce((n, j) => n * choices[j]!.length, 1) > MAX_EXPLAIN) return false;
    const vals = [...values];
    const walk = (d: number): boolean => {
      if (d === vary.length) return holdAt(vals);
      const j = vary[d]!;
      return choices[j]!.every((v) => {
        vals[j] = v;
        return walk(d + 1);
      });
    };
    return walk(0);
  };
  const out: [string, unknown][] = [];
  names.forEach((name, k) => {
    if (holdsForAllFree(k)) {
      free.push(k);
      return;
    }
    const keep = values[k];
    const range = infos[k]!.range;
    const inner = choices[k]!.filter((x) => {
      if (x === null || (range && (x === range.min || x === range.max))) return false;
      values[k] = x;
      return holdsForAllFree();
    });
    values[k] = inner.some((x) => JSON.stringify(x) === JSON.stringify(keep))
      ? keep
      : inner.length
        ? inner[0]
        : keep;
    out.push([name, values[k]]);
  });
  return out;
}

function safeHolds(logic: JsonLogic, data: unknown): boolean {
  try {
    return holds(logic, data);
  } catch {
    return false;
  }
}
