import { useId, useState } from 'react';
import type { Def, Parameter } from '../model/doc.js';
import type { Change } from '../model/edits.js';
import { PARAM_NAME } from '../model/ids.js';
import type { LocatedProblem } from '../model/problems.js';
import { CheckField, Field, numberOrUndefined, SelectField, TextField } from './fields.js';

const UNITS = ['hours', 'days', 'weeks', 'points', 'percent', 'count', 'minutes'] as const;

/**
 * The tailorable parameters: name, type, default, bounds, unit, description. A practice may only
 * move a value within min–max; the engine's bound errors show on the parameter at fault.
 */
export function ParametersEditor({
  def,
  problems,
  commit,
  focus,
}: {
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
  focus?: string | null;
}) {
  const params = Object.entries(def.parameters ?? {});
  return (
    <section className="ed-params" aria-labelledby="ed-params-h">
      <h3 id="ed-params-h">Parameters</h3>
      <p className="ed-hint">
        Values a practice may tailor, within the bounds you set. Conditions and durations can use
        them.
      </p>
      {params.length === 0 && <p className="ed-empty">No parameters yet.</p>}
      {params.map(([name, p]) => (
        <ParameterCard
          key={name}
          name={name}
          p={p}
          taken={(n) => n !== name && !!def.parameters?.[n]}
          problems={problems.filter((x) => x.target.kind === 'parameter' && x.target.name === name)}
          commit={commit}
          open={focus === name}
        />
      ))}
      <AddParameter taken={(n) => !!def.parameters?.[n]} commit={commit} />
    </section>
  );
}

function ParameterCard({
  name,
  p,
  taken,
  problems,
  commit,
  open,
}: {
  name: string;
  p: Parameter;
  taken(n: string): boolean;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
  open: boolean;
}) {
  const set = (patch: Record<string, unknown>) => commit({ type: 'parameter.update', name, patch });
  const [newName, setNewName] = useState(name);
  const id = useId();
  const of = (...fields: string[]) =>
    problems
      .filter((x) => x.target.kind === 'parameter' && fields.includes(x.target.field ?? ''))
      .map((x) => x.message)
      .join(' ') || null;
  const general = problems.filter(
    (x) =>
      x.target.kind === 'parameter' &&
      !['default', 'min', 'max', 'type', 'unit', 'description', 'label'].includes(
        x.target.field ?? '',
      ),
  );
  const nameProblem =
    newName === name
      ? null
      : !PARAM_NAME.test(newName)
        ? 'Letters and digits only, e.g. followUpDays.'
        : taken(newName)
          ? 'Another parameter has this name.'
          : null;
  const numeric = p.type !== 'boolean';
  const worst = problems.some((x) => x.severity === 'error')
    ? 'error'
    : problems.length
      ? 'warning'
      : null;
  return (
    <details
      className={`ed-param-card${worst ? ` issue-${worst}` : ''}`}
      open={open || undefined}
      id={`param-${name}`}
    >
      <summary>
        <strong>{p.label ?? name}</strong> <code>{name}</code>{' '}
        <span className="ed-muted">
          = {String(p.default)}
          {p.unit ? ` ${p.unit}` : ''}
          {numeric && (p.min !== undefined || p.max !== undefined)
            ? ` (${p.min ?? '…'}–${p.max ?? '…'})`
            : ''}
        </span>
        {worst && (
          <span className={`ed-sev-tag ${worst}`}>
            {problems.length} {worst === 'error' ? 'error' : 'warning'}
            {problems.length > 1 ? 's' : ''}
          </span>
        )}
      </summary>
      {general.length > 0 && (
        <ul className="ed-inline-problems">
          {general.map((x, i) => (
            <li key={i} className={`sev-${x.severity}`}>
              {x.message}
            </li>
          ))}
        </ul>
      )}
      <div className={`ed-field${nameProblem ? ' has-problem' : ''}`}>
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={newName}
          spellCheck={false}
          aria-describedby={`${id}-name-note`}
          aria-invalid={nameProblem ? true : undefined}
          onChange={(e) => setNewName(e.target.value)}
          onBlur={() =>
            newName !== name &&
            !nameProblem &&
            commit({ type: 'parameter.rename', from: name, to: newName })
          }
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (newName !== name && !nameProblem)
                commit({ type: 'parameter.rename', from: name, to: newName });
            }
          }}
        />
        <span id={`${id}-name-note`} className={nameProblem ? 'ed-problem' : 'ed-hint'}>
          {nameProblem ?? 'Renaming updates every condition and duration that uses it.'}
        </span>
      </div>
      <TextField
        label="Label"
        value={p.label ?? ''}
        onChange={(v) => set({ label: v || undefined })}
        problem={of('label')}
      />
      <div className="ed-grid2">
        <SelectField
          label="Type"
          value={p.type}
          options={[
            { value: 'integer', label: 'Whole number' },
            { value: 'number', label: 'Number' },
            { value: 'boolean', label: 'Yes / no' },
          ]}
          onChange={(t) =>
            set(
              t === 'boolean'
                ? { type: t, default: false, min: undefined, max: undefined, unit: undefined }
                : { type: t, default: typeof p.default === 'number' ? p.default : 0 },
            )
          }
          problem={of('type')}
        />
        {numeric ? (
          <SelectField
            label="Unit"
            value={p.unit ?? ''}
            options={[{ value: '', label: 'None' }, ...UNITS.map((u) => ({ value: u, label: u }))]}
            onChange={(u) => set({ unit: u || undefined })}
            problem={of('unit')}
          />
        ) : (
          <span />
        )}
      </div>
      {numeric ? (
        <div className="ed-grid3">
          <NumberInput
            label="Default"
            value={p.default as number}
            integer={p.type === 'integer'}
            onChange={(v) => v !== undefined && set({ default: v })}
            problem={of('default')}
          />
          <NumberInput
            label="Minimum"
            value={p.min}
            integer={false}
            onChange={(v) => set({ min: v })}
            problem={of('min')}
          />
          <NumberInput
            label="Maximum"
            value={p.max}
            integer={false}
            onChange={(v) => set({ max: v })}
            problem={of('max')}
          />
        </div>
      ) : (
        <CheckField
          label="Default: yes"
          checked={p.default === true}
          onChange={(v) => set({ default: v })}
        />
      )}
      <TextField
        label="Description"
        multiline
        value={p.description}
        onChange={(v) => set({ description: v })}
        problem={of('description')}
      />
      <TextField
        label="Source"
        multiline
        value={p.source ?? ''}
        onChange={(v) => set({ source: v || undefined })}
        hint="The evidence behind the default and the bounds."
      />
      <div className="ed-actions">
        <button
          type="button"
          className="danger"
          onClick={() => commit({ type: 'parameter.remove', name })}
        >
          Delete parameter {name}
        </button>
      </div>
    </details>
  );
}

function NumberInput({
  label,
  value,
  onChange,
  problem,
  integer,
}: {
  label: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
  problem: string | null;
  integer: boolean;
}) {
  return (
    <Field label={label} problem={problem}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="number"
          step={integer ? 1 : 'any'}
          className="ed-num"
          value={value ?? ''}
          aria-describedby={describedBy}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => onChange(numberOrUndefined(e.target.value))}
        />
      )}
    </Field>
  );
}

function AddParameter({ taken, commit }: { taken(n: string): boolean; commit(c: Change): void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<Parameter['type']>('integer');
  // Asked for up front: the engine requires it, and a practice tailoring the value reads it.
  const [description, setDescription] = useState('');
  const id = useId();
  const problem =
    name &&
    (!PARAM_NAME.test(name)
      ? 'Letters and digits only, e.g. followUpDays.'
      : taken(name)
        ? 'Already defined.'
        : null);
  return (
    <form
      className="ed-add-param"
      aria-label="Add a parameter"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name || problem || !description.trim()) return;
        commit({
          type: 'parameter.add',
          name,
          parameter:
            type === 'boolean'
              ? { type, default: false, description: description.trim() }
              : { type, default: 0, min: 0, max: 10, description: description.trim() },
        });
        setName('');
        setDescription('');
      }}
    >
      <div className="ed-field">
        <label htmlFor={`${id}-n`}>New parameter name</label>
        <input
          id={`${id}-n`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. followUpDays"
          aria-invalid={problem ? true : undefined}
        />
        {problem && <span className="ed-problem">{problem}</span>}
      </div>
      <div className="ed-field">
        <label htmlFor={`${id}-t`}>Type</label>
        <select
          id={`${id}-t`}
          value={type}
          onChange={(e) => setType(e.target.value as Parameter['type'])}
        >
          <option value="integer">Whole number</option>
          <option value="number">Number</option>
          <option value="boolean">Yes / no</option>
        </select>
      </div>
      <div className="ed-field">
        <label htmlFor={`${id}-d`}>What it controls</label>
        <input
          id={`${id}-d`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="e.g. days between follow-up calls"
        />
      </div>
      <button type="submit" disabled={!name || !!problem || !description.trim()}>
        Add parameter
      </button>
    </form>
  );
}
