import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  answerSamples,
  instruments,
  type Answer,
  type InstrumentId,
  type ScoreOptions,
} from '@care-pathways/engine';
import {
  criticalWarning,
  emptyValues,
  isOptional,
  isRequired,
  itemLabel,
  missingItems,
  preview,
  setValue,
  skipNote,
  answersFrom,
} from './instrumentForm.js';

export interface InstrumentFormProps {
  instrument: InstrumentId;
  /** The pathway's scoring options (tailored threshold, sex) for the preview. */
  options?: ScoreOptions;
  submitLabel?: string;
  busy?: boolean;
  /** Offer the engine's sample answer sets (simulation only; never for a real patient). */
  samples?: boolean;
  onSubmit(answers: Answer[]): void | Promise<void>;
  onCancel?(): void;
}

/**
 * A printed instrument as a form: one radio group per item with its printed options, skip logic
 * applied, a live score and a safety warning as soon as a critical item is positive.
 */
export function InstrumentForm(props: InstrumentFormProps) {
  const { instrument: id, options = {} } = props;
  const inst = instruments[id];
  const uid = useId();
  const [values, setValues] = useState<(number | null)[]>(() => emptyValues(id));
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const missing = missingItems(id, values);
  const p = useMemo(() => preview(id, values, options), [id, values, options]);
  const warning = useMemo(() => criticalWarning(id, values, options), [id, values, options]);
  const samples = useMemo(() => (props.samples ? answerSamples(id) : []), [id, props.samples]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (missing.length) {
      setTried(true);
      const first = formRef.current?.querySelector<HTMLInputElement>(
        `[data-item="${missing[0]}"] input`,
      );
      first?.focus();
      return;
    }
    void props.onSubmit(answersFrom(id, values));
  }

  return (
    <form
      ref={formRef}
      className="instrument-form"
      onSubmit={submit}
      aria-labelledby={`${uid}-title`}
      noValidate
    >
      <div className="instrument-head">
        <h4 id={`${uid}-title`}>{inst.title}</h4>
        {samples.length > 0 && (
          <label className="inline">
            Fill with a sample
            <select
              value=""
              onChange={(e) => {
                const s = samples[Number(e.target.value)];
                if (s) setValues(inst.items.map((_, i) => s.answers[i] ?? null));
              }}
            >
              <option value="">Choose…</option>
              {samples.map((s, i) => (
                <option key={s.label} value={i}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ol className="items">
        {inst.items.map((item, i) => {
          const skipped = skipNote(id, values, i);
          const label = itemLabel(id, i);
          if (skipped)
            return (
              <li key={i} className="item skipped">
                <span className="item-label">{label}</span> {textAfter(label, item.text)}{' '}
                <em className="skip-note">— not asked: {skipped.toLowerCase()}</em>
              </li>
            );
          const isMissing = tried && isRequired(id, values, i) && values[i] === null;
          const name = `${uid}-item-${i}`;
          return (
            <li key={i} className={`item${isMissing ? ' missing' : ''}`} data-item={i}>
              <fieldset aria-describedby={isMissing ? `${name}-missing` : undefined}>
                <legend>
                  <span className="item-label">{label}.</span> {textAfter(label, item.text)}
                  {isOptional(id, i) && <span className="tag">optional</span>}
                  {!item.scored && !isOptional(id, i) && inst.totalRange && (
                    <span className="tag">not scored</span>
                  )}
                  {item.critical && <span className="tag tag-danger">safety item</span>}
                </legend>
                <div className="options">
                  {item.options.map((opt, pos) => (
                    <label key={pos} className="option">
                      <input
                        type="radio"
                        name={name}
                        value={pos}
                        checked={values[i] === pos}
                        onChange={() => setValues((v) => setValue(id, v, i, pos))}
                      />
                      <span>{opt}</span>
                    </label>
                  ))}
                  {isOptional(id, i) && values[i] !== null && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => setValues((v) => setValue(id, v, i, null))}
                    >
                      Clear {label.toLowerCase()}
                    </button>
                  )}
                </div>
                {isMissing && (
                  <p id={`${name}-missing`} className="error small">
                    Required
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {warning && (
        <p
          role="alert"
          className={`alert ${warning.risk === 'high' || warning.risk === 'acute' ? 'alert-emergent' : 'alert-urgent'}`}
        >
          {warning.message}
        </p>
      )}
      <p role="status" className="score-preview">
        {p.state === 'incomplete' &&
          (p.partialTotal !== null
            ? `Score so far: ${p.partialTotal} (${p.missing.length} required item${p.missing.length === 1 ? '' : 's'} unanswered)`
            : `${p.missing.length} required item${p.missing.length === 1 ? '' : 's'} unanswered`)}
        {p.state === 'scored' && (
          <>
            {p.score.total !== null ? (
              <>
                Total <strong>{p.score.total}</strong>
                {inst.totalRange ? ` of ${inst.totalRange.max}` : ''} — {p.bandLabel}
              </>
            ) : (
              <>
                Risk <strong>{p.bandLabel}</strong>
              </>
            )}
            {p.score.threshold !== undefined &&
              ` · ${p.score.positive ? 'positive' : 'negative'} screen (threshold ${p.score.threshold})`}
          </>
        )}
        {p.state === 'invalid' && <span className="error">{p.messages.join(' ')}</span>}
      </p>
      {tried && missing.length > 0 && (
        <p className="error" role="alert">
          Answer {missing.map((i) => itemLabel(id, i).toLowerCase()).join(', ')} first.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? 'Saving…' : (props.submitLabel ?? `Record ${inst.shortTitle}`)}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The item's text without a repeated "Item 6 follow-up:" prefix. */
function textAfter(label: string, text: string): string {
  return text.toLowerCase().startsWith(label.toLowerCase())
    ? text.slice(label.length).replace(/^[:.\s]+/, '')
    : text;
}
