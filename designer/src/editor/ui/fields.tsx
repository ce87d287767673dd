import { useId, type ReactNode } from 'react';

/** A labelled form row; the hint and any problem are tied to the control by aria-describedby. */
export function Field({
  label,
  hint,
  problem,
  children,
  className,
}: {
  label: string;
  hint?: ReactNode;
  problem?: string | null;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`ed-field${problem ? ' has-problem' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy })}
      {hint && (
        <span id={hintId} className="ed-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={problemId} className="ed-problem">
          {problem}
        </span>
      )}
    </div>
  );
}

/** A text input that reports every keystroke (the history coalesces typing into one step). */
export function TextField({
  label,
  value,
  onChange,
  hint,
  problem,
  placeholder,
  multiline,
  required,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: ReactNode;
  problem?: string | null;
  placeholder?: string;
  multiline?: boolean;
  required?: boolean;
}) {
  return (
    <Field label={label} hint={hint} problem={problem}>
      {({ id, describedBy }) =>
        multiline ? (
          <textarea
            id={id}
            rows={3}
            value={value}
            placeholder={placeholder}
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            id={id}
            type="text"
            value={value}
            placeholder={placeholder}
            required={required}
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  problem,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
  hint?: ReactNode;
  problem?: string | null;
}) {
  return (
    <Field label={label} hint={hint} problem={problem}>
      {({ id, describedBy }) => (
        <select
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="ed-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="ed-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Parses a number input; empty → undefined. */
export const numberOrUndefined = (s: string): number | undefined =>
  s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s);
