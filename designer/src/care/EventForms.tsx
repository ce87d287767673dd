import { useId, useState, type ReactNode } from 'react';
import { BUILT_IN_ROLES, type PathwayDefinition } from '@care-pathways/engine';
import { contactEvent, dischargeEvent, taskCompletion, type Built } from './events.js';
import { humanize, roleTitle } from './format.js';

// The event forms a clinician uses on the patient page and a designer in the simulator: one
// component each, so the fields, checks and accessible names are the same in both places.

/** Hands the built event on; resolves true when it was accepted (the form then clears). */
export type Send = (event: Record<string, unknown>) => boolean | Promise<boolean>;

/**
 * One form that builds an event from its fields: a wrong entry is said in place (role=alert) and
 * nothing is sent; an accepted one calls `onSent` so the form can clear what should not repeat.
 */
export function EventForm(props: {
  /** The form's accessible name; shown as a heading when `heading` is set. */
  name: string;
  heading?: boolean;
  build(): Built;
  onSend: Send;
  onSent?(): void;
  submit: ReactNode;
  submitClass?: string;
  disabled?: boolean;
  /** Buttons after the submit button (e.g. Cancel). */
  more?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      {...(props.heading ? { 'aria-labelledby': `${id}-h` } : { 'aria-label': props.name })}
      onSubmit={(e) => {
        e.preventDefault();
        const built = props.build();
        if (!built.ok) return setError(built.message);
        setError(null);
        void (async () => {
          if (await props.onSend(built.event)) props.onSent?.();
        })();
      }}
    >
      {props.heading && <h4 id={`${id}-h`}>{props.name}</h4>}
      {props.children}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className={props.submitClass} disabled={props.disabled}>
          {props.submit}
        </button>
        {props.more}
      </div>
    </form>
  );
}

/** A contact by a care-team role: who, how many minutes, and (on the patient page) a note. */
export function ContactForm(props: {
  def: PathwayDefinition | null;
  heading?: boolean;
  withNote?: boolean;
  submitClass?: string;
  disabled?: boolean;
  onSend: Send;
}) {
  const id = useId();
  const custom = props.def?.roles ?? [];
  const roles = [...BUILT_IN_ROLES, ...custom.map((r) => r.id)];
  const [role, setRole] = useState('care-manager');
  const [minutes, setMinutes] = useState('20');
  const [note, setNote] = useState('');
  return (
    <EventForm
      name="Log a contact"
      heading={props.heading}
      build={() => contactEvent(role, minutes, note)}
      onSend={props.onSend}
      onSent={() => setNote('')}
      submit="Log contact"
      submitClass={props.submitClass}
      disabled={props.disabled}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleTitle(r, custom)}
              </option>
            ))}
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor={`${id}-min`}>Minutes</label>
          <input
            id={`${id}-min`}
            type="number"
            min={1}
            max={600}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
      </div>
      {props.withNote && <NoteField id={`${id}-note`} rows={2} value={note} onChange={setNote} />}
    </EventForm>
  );
}

/** Discharge from the pathway, with the (audited) reason. */
export function DischargeForm(props: {
  heading?: boolean;
  hint?: ReactNode;
  disabled?: boolean;
  onSend: Send;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <EventForm
      name="Discharge"
      heading={props.heading}
      build={() => dischargeEvent(reason)}
      onSend={props.onSend}
      onSent={() => setReason('')}
      submit="Discharge"
      submitClass="danger"
      disabled={props.disabled}
    >
      {props.hint && <p className="hint">{props.hint}</p>}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for discharge</label>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </EventForm>
  );
}

/**
 * Completing a task that takes no instrument: one of the outcomes its node lists (radio buttons),
 * or, when the pathway could not be loaded (`outcomes` null), a free outcome; and optionally a note.
 * `onSend` receives `{ outcome?, note? }`.
 */
export function TaskOutcomeForm(props: {
  title: string;
  outcomes: readonly string[] | null;
  withNote?: boolean;
  busy?: boolean;
  onCancel?(): void;
  onSend: Send;
}) {
  const id = useId();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const { outcomes } = props;
  return (
    <EventForm
      name={`Complete ${props.title}`}
      build={() => taskCompletion(outcomes, outcome, note)}
      onSend={props.onSend}
      onSent={() => {
        setOutcome('');
        setNote('');
      }}
      submit={props.busy ? 'Completing…' : 'Complete task'}
      submitClass="primary"
      disabled={props.busy}
      more={
        props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )
      }
    >
      {outcomes && outcomes.length > 0 ? (
        <fieldset className="outcomes">
          <legend>Outcome</legend>
          {outcomes.map((o) => (
            <label key={o} className="option">
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              <span>{humanize(o)}</span>
            </label>
          ))}
        </fieldset>
      ) : outcomes === null ? (
        <div className="field">
          <label htmlFor={`${id}-free`}>Outcome (optional)</label>
          <input
            id={`${id}-free`}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value.trim())}
          />
          <p className="hint">
            The pathway could not be loaded; enter an outcome if the task expects one.
          </p>
        </div>
      ) : null}
      {props.withNote && <NoteField id={`${id}-note`} rows={3} value={note} onChange={setNote} />}
    </EventForm>
  );
}

function NoteField(props: { id: string; rows: number; value: string; onChange(v: string): void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>Note (optional)</label>
      <textarea
        id={props.id}
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
