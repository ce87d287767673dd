import { useId } from 'react';
import type { Def } from '../model/doc.js';

type Unit = 'hours' | 'days' | 'weeks';
const UNITS: Unit[] = ['hours', 'days', 'weeks'];
export type DurationValue = { hours?: number; days?: number; weeks?: number; param?: string };

/** Time parameters (unit hours, days or weeks) that a duration may refer to. */
export const timeParameters = (def: Def) =>
  Object.entries(def.parameters ?? {})
    .filter(
      ([, p]) =>
        p.type !== 'boolean' && (p.unit === 'hours' || p.unit === 'days' || p.unit === 'weeks'),
    )
    .map(([name, p]) => ({ name, label: `${p.label ?? name} (${String(p.default)} ${p.unit})` }));

/**
 * A duration as a number and a unit, or a time parameter; optional durations can be "none".
 * Writes `{ days: 14 }` or `{ param: "followUpDays" }`, the definition's own shapes.
 */
export function DurationField({
  label,
  value,
  onChange,
  def,
  optional,
  hint,
  problem,
}: {
  label: string;
  value: DurationValue | undefined;
  onChange(v: DurationValue | undefined): void;
  def: Def;
  optional?: boolean;
  hint?: string;
  problem?: string | null;
}) {
  const id = useId();
  const params = timeParameters(def);
  const mode: 'none' | 'fixed' | 'param' = !value
    ? 'none'
    : typeof value.param === 'string'
      ? 'param'
      : 'fixed';
  const unit: Unit = UNITS.find((u) => value?.[u] !== undefined) ?? 'days';
  const amount = value?.[unit];
  const describedBy =
    [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      className={`ed-field ed-duration${problem ? ' has-problem' : ''}`}
      aria-describedby={describedBy}
    >
      <legend>{label}</legend>
      <div className="ed-row">
        <label className="ed-sr" htmlFor={`${id}-mode`}>
          {label}: how it is set
        </label>
        <select
          id={`${id}-mode`}
          value={mode}
          onChange={(e) => {
            const m = e.target.value;
            if (m === 'none') onChange(undefined);
            else if (m === 'fixed') onChange({ [unit]: amount ?? 7 });
            else onChange({ param: params[0]?.name ?? '' });
          }}
        >
          {optional && <option value="none">None</option>}
          <option value="fixed">Fixed time</option>
          <option value="param" disabled={!params.length && mode !== 'param'}>
            A parameter{params.length ? '' : ' (none defined)'}
          </option>
        </select>
        {mode === 'fixed' && (
          <>
            <label className="ed-sr" htmlFor={`${id}-amount`}>
              {label}: amount
            </label>
            <input
              id={`${id}-amount`}
              type="number"
              min={1}
              step="any"
              className="ed-num"
              value={amount ?? ''}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (e.target.value !== '' && Number.isFinite(n)) onChange({ [unit]: n });
              }}
            />
            <label className="ed-sr" htmlFor={`${id}-unit`}>
              {label}: unit
            </label>
            <select
              id={`${id}-unit`}
              value={unit}
              onChange={(e) => onChange({ [e.target.value]: amount ?? 1 })}
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </>
        )}
        {mode === 'param' && (
          <>
            <label className="ed-sr" htmlFor={`${id}-param`}>
              {label}: parameter
            </label>
            <select
              id={`${id}-param`}
              className="ed-grow"
              value={value?.param ?? ''}
              onChange={(e) => onChange({ param: e.target.value })}
            >
              {!params.some((p) => p.name === value?.param) && (
                <option value={value?.param ?? ''}>{value?.param || '—'}</option>
              )}
              {params.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.label}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {hint && (
        <span id={`${id}-hint`} className="ed-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="ed-problem">
          {problem}
        </span>
      )}
    </fieldset>
  );
}
