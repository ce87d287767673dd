import { useId, useState } from 'react';
import {
  isInstrumentId,
  type Answer,
  type InstrumentId,
  type PathwayDefinition,
} from '@care-pathways/engine';
import type { CareApi, EventResult, InstanceView } from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { ContactForm, DischargeForm } from './EventForms.js';
import { InstrumentForm } from './InstrumentForm.js';
import { scoreOptionsFor } from './instrumentForm.js';
import { instrumentName } from './format.js';

type Tab = 'instrument' | 'contact' | 'discharge';

/**
 * Events a clinician records for a patient: an instrument's answers, a contact, a discharge.
 * The server applies them through the engine and says why when it refuses one.
 */
export function InstanceActions(props: {
  care: CareApi;
  instance: InstanceView;
  def: PathwayDefinition | null;
  sex: string | null;
  onDone(what: string): (r: EventResult, def: PathwayDefinition | null) => void;
  /** What the last action did, repeated beside the form that did it. */
  lastDone?: string | null;
}) {
  const { care, instance, def } = props;
  const id = useId();
  const ids = (def?.instruments ?? []).filter(isInstrumentId);
  const awaitedTask = instance.open.tasks.find((t) => t.instrument && isInstrumentId(t.instrument));
  const [tab, setTab] = useState<Tab>('instrument');
  const [instrument, setInstrument] = useState<InstrumentId | null>(
    (awaitedTask?.instrument as InstrumentId | undefined) ?? ids[0] ?? null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ e: unknown; action: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  /** Sends a built event; true when the server accepted it (the form then starts afresh). */
  async function send(event: Record<string, unknown>, what: string, action: string) {
    setSaved(false);
    setBusy(true);
    setError(null);
    try {
      const r = await care.sendEvent(instance.id, event);
      setFormKey((k) => k + 1);
      setSaved(true);
      props.onDone(what)(r, def);
      return true;
    } catch (e) {
      setError({ e, action });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const tabs: [Tab, string][] = [
    ['instrument', 'Instrument'],
    ['contact', 'Contact'],
    ['discharge', 'Discharge'],
  ];

  return (
    <div className="instance-actions">
      <div role="tablist" aria-label="What to record" className="tabs">
        {tabs.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`${id}-tab-${value}`}
            aria-selected={tab === value}
            aria-controls={`${id}-panel`}
            tabIndex={tab === value ? 0 : -1}
            onClick={() => setTab(value)}
            onKeyDown={(e) => {
              const i = tabs.findIndex(([v]) => v === tab);
              const next =
                e.key === 'ArrowRight'
                  ? (i + 1) % tabs.length
                  : e.key === 'ArrowLeft'
                    ? (i + tabs.length - 1) % tabs.length
                    : -1;
              if (next >= 0) {
                setTab(tabs[next]![0]);
                document.getElementById(`${id}-tab-${tabs[next]![0]}`)?.focus();
              }
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
        {tab === 'instrument' &&
          (ids.length === 0 || !instrument ? (
            <p className="muted">This pathway uses no instruments.</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={`${id}-inst`}>Instrument</label>
                <select
                  id={`${id}-inst`}
                  value={instrument}
                  onChange={(e) => setInstrument(e.target.value as InstrumentId)}
                >
                  {ids.map((i) => (
                    <option key={i} value={i}>
                      {instrumentName(i)}
                      {awaitedTask?.instrument === i ? ' (a task is waiting for it)' : ''}
                    </option>
                  ))}
                </select>
              </div>
              <InstrumentForm
                key={`${instrument}:${formKey}`}
                instrument={instrument}
                options={scoreOptionsFor(
                  def,
                  (instance.facts.params ?? {}) as Record<string, unknown>,
                  props.sex,
                  instrument,
                )}
                busy={busy}
                onSubmit={(answers: Answer[]) =>
                  send(
                    { type: 'instrument.completed', instrument, answers },
                    `${instrumentName(instrument)} recorded`,
                    `Recording the ${instrumentName(instrument)}`,
                  ).then(() => undefined)
                }
              />
            </>
          ))}
        {/* Hidden rather than unmounted, so what was typed survives a look at another tab. */}
        <div hidden={tab !== 'contact'}>
          <ContactForm
            def={def}
            withNote
            submitClass="primary"
            disabled={busy}
            onSend={(event) => send(event, 'Contact logged', 'Logging the contact')}
          />
        </div>
        <div hidden={tab !== 'discharge'}>
          <DischargeForm
            hint="Discharge ends this pathway for the patient and cancels all open work. It is audited."
            disabled={busy}
            onSend={(event) => send(event, 'Discharged', 'Discharging')}
          />
        </div>
        {error && <ApiErrorMessage error={error.e} action={error.action} />}
        {saved && props.lastDone && <p className="notice">{props.lastDone}</p>}
      </div>
    </div>
  );
}
