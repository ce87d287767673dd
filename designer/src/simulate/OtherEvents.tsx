import { useId, useState } from 'react';
import type { PathwayDefinition } from '@care-pathways/engine';
import { nodeLabel } from '../care/describe.js';
import { overrideEvent } from '../care/events.js';
import { ContactForm, DischargeForm, EventForm } from '../care/EventForms.js';

/** Events a care team records outside the pathway's own tasks: contacts, overrides, discharge. */
export function OtherEvents(props: {
  def: PathwayDefinition;
  currentNode: string;
  onEvent(event: Record<string, unknown>, label: string): boolean;
  disabled: boolean;
}) {
  const { def } = props;
  return (
    <div className="other-events">
      <ContactForm
        def={def}
        heading
        disabled={props.disabled}
        onSend={(event) => props.onEvent(event, 'Contact logged')}
      />
      <OverrideForm {...props} />
      <DischargeForm
        heading
        disabled={props.disabled}
        onSend={(event) => props.onEvent(event, 'Discharge')}
      />
    </div>
  );
}

/** Moves the patient to another node on clinical judgement (simulation only; it is audited). */
function OverrideForm(props: {
  def: PathwayDefinition;
  currentNode: string;
  onEvent(event: Record<string, unknown>, label: string): boolean;
  disabled: boolean;
}) {
  const { def } = props;
  const id = useId();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  return (
    <EventForm
      name="Override (clinical judgement)"
      heading
      build={() => overrideEvent(to, reason)}
      onSend={(event) => props.onEvent(event, 'Override')}
      onSent={() => setReason('')}
      submit="Override"
      disabled={props.disabled}
    >
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
        <label htmlFor={`${id}-reason`}>Reason</label>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </EventForm>
  );
}
