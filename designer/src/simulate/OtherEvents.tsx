import { useId, useState } from 'react';
import { BUILT_IN_ROLES, type PathwayDefinition } from '@care-pathways/engine';
import { nodeLabel } from '../care/describe.js';
import { roleTitle } from '../care/format.js';
import { contactEvent, dischargeEvent, overrideEvent, type Built } from './events.js';

/** Events a care team records outside the pathway's own tasks: contacts, overrides, discharge. */
export function OtherEvents(props: {
  def: PathwayDefinition;
  currentNode: string;
  onEvent(event: Record<string, unknown>, label: string): boolean;
  disabled: boolean;
}) {
  const { def } = props;
  const id = useId();
  const roles = [...BUILT_IN_ROLES, ...(def.roles ?? []).map((r) => r.id)];
  const [role, setRole] = useState<string>('care-manager');
  const [minutes, setMinutes] = useState('20');
  const [to, setTo] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [dischargeReason, setDischargeReason] = useState('');
  const [error, setError] = useState<{ form: string; message: string } | null>(null);

  const send = (form: string, built: Built, label: string, clear: () => void) => {
    if (!built.ok) return setError({ form, message: built.message });
    setError(null);
    if (props.onEvent(built.event, label)) clear();
  };
  const errorFor = (form: string) =>
    error?.form === form && (
      <p role="alert" className="error">
        {error.message}
      </p>
    );

  return (
    <div className="other-events">
      <form
        aria-labelledby={`${id}-contact`}
        onSubmit={(e) => {
          e.preventDefault();
          send('contact', contactEvent(role, minutes), 'Contact logged', () => undefined);
        }}
      >
        <h4 id={`${id}-contact`}>Log a contact</h4>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleTitle(r, def.roles ?? [])}
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
        {errorFor('contact')}
        <button type="submit" disabled={props.disabled}>
          Log contact
        </button>
      </form>

      <form
        aria-labelledby={`${id}-override`}
        onSubmit={(e) => {
          e.preventDefault();
          send('override', overrideEvent(to, overrideReason), 'Override', () =>
            setOverrideReason(''),
          );
        }}
      >
        <h4 id={`${id}-override`}>Override (clinical judgement)</h4>
        <div className="field">
          <label htmlFor={`${id}-to`}>Move the patient to</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose a node…</option>
            {def.nodes
              .filter((n) => n.id !== props.currentNode)
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {nodeLabel(n.id, { def })}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-oreason`}>Reason</label>
          <input
            id={`${id}-oreason`}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
          />
        </div>
        {errorFor('override')}
        <button type="submit" disabled={props.disabled}>
          Override
        </button>
      </form>

      <form
        aria-labelledby={`${id}-discharge`}
        onSubmit={(e) => {
          e.preventDefault();
          send('discharge', dischargeEvent(dischargeReason), 'Discharge', () =>
            setDischargeReason(''),
          );
        }}
      >
        <h4 id={`${id}-discharge`}>Discharge</h4>
        <div className="field">
          <label htmlFor={`${id}-dreason`}>Reason for discharge</label>
          <input
            id={`${id}-dreason`}
            value={dischargeReason}
            onChange={(e) => setDischargeReason(e.target.value)}
          />
        </div>
        {errorFor('discharge')}
        <button type="submit" className="danger" disabled={props.disabled}>
          Discharge
        </button>
      </form>
    </div>
  );
}
