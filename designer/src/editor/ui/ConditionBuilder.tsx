import { useEffect, useRef, useState } from 'react';
import type { FactInfo } from '@care-pathways/engine';
import {
  COMPARE_OPS,
  describeGroup,
  fromLogic,
  OP_LABEL,
  rowForFact,
  toLogic,
  type CompareOp,
  type Group,
  type GroupMode,
  type Operand,
  type Row,
} from '../model/conditions.js';
import type { JsonLogic, Parameter } from '../model/doc.js';
import { factLabel, groupFacts } from '../model/facts.js';
import { RawLogic } from './RawLogic.js';

export interface BuilderContext {
  facts: readonly FactInfo[];
  factByName: ReadonlyMap<string, FactInfo>;
  params: readonly [string, Parameter][];
}

/**
 * The condition builder: rows of "fact · operator · value or parameter" combined with all / any
 * / none, nested groups, and raw rows for json-logic the rows cannot say (kept as written).
 */
export function ConditionBuilder({
  value,
  onChange,
  ctx,
  label,
}: {
  value: JsonLogic;
  onChange(v: JsonLogic | undefined): void;
  ctx: BuilderContext;
  label: string;
}) {
  // The rows live here between edits: re-reading them from json-logic after every change would
  // fold a new one-row group back into a plain row. Outside changes (undo, raw JSON) re-read.
  const [group, setGroup] = useState(() => fromLogic(value));
  const emitted = useRef(JSON.stringify(value));
  useEffect(() => {
    const now = JSON.stringify(value);
    if (now !== emitted.current) {
      emitted.current = now;
      setGroup(fromLogic(value));
    }
  }, [value]);
  const update = (g: Group) => {
    const logic = toLogic(g) ?? undefined;
    setGroup(g);
    emitted.current = JSON.stringify(logic);
    onChange(logic);
  };
  return (
    <div className="ed-builder">
      <p className="ed-builder-summary" aria-live="polite">
        <span className="ed-muted">Reads as: </span>
        {describeGroup(group, factLabel)}
      </p>
      <GroupEditor group={group} onChange={update} ctx={ctx} path={label} depth={0} />
    </div>
  );
}

const MODE_LABEL: Record<GroupMode, string> = { all: 'all', any: 'any', none: 'none' };

function GroupEditor({
  group,
  onChange,
  ctx,
  path,
  depth,
  onRemove,
}: {
  group: Group;
  onChange(g: Group): void;
  ctx: BuilderContext;
  path: string;
  depth: number;
  onRemove?(): void;
}) {
  const setRow = (i: number, row: Row) =>
    onChange({ ...group, rows: group.rows.map((r, j) => (j === i ? row : r)) });
  const removeRow = (i: number) =>
    onChange({ ...group, rows: group.rows.filter((_, j) => j !== i) });
  const starter = (): Row => {
    const f =
      ctx.facts.find((x) => x.type === 'number' && !x.name.startsWith('params.')) ?? ctx.facts[0];
    return f ? rowForFact(f) : { kind: 'truthy', fact: 'enrolled', negate: false };
  };
  return (
    <div className={`ed-group depth-${depth}`} role="group" aria-label={path}>
      <div className="ed-group-head">
        <label>
          <span>Match when</span>{' '}
          <select
            aria-label={`${path}: combine with`}
            value={group.mode}
            onChange={(e) => onChange({ ...group, mode: e.target.value as GroupMode })}
          >
            {(['all', 'any', 'none'] as const).map((m) => (
              <option key={m} value={m}>
                {MODE_LABEL[m]}
              </option>
            ))}
          </select>{' '}
          <span>of these hold</span>
        </label>
        {onRemove && (
          <button
            type="button"
            className="ed-mini"
            aria-label={`Remove ${path}`}
            onClick={onRemove}
          >
            Remove group
          </button>
        )}
      </div>
      {depth === 0 && !group.rows.length && (
        <p className="ed-hint">
          Not finished: add a condition to say when this branch is taken. Until then the pathway
          shows an error here.
        </p>
      )}
      <ol className="ed-rows">
        {group.rows.map((row, i) => {
          const name = `${path}, condition ${i + 1}`;
          return (
            <li key={i} className={`ed-cond kind-${row.kind}`}>
              {i > 0 && (
                <span className="ed-joiner" aria-hidden="true">
                  {group.mode === 'all' ? 'and' : 'or'}
                </span>
              )}
              {row.kind === 'group' ? (
                <GroupEditor
                  group={row.group}
                  onChange={(g) => setRow(i, { kind: 'group', group: g })}
                  ctx={ctx}
                  path={`${path}, group ${i + 1}`}
                  depth={depth + 1}
                  onRemove={() => removeRow(i)}
                />
              ) : (
                <div className="ed-cond-row">
                  <RowEditor row={row} onChange={(r) => setRow(i, r)} ctx={ctx} name={name} />
                  <button
                    type="button"
                    className="ed-mini"
                    aria-label={`Remove ${name}`}
                    onClick={() => removeRow(i)}
                  >
                    ×
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="ed-row">
        <button
          type="button"
          className="ed-small"
          onClick={() => onChange({ ...group, rows: [...group.rows, starter()] })}
        >
          + Add condition
        </button>
        {depth < 3 && (
          <button
            type="button"
            className="ed-small"
            onClick={() =>
              onChange({
                ...group,
                rows: [
                  ...group.rows,
                  {
                    kind: 'group',
                    group: { mode: group.mode === 'all' ? 'any' : 'all', rows: [starter()] },
                  },
                ],
              })
            }
          >
            + Add group
          </button>
        )}
      </div>
    </div>
  );
}

function FactSelect({
  value,
  onChange,
  ctx,
  name,
  filter,
}: {
  value: string;
  onChange(v: string): void;
  ctx: BuilderContext;
  name: string;
  filter?: (f: FactInfo) => boolean;
}) {
  const facts = filter ? ctx.facts.filter(filter) : ctx.facts;
  const groups = groupFacts(facts);
  return (
    <select
      aria-label={name}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="ed-fact"
    >
      {!ctx.factByName.has(value) && (
        <option value={value}>{value} (not a fact of this pathway)</option>
      )}
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.facts.map((f) => (
            <option key={f.name} value={f.name} title={f.description}>
              {factLabel(f.name)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function RowEditor({
  row,
  onChange,
  ctx,
  name,
}: {
  row: Row;
  onChange(r: Row): void;
  ctx: BuilderContext;
  name: string;
}) {
  if (row.kind === 'raw')
    return (
      <div className="ed-raw-row">
        <span className="ed-muted">Custom expression (json-logic):</span>
        <RawLogic
          value={row.logic}
          onChange={(v) => v !== undefined && onChange({ kind: 'raw', logic: v })}
          label={`${name} as json-logic`}
          rows={2}
        />
      </div>
    );
  if (row.kind === 'group') return null;
  const factName = row.kind === 'flag' ? row.list : row.fact;
  const fact = ctx.factByName.get(factName);
  const changeFact = (n: string) => {
    const f = ctx.factByName.get(n);
    if (!f) return;
    if (row.kind === 'compare' && fact && f.type === fact.type && f.type === 'number')
      onChange({ ...row, fact: n });
    else onChange(rowForFact(f));
  };
  const factSelect = (
    <FactSelect value={factName} onChange={changeFact} ctx={ctx} name={`${name}: fact`} />
  );

  switch (row.kind) {
    case 'truthy':
      return (
        <>
          {factSelect}
          <select
            aria-label={`${name}: is`}
            value={row.negate ? 'no' : 'yes'}
            onChange={(e) => onChange({ ...row, negate: e.target.value === 'no' })}
          >
            <option value="yes">is yes</option>
            <option value="no">is no</option>
          </select>
        </>
      );
    case 'flag':
      return (
        <>
          {factSelect}
          <select
            aria-label={`${name}: has`}
            value={row.negate ? 'no' : 'yes'}
            onChange={(e) => onChange({ ...row, negate: e.target.value === 'no' })}
          >
            <option value="yes">has flag</option>
            <option value="no">does not have flag</option>
          </select>
          <select
            aria-label={`${name}: flag`}
            value={row.flag}
            onChange={(e) => onChange({ ...row, flag: e.target.value })}
          >
            {!(fact?.values ?? []).includes(row.flag) && (
              <option value={row.flag}>{row.flag}</option>
            )}
            {(fact?.values ?? []).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </>
      );
    case 'oneOf': {
      const allowed = fact?.values;
      return (
        <>
          {factSelect}
          <select
            aria-label={`${name}: is`}
            value={row.negate ? 'no' : 'yes'}
            onChange={(e) => onChange({ ...row, negate: e.target.value === 'no' })}
          >
            <option value="yes">is one of</option>
            <option value="no">is not one of</option>
          </select>
          {allowed ? (
            <fieldset className="ed-oneof" aria-label={`${name}: values`}>
              {allowed.map((v) => (
                <label key={v} className="ed-inline-check">
                  <input
                    type="checkbox"
                    checked={row.values.includes(v)}
                    onChange={(e) =>
                      onChange({
                        ...row,
                        values: e.target.checked
                          ? [...row.values, v]
                          : row.values.filter((x) => x !== v),
                      })
                    }
                  />
                  {v}
                </label>
              ))}
            </fieldset>
          ) : (
            <input
              aria-label={`${name}: values, separated by commas`}
              value={row.values.join(', ')}
              onChange={(e) =>
                onChange({
                  ...row,
                  values: e.target.value
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean)
                    .map((s) =>
                      fact?.type === 'number' && Number.isFinite(Number(s)) ? Number(s) : s,
                    ),
                })
              }
            />
          )}
        </>
      );
    }
    case 'compare':
      return (
        <>
          {factSelect}
          <OpSelect row={row} fact={fact} onChange={onChange} name={name} />
          <OperandEditor row={row} fact={fact} onChange={onChange} ctx={ctx} name={name} />
        </>
      );
  }
}

function OpSelect({
  row,
  fact,
  onChange,
  name,
}: {
  row: Extract<Row, { kind: 'compare' }>;
  fact: FactInfo | undefined;
  onChange(r: Row): void;
  name: string;
}) {
  const ordered = !fact || fact.type === 'number' || fact.type === 'time';
  const ops = COMPARE_OPS.filter(
    (o) => o === row.op || (ordered ? !o.endsWith('==') || o === '==' : o === '==' || o === '!='),
  );
  return (
    <select
      aria-label={`${name}: operator`}
      value={row.op}
      onChange={(e) => onChange({ ...row, op: e.target.value as CompareOp })}
      className="ed-op"
    >
      {ops.map((o) => (
        <option key={o} value={o}>
          {OP_LABEL[o]}
        </option>
      ))}
    </select>
  );
}

function OperandEditor({
  row,
  fact,
  onChange,
  ctx,
  name,
}: {
  row: Extract<Row, { kind: 'compare' }>;
  fact: FactInfo | undefined;
  onChange(r: Row): void;
  ctx: BuilderContext;
  name: string;
}) {
  const v = row.value;
  const set = (value: Operand) => onChange({ ...row, value });
  const type =
    fact?.type ?? (v.kind === 'string' ? 'string' : v.kind === 'boolean' ? 'boolean' : 'number');
  if (type === 'string' || type === 'time') {
    const allowed = fact?.values;
    const current = v.kind === 'string' ? v.value : '';
    return allowed ? (
      <select
        aria-label={`${name}: value`}
        value={current}
        onChange={(e) => set({ kind: 'string', value: e.target.value })}
      >
        {!allowed.includes(current) && <option value={current}>{current || '—'}</option>}
        {allowed.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    ) : (
      <input
        aria-label={`${name}: value`}
        value={current}
        onChange={(e) => set({ kind: 'string', value: e.target.value })}
      />
    );
  }
  if (type === 'boolean') {
    const paramsB = ctx.params.filter(([, p]) => p.type === 'boolean');
    const sel =
      v.kind === 'param' ? `param:${v.name}` : String(v.kind === 'boolean' ? v.value : true);
    return (
      <select
        aria-label={`${name}: value`}
        value={sel}
        onChange={(e) => {
          const x = e.target.value;
          set(
            x.startsWith('param:')
              ? { kind: 'param', name: x.slice(6) }
              : { kind: 'boolean', value: x === 'true' },
          );
        }}
      >
        <option value="true">yes</option>
        <option value="false">no</option>
        {paramsB.map(([n]) => (
          <option key={n} value={`param:${n}`}>
            parameter {n}
          </option>
        ))}
      </select>
    );
  }
  // Numbers: a constant, a parameter, or another numeric fact.
  const numericParams = ctx.params.filter(([, p]) => p.type !== 'boolean');
  const range = fact?.range;
  return (
    <span className="ed-operand">
      <select
        aria-label={`${name}: compare with`}
        value={v.kind === 'param' || v.kind === 'fact' ? v.kind : 'number'}
        onChange={(e) => {
          const k = e.target.value;
          if (k === 'param') set({ kind: 'param', name: numericParams[0]?.[0] ?? '' });
          else if (k === 'fact')
            set({
              kind: 'fact',
              name:
                ctx.facts.find((f) => f.type === 'number' && f.name !== row.fact)?.name ?? row.fact,
            });
          else set({ kind: 'number', value: range?.min ?? 0 });
        }}
      >
        <option value="number">a number</option>
        <option value="param" disabled={!numericParams.length && v.kind !== 'param'}>
          a parameter
        </option>
        <option value="fact">another fact</option>
      </select>
      {v.kind === 'param' ? (
        <select
          aria-label={`${name}: parameter`}
          value={v.name}
          onChange={(e) => set({ kind: 'param', name: e.target.value })}
        >
          {!numericParams.some(([n]) => n === v.name) && (
            <option value={v.name}>{v.name || '—'} (not defined)</option>
          )}
          {numericParams.map(([n, p]) => (
            <option key={n} value={n}>
              {n} (default {String(p.default)})
            </option>
          ))}
        </select>
      ) : v.kind === 'fact' ? (
        <FactSelect
          value={v.name}
          onChange={(n) => set({ kind: 'fact', name: n })}
          ctx={ctx}
          name={`${name}: other fact`}
          filter={(f) => f.type === 'number'}
        />
      ) : (
        <input
          aria-label={`${name}: value${range ? ` (${range.min} to ${range.max})` : ''}`}
          type="number"
          step="any"
          className="ed-num"
          value={v.kind === 'number' ? v.value : ''}
          min={range?.min}
          max={range?.max}
          title={range ? `${range.min} to ${range.max}` : undefined}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(n)) set({ kind: 'number', value: n });
          }}
        />
      )}
    </span>
  );
}
