import { useEffect, useMemo, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import {
  type Answer,
  type compile,
  type InstanceState,
  type InstrumentId,
  type PathwayDefinition,
  type Problem,
} from '@care-pathways/engine';
import { EventList, type EventEntry } from '../care/EventList.js';
import { FactsView } from '../care/FactsView.js';
import { describeEvent, describeTrace, EXITED_NODE, nodeLabel } from '../care/describe.js';
import { formatDateTime, humanize } from '../care/format.js';
import { scoreOptionsFor } from '../care/instrumentForm.js';
import { ClockControls } from './ClockControls.js';
import {
  drive,
  fireDue,
  replayScript,
  type Applied,
  type MachineHandle,
  type ScriptItem,
  type Setup,
} from './driver.js';
import { InstrumentEntry } from './InstrumentEntry.js';
import { appendApplied, asOf, progressOf, startEntry, type LogEntry } from './log.js';
import { OpenWork } from './OpenWork.js';
import { OtherEvents } from './OtherEvents.js';
import type { SimulationProgress } from './SimulationPanel.js';
import { StatusSummary } from './StatusSummary.js';

type Machine = ReturnType<typeof compile>;

/**
 * The machine's snapshot at a stored state, entered without running entry actions again (the
 * machine's `input: { state }` would re-enter the start node).
 */
function restore(machine: Machine, state: InstanceState) {
  return machine.resolveState({
    value: state.status === 'exited' ? EXITED_NODE : state.node,
    context: { state, effects: [], trace: [], cause: 'restore' },
  });
}

interface Refusal {
  label: string;
  problems: Problem[];
}

/**
 * One simulated patient on one version of the pathway: an XState actor of the compiled machine,
 * driven by the clock and by the user's events (each checked by the engine's `step()` first).
 */
export function SimulationRun(props: {
  def: PathwayDefinition;
  params: Record<string, unknown>;
  machine: Machine;
  setup: Setup;
  initialScript: readonly ScriptItem[];
  onScript(script: ScriptItem[]): void;
  onProgress(progress: SimulationProgress): void;
  onReset(): void;
  onNewPatient(): void;
}) {
  const { def, setup } = props;
  // Replay what the user did on an earlier version of the pathway (or nothing, for a new patient).
  const [boot] = useState(() =>
    props.initialScript.length ? replayScript(def, props.params, setup, props.initialScript) : null,
  );
  const replayed = boot?.ok ? boot.replayed : null;
  const actor = useActorRef(
    props.machine,
    replayed
      ? { snapshot: restore(props.machine, replayed.state), input: { state: replayed.state } }
      : { input: { at: setup.at, patient: setup.patient } },
  );
  const state = useSelector(actor, (s) => s.context.state);

  const [now, setNow] = useState(() => replayed?.now ?? state.clock);
  const [log, setLog] = useState<LogEntry[]>(() => {
    if (replayed)
      return appendApplied(
        [startEntry(setup.at, setup.patient, replayed.start.effects, replayed.start.trace)],
        replayed.applied,
      );
    const ctx = actor.getSnapshot().context;
    return [startEntry(setup.at, setup.patient, ctx.effects, ctx.trace)];
  });
  const script = useRef<ScriptItem[]>(
    replayed?.stopped
      ? props.initialScript.slice(0, replayed.stopped.index)
      : [...props.initialScript],
  );
  const [notice, setNotice] = useState<string | null>(() => {
    if (!props.initialScript.length) return null;
    if (!replayed) return 'The pathway changed; the patient was started again.';
    if (replayed.stopped)
      return `The pathway changed. Your actions were replayed up to action ${replayed.stopped.index + 1} of ${props.initialScript.length}, which the new version refuses: ${replayed.stopped.problems.map((p) => p.message).join('; ')}`;
    return `The pathway changed; your ${props.initialScript.length} action${props.initialScript.length === 1 ? ' was' : 's were'} replayed on the new version.`;
  });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [chosen, setChosen] = useState<InstrumentId | null>(null);
  const instrumentRef = useRef<HTMLDetailsElement>(null);

  const handle = useMemo<MachineHandle>(
    () => ({ state: () => actor.getSnapshot().context.state, send: (e) => actor.send(e) }),
    [actor],
  );

  // Once, on mount: tell the panel which actions survived the replay (onScript is a state setter).
  useEffect(() => {
    if (script.current.length !== props.initialScript.length) props.onScript(script.current);
  }, []);

  const view = useMemo(() => asOf(def, state, now), [def, state, now]);
  const progress = useMemo(() => progressOf(state, log), [state, log]);
  const progressKey = JSON.stringify(progress);
  const { onProgress } = props;
  // progressKey stands for progress: the editor hears of real changes only.
  useEffect(() => {
    onProgress(progress);
  }, [progressKey]);

  const node = def.nodes.find((n) => n.id === state.node);
  const awaited =
    state.status === 'active' &&
    node &&
    (node.kind === 'screen' || node.kind === 'assess' || node.kind === 'monitor')
      ? node.instrument
      : null;
  const selected = chosen ?? awaited ?? def.instruments[0] ?? null;

  function record(item: ScriptItem) {
    script.current = [...script.current, item];
    props.onScript(script.current);
  }

  function took(applied: Applied[]) {
    if (applied.length) setLog((l) => appendApplied(l, applied));
  }

  function act(event: Record<string, unknown>, label: string): boolean {
    const r = drive(def, handle, event, now);
    took(r.applied);
    if (!r.ok) {
      setRefusal({ label, problems: r.problems });
      setNotice(null);
      return false;
    }
    setRefusal(null);
    record({ kind: 'event', event, at: now });
    const last = r.applied[r.applied.length - 1]!;
    const moves = last.trace.filter((t) => t.why !== 'recorded');
    setNotice(
      `${describeEvent(last.event as Record<string, unknown>, { def }).title}. ${
        moves.length
          ? moves.map((t) => describeTrace(t, { def })).join('; ') + '.'
          : `The patient stays at ${nodeLabel(handle.state().node, { def })}.`
      }`,
    );
    setChosen(null);
    return true;
  }

  function advance(to: string) {
    const r = fireDue(def, handle, to);
    took(r.applied);
    if (!r.ok) return setRefusal({ label: 'A timer', problems: r.problems });
    setRefusal(null);
    setNow(to);
    record({ kind: 'advance', to });
    const moves = r.applied.flatMap((a) => a.trace).filter((t) => t.why !== 'recorded');
    setNotice(
      `Clock moved to ${formatDateTime(to)}. ${
        r.applied.length
          ? `${r.applied.length} timer${r.applied.length === 1 ? '' : 's'} came due${moves.length ? `: ${moves.map((t) => describeTrace(t, { def })).join('; ')}` : ''}.`
          : 'No timers came due.'
      }`,
    );
  }

  const disagreements = log.filter((e) => !e.agrees);
  const entries: EventEntry[] = log.map((e) => ({
    key: e.seq,
    at: e.at,
    event: e.event,
    effects: e.effects,
    trace: e.trace,
    ...(e.agrees
      ? {}
      : { warning: 'Internal check failed: the compiled machine and step() disagree here.' }),
  }));
  const active = state.status === 'active';
  const patientWords = [
    setup.patient.age !== undefined ? `${setup.patient.age} years` : null,
    setup.patient.sex ? humanize(setup.patient.sex).toLowerCase() : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div className="sim-run">
      <header className="sim-head">
        <h2 className="sim-title">Simulated patient</h2>
        <p className="muted">
          {patientWords || 'No age or sex recorded'} · started {formatDateTime(setup.at)}
        </p>
        <div className="button-row">
          <button type="button" onClick={props.onReset}>
            Reset patient
          </button>
          <button type="button" onClick={props.onNewPatient}>
            New patient…
          </button>
        </div>
      </header>

      <StatusSummary def={def} state={state} flags={view.state.flags} start={setup.at} now={now} />

      <div className="sim-messages">
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        {refusal && (
          <div role="alert" className="alert alert-refusal">
            <strong>Refused: {refusal.label}.</strong> Nothing changed.
            <ul>
              {refusal.problems.map((p, i) => (
                <li key={i}>
                  {p.message} <code className="code">{p.code}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        {disagreements.length > 0 && (
          <p role="alert" className="alert alert-urgent">
            The compiled machine and the engine&apos;s step() disagreed on {disagreements.length}{' '}
            event{disagreements.length === 1 ? '' : 's'}; please report this pathway.
          </p>
        )}
      </div>

      <ClockControls def={def} state={state} now={now} onAdvance={advance} />

      {active ? (
        <>
          <OpenWork
            def={def}
            state={state}
            now={now}
            onCompleteTask={(task, outcome, note) =>
              act(
                {
                  type: 'task.completed',
                  task,
                  ...(outcome ? { outcome } : {}),
                  ...(note ? { note } : {}),
                },
                'Complete task',
              )
            }
            onReferral={(referral, status) =>
              act({ type: 'referral.updated', referral, status }, `Referral ${status}`)
            }
            onRecordInstrument={(id) => {
              setChosen(id);
              if (instrumentRef.current) instrumentRef.current.open = true;
              instrumentRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
              instrumentRef.current?.querySelector<HTMLElement>('select')?.focus();
            }}
          />
          {selected && (
            <details
              className="sim-section"
              ref={instrumentRef}
              open={awaited !== null || chosen !== null}
            >
              <summary>
                <h3>Record an instrument{awaited ? '' : ' (none awaited now)'}</h3>
              </summary>
              <InstrumentEntry
                ids={def.instruments}
                selected={selected}
                awaited={awaited}
                options={scoreOptionsFor(def, state.params, state.patient.sex, selected)}
                formKey={String(log.length)}
                onSelect={setChosen}
                onRecord={(id: InstrumentId, answers: Answer[]) =>
                  act(
                    { type: 'instrument.completed', instrument: id, answers },
                    `Record ${id.toUpperCase()}`,
                  )
                }
              />
            </details>
          )}
          <details className="sim-section">
            <summary>
              <h3>Contacts, override, discharge</h3>
            </summary>
            <OtherEvents def={def} currentNode={state.node} onEvent={act} disabled={false} />
          </details>
        </>
      ) : (
        <p className="notice">
          The pathway has {state.status === 'completed' ? 'completed' : 'been exited'}
          {state.outcome ? ` with outcome “${humanize(state.outcome)}”` : ''}. Reset the patient to
          try another route.
        </p>
      )}

      <details className="sim-section" open>
        <summary>
          <h3>Facts</h3>
        </summary>
        <FactsView facts={view.facts} def={def} />
      </details>

      <details className="sim-section" open>
        <summary>
          <h3>
            What happened ({log.length} event{log.length === 1 ? '' : 's'})
          </h3>
        </summary>
        <EventList
          entries={entries}
          ctx={{ def, sex: setup.patient.sex ?? null }}
          since={setup.at}
          label="Events and their effects, oldest first"
        />
      </details>

      <details className="sim-section">
        <summary>
          <h3>Trace</h3>
        </summary>
        <ol className="trace" aria-label="Trace">
          {log.flatMap((e) =>
            e.trace.map((t, i) => (
              <li key={`${e.seq}-${i}`}>
                <time dateTime={t.at}>{formatDateTime(t.at)}</time> <code>{t.from}</code> →{' '}
                <code>{t.to}</code> <span className="muted">({t.event})</span> — {t.why}
              </li>
            )),
          )}
        </ol>
      </details>
    </div>
  );
}
