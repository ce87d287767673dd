import { useId, useState } from 'react';
import {
  BUILT_IN_ROLES,
  isInstrumentId,
  type Answer,
  type InstrumentId,
  type PathwayDefinition,
} from '@care-pathways/engine';
import { contactEvent, dischargeEvent, type Built } from '../simulate/events.js';
import type { CareApi, EventResult, InstanceView } from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { InstrumentForm } from './InstrumentForm.js';
import { scoreOptionsFor } from './instrumentForm.js';
import { instrumentName, roleTitle } from './format.js';

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
  const [role, setRole] = useState('care-manager');
  const [minutes, setMinutes] = useState('20');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  async function send(built: Built, what: string, action: string) {
    setSaved(false);
    if (!built.ok) return setFormError(built.message);
    setFormError(null);
    setBusy(true);
    setError(null);
    try {
      const r = await care.sendEvent(instance.id, built.event);
      setNote('');
      setReason('');
      setFormKey((k) => k + 1);
      setSaved(true);
      props.onDone(what)(r, def);
    } catch (e) {
      setError({ e, action });
    } finally {
      setBusy(false);
    }
  }

  const roles = [...BUILT_IN_ROLES, ...(def?.roles ?? []).map((r) => r.id)];
  const tabs: [Tab, string][] = [
    ['instrument', 'Instrument'],
    ['contact', 'Contact'],
    ['discharge', 'Discharge'],
  ];
  const err = error as { e: unknown; action: string } | null;

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
                    { ok: true, event: { type: 'instrument.completed', instrument, answers } },
                    `${instrumentName(instrument)} recorded`,
                    `Recording the ${instrumentName(instrument)}`,
                  )
                }
              />
            </>
          ))}
        {tab === 'contact' && (
          <form
            aria-label="Log a contact"
            onSubmit={(e) => {
              e.preventDefault();
              void send(contactEvent(role, minutes, note), 'Contact logged', 'Logging the contact');
            }}
          >
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-role`}>Role</label>
                <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {roleTitle(r, def?.roles ?? [])}
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
            <div className="field">
              <label htmlFor={`${id}-note`}>Note (optional)</label>
              <textarea
                id={`${id}-note`}
                rows={2}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
            <button type="submit" className="primary" disabled={busy}>
              Log contact
            </button>
          </form>
        )}
        {tab === 'discharge' && (
          <form
            aria-label="Discharge"
            onSubmit={(e) => {
              e.preventDefault();
              void send(dischargeEvent(reason), 'Discharged', 'Discharging');
            }}
          >
            <p className="hint">
              Discharge ends this pathway for the patient and cancels all open work. It is audited.
            </p>
            <div className="field">
              <label htmlFor={`${id}-reason`}>Reason for discharge</label>
              <input
                id={`${id}-reason`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <button type="submit" className="danger" disabled={busy}>
              Discharge
            </button>
          </form>
        )}
        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        {err && <ApiErrorMessage error={err.e} action={err.action} />}
        {saved && props.lastDone && <p className="notice">{props.lastDone}</p>}
      </div>
    </div>
  );
}
