import type {
  JsonLogic,
  PathwayDefinition,
  PathwayNode,
  Transition,
} from '../definition/schema.js';
import { describe } from '../logic/evaluate.js';

/**
 * A semantic diff of two definitions: what changes for patients (nodes, transitions, conditions,
 * parameters, safety, measure, scoring), never layout or key order.
 */
export interface Change {
  op: 'added' | 'removed' | 'changed';
  kind:
    | 'pathway'
    | 'node'
    | 'transition'
    | 'parameter'
    | 'instrument'
    | 'safety'
    | 'measure'
    | 'scoring'
    | 'steps'
    | 'role';
  /** Node id, `from → to`, parameter name or field name. */
  id: string;
  /** The fields that changed (for `changed`). */
  fields?: string[];
  before?: unknown;
  after?: unknown;
}

export interface PathwayDiff {
  equal: boolean;
  changes: Change[];
}

/** Canonical JSON: keys sorted, so key order never shows up as a change. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function changedFields<T extends object>(a: T, b: T): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    .sort();
}

function keyed<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(n === 1 ? k : `${k} (${n})`, item);
  }
  return out;
}

function diffMaps<T extends object>(
  kind: Change['kind'],
  a: Map<string, T>,
  b: Map<string, T>,
  show: (t: T) => unknown = (t) => t,
): Change[] {
  const changes: Change[] = [];
  for (const [id, x] of a) {
    const y = b.get(id);
    if (y === undefined) changes.push({ op: 'removed', kind, id, before: show(x) });
    else if (!same(x, y))
      changes.push({
        op: 'changed',
        kind,
        id,
        fields: changedFields(x, y),
        before: show(x),
        after: show(y),
      });
  }
  for (const [id, y] of b) if (!a.has(id)) changes.push({ op: 'added', kind, id, after: show(y) });
  return changes;
}

const transitionKey = (t: Transition) => `${t.from} → ${t.to}`;
const showTransition = (t: Transition) => ({
  ...t,
  ...(t.when !== undefined ? { when: describe(t.when as JsonLogic) } : {}),
});

export function diffPathways(a: PathwayDefinition, b: PathwayDefinition): PathwayDiff {
  const changes: Change[] = [];
  for (const field of ['id', 'title', 'description', 'start'] as const) {
    if (!same(a[field], b[field]))
      changes.push({
        op: 'changed',
        kind: 'pathway',
        id: field,
        before: a[field],
        after: b[field],
      });
  }
  const single = (kind: Change['kind'], x: unknown, y: unknown) => {
    if (same(x, y)) return;
    changes.push({
      op: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed',
      kind,
      id: kind,
      before: x,
      after: y,
    });
  };
  const ia = new Set(a.instruments);
  const ib = new Set(b.instruments);
  for (const i of ia) if (!ib.has(i)) changes.push({ op: 'removed', kind: 'instrument', id: i });
  for (const i of ib) if (!ia.has(i)) changes.push({ op: 'added', kind: 'instrument', id: i });
  changes.push(
    ...diffMaps(
      'role',
      keyed(a.roles ?? [], (r) => r.id),
      keyed(b.roles ?? [], (r) => r.id),
    ),
  );
  changes.push(
    ...diffMaps(
      'parameter',
      new Map(Object.entries(a.parameters)),
      new Map(Object.entries(b.parameters)),
    ),
  );
  single('safety', a.safety, b.safety);
  single('measure', a.measure, b.measure);
  single('scoring', a.scoring, b.scoring);
  single('steps', a.steps, b.steps);
  changes.push(
    ...diffMaps<PathwayNode>(
      'node',
      keyed(a.nodes, (n) => n.id),
      keyed(b.nodes, (n) => n.id),
    ),
  );
  changes.push(
    ...diffMaps<Transition>(
      'transition',
      keyed(a.transitions, transitionKey),
      keyed(b.transitions, transitionKey),
      showTransition,
    ),
  );
  return { equal: changes.length === 0, changes };
}

/** One line per change, for terminals and code review. */
export function formatDiff(d: PathwayDiff): string {
  if (d.equal) return 'No semantic changes (layout and formatting are ignored).';
  const sign = { added: '+', removed: '-', changed: '~' } as const;
  return d.changes
    .map((c) => {
      const detail = c.op === 'changed' && c.fields?.length ? ` (${c.fields.join(', ')})` : '';
      const cond =
        c.kind === 'transition' && c.op === 'changed' && c.fields?.includes('when')
          ? `\n    when: ${fmt((c.before as { when?: unknown }).when)}  →  ${fmt((c.after as { when?: unknown }).when)}`
          : '';
      const param =
        c.kind === 'parameter' && c.op === 'changed'
          ? `\n    ${c.fields!.map((f) => `${f}: ${fmt((c.before as Record<string, unknown>)[f])} → ${fmt((c.after as Record<string, unknown>)[f])}`).join('; ')}`
          : '';
      return `${sign[c.op]} ${c.kind} ${c.id}${detail}${cond}${param}`;
    })
    .join('\n');
}

const fmt = (v: unknown) =>
  v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
