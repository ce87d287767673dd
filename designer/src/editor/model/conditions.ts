import type { FactInfo } from '@care-pathways/engine';
import type { JsonLogic } from './doc.js';

/**
 * The condition builder's model: rows "fact · operator · value-or-parameter" combined with
 * all/any/none, mapped to and from json-logic. Anything the rows cannot say is kept verbatim in a
 * `raw` row, so reading a condition into the builder and writing it back never loses meaning.
 */
export const COMPARE_OPS = ['==', '!=', '>', '>=', '<', '<=', '===', '!=='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];
export const OP_LABEL: Record<CompareOp, string> = {
  '==': '=',
  '!=': '≠',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  '===': '= (exactly)',
  '!==': '≠ (exactly)',
};

export type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'param'; name: string }
  | { kind: 'fact'; name: string };

/** `bare` remembers `{"!": x}` as against `{"!": [x]}`, so a round trip is exact. */
export type Row =
  | { kind: 'compare'; fact: string; op: CompareOp; value: Operand }
  | { kind: 'truthy'; fact: string; negate: boolean; bare?: boolean }
  | { kind: 'flag'; flag: string; list: string; negate: boolean; bare?: boolean }
  | { kind: 'oneOf'; fact: string; values: (string | number)[]; negate: boolean; bare?: boolean }
  | { kind: 'group'; group: Group }
  | { kind: 'raw'; logic: JsonLogic };

export type GroupMode = 'all' | 'any' | 'none';
export interface Group {
  mode: GroupMode;
  rows: Row[];
  bare?: boolean;
}

type Obj = { [op: string]: JsonLogic };
const isObj = (x: JsonLogic): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const single = (x: JsonLogic): [string, JsonLogic] | null => {
  if (!isObj(x)) return null;
  const e = Object.entries(x);
  return e.length === 1 ? e[0]! : null;
};
const varName = (x: JsonLogic): string | null => {
  const s = single(x);
  return s && s[0] === 'var' && typeof s[1] === 'string' && s[1] !== '' ? s[1] : null;
};
const argsOf = (x: JsonLogic): JsonLogic[] => (Array.isArray(x) ? x : [x]);

// ——— json-logic → rows ———

export function fromLogic(logic: JsonLogic): Group {
  // `{}` is a new branch's unfinished condition: a group with no rows yet.
  if (isObj(logic) && !Object.keys(logic).length) return { mode: 'all', rows: [] };
  const s = single(logic);
  if (s && (s[0] === 'and' || s[0] === 'or') && Array.isArray(s[1]) && s[1].length > 1)
    return { mode: s[0] === 'and' ? 'all' : 'any', rows: s[1].map(rowOf) };
  const none = noneGroup(logic);
  if (none) return none;
  return { mode: 'all', rows: [rowOf(logic)] };
}

function noneGroup(logic: JsonLogic): Group | null {
  const s = single(logic);
  if (!s || s[0] !== '!') return null;
  const inner = argsOf(s[1]);
  if (inner.length !== 1) return null;
  const o = single(inner[0]!);
  if (o && o[0] === 'or' && Array.isArray(o[1]) && o[1].length > 1)
    return { mode: 'none', rows: o[1].map(rowOf), ...(Array.isArray(s[1]) ? {} : { bare: true }) };
  return null;
}

function rowOf(logic: JsonLogic): Row {
  const raw: Row = { kind: 'raw', logic };
  const s = single(logic);
  if (!s) return raw;
  const [op, arg] = s;
  if (op === 'var') {
    const fact = varName(logic);
    return fact ? { kind: 'truthy', fact, negate: false } : raw;
  }
  if ((op === 'and' || op === 'or') && Array.isArray(arg) && arg.length > 1)
    return { kind: 'group', group: { mode: op === 'and' ? 'all' : 'any', rows: arg.map(rowOf) } };
  if (op === '!') {
    const none = noneGroup(logic);
    if (none) return { kind: 'group', group: none };
    const inner = argsOf(arg);
    if (inner.length !== 1) return raw;
    const row = rowOf(inner[0]!);
    if ((row.kind === 'truthy' || row.kind === 'flag' || row.kind === 'oneOf') && !row.negate)
      return { ...row, negate: true, ...(Array.isArray(arg) ? {} : { bare: true }) };
    return raw;
  }
  if (op === 'in' && Array.isArray(arg) && arg.length === 2) {
    const [a, b] = arg as [JsonLogic, JsonLogic];
    const list = varName(b);
    if (typeof a === 'string' && list) return { kind: 'flag', flag: a, list, negate: false };
    const fact = varName(a);
    if (
      fact &&
      Array.isArray(b) &&
      b.length &&
      b.every((v) => typeof v === 'string' || typeof v === 'number')
    )
      return { kind: 'oneOf', fact, values: b as (string | number)[], negate: false };
    return raw;
  }
  if ((COMPARE_OPS as readonly string[]).includes(op) && Array.isArray(arg) && arg.length === 2) {
    const fact = varName(arg[0]!);
    const value = operandOf(arg[1]!);
    return fact && value ? { kind: 'compare', fact, op: op as CompareOp, value } : raw;
  }
  return raw;
}

function operandOf(x: JsonLogic): Operand | null {
  if (typeof x === 'number') return { kind: 'number', value: x };
  if (typeof x === 'string') return { kind: 'string', value: x };
  if (typeof x === 'boolean') return { kind: 'boolean', value: x };
  const name = varName(x);
  if (!name) return null;
  return name.startsWith('params.') && name.length > 7
    ? { kind: 'param', name: name.slice(7) }
    : { kind: 'fact', name };
}

// ——— rows → json-logic ———

/** The group as json-logic; `null` when it has no rows (no condition). */
export function toLogic(g: Group): JsonLogic | null {
  const parts = g.rows.map(rowLogic).filter((x): x is JsonLogic => x !== null);
  if (!parts.length) return null;
  if (g.mode === 'none') {
    const inner = parts.length === 1 ? parts[0]! : { or: parts };
    return { '!': g.bare ? inner : [inner] };
  }
  if (parts.length === 1) return parts[0]!;
  return { [g.mode === 'all' ? 'and' : 'or']: parts };
}

function rowLogic(r: Row): JsonLogic | null {
  const not = (x: JsonLogic, negate: boolean, bare?: boolean): JsonLogic =>
    negate ? { '!': bare ? x : [x] } : x;
  switch (r.kind) {
    case 'raw':
      return r.logic;
    case 'group': {
      const inner = toLogic(r.group);
      return inner;
    }
    case 'truthy':
      return not({ var: r.fact }, r.negate, r.bare);
    case 'flag':
      return not({ in: [r.flag, { var: r.list }] }, r.negate, r.bare);
    case 'oneOf':
      return not({ in: [{ var: r.fact }, r.values] }, r.negate, r.bare);
    case 'compare':
      return { [r.op]: [{ var: r.fact }, operandLogic(r.value)] };
  }
}

function operandLogic(o: Operand): JsonLogic {
  switch (o.kind) {
    case 'param':
      return { var: `params.${o.name}` };
    case 'fact':
      return { var: o.name };
    default:
      return o.value;
  }
}

/** True when the builder shows everything as rows (no raw rows anywhere). */
export function fullyStructured(g: Group): boolean {
  return g.rows.every((r) => (r.kind === 'group' ? fullyStructured(r.group) : r.kind !== 'raw'));
}

// ——— building new rows ———

/** A sensible first row for a fact, by its type: a comparison, a yes/no, or a flag test. */
export function rowForFact(f: FactInfo): Row {
  switch (f.type) {
    case 'boolean':
      return { kind: 'truthy', fact: f.name, negate: false };
    case 'string[]':
      return { kind: 'flag', flag: f.values?.[0] ?? '', list: f.name, negate: false };
    case 'string':
      return {
        kind: 'compare',
        fact: f.name,
        op: '==',
        value: { kind: 'string', value: f.values?.[0] ?? '' },
      };
    default:
      return {
        kind: 'compare',
        fact: f.name,
        op: '>=',
        value: { kind: 'number', value: f.range && f.range.min > 0 ? f.range.min : 0 },
      };
  }
}

// ——— words ———

export type FactLabel = (name: string) => string;

/** Said of a condition with no rows yet (the validator reports it as unfinished). */
export const UNFINISHED_WORDS = 'condition not chosen yet';

/** "PHQ-9 latest ≥ phq9Threshold AND weeks in care ≥ 10". */
export function describeGroup(g: Group, label: FactLabel, nested = false): string {
  const parts = g.rows.map((r) => describeRow(r, label));
  if (!parts.length) return UNFINISHED_WORDS;
  const joined = parts.join(g.mode === 'all' ? ' AND ' : g.mode === 'any' ? ' OR ' : ' OR ');
  if (g.mode === 'none') return `NOT (${joined})`;
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

export function describeRow(r: Row, label: FactLabel): string {
  switch (r.kind) {
    case 'raw':
      return JSON.stringify(r.logic);
    case 'group':
      return describeGroup(r.group, label, true);
    case 'truthy':
      return `${label(r.fact)} is ${r.negate ? 'no' : 'yes'}`;
    case 'flag':
      return `${r.negate ? 'has no' : 'has'} flag ${r.flag}`;
    case 'oneOf':
      return `${label(r.fact)} ${r.negate ? 'is not one of' : 'is one of'} ${r.values.join(', ')}`;
    case 'compare':
      return `${label(r.fact)} ${OP_LABEL[r.op]} ${describeOperand(r.value, label)}`;
  }
}

const describeOperand = (o: Operand, label: FactLabel) =>
  o.kind === 'param'
    ? o.name
    : o.kind === 'fact'
      ? label(o.name)
      : o.kind === 'string'
        ? `"${o.value}"`
        : String(o.value);

/** A whole condition in the words the builder's "Reads as" line uses (edges, branch lists). */
export function describeLogic(logic: JsonLogic, label: FactLabel): string {
  return describeGroup(fromLogic(logic), label);
}
