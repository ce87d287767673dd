import { useEffect, useMemo, useRef, useState } from 'react';
import {
  compile,
  PathwayError,
  start,
  type PathwayDefinition,
  type Problem,
} from '@care-pathways/engine';
import { contentKey } from './contentKey.js';
import type { ScriptItem, Setup } from './driver.js';
import { PatientSetup } from './PatientSetup.js';
import { SimulationRun } from './SimulationRun.js';

/**
 * The contract between the editor and the simulator. The editor renders this panel beside the
 * canvas and lights up what `onProgress` reports.
 */
export interface SimulationProgress {
  status: 'active' | 'completed' | 'exited';
  /** Node ids the simulated patient is at. */
  active: string[];
  /** Transitions the patient has taken, as "from→to". */
  taken: string[];
}

export interface SimulationPanelProps {
  /** A valid definition (the editor only offers simulation when the draft validates). */
  definition: PathwayDefinition;
  /** Parameter values to simulate with (defaults when omitted). */
  params?: Record<string, number | boolean>;
  onProgress(progress: SimulationProgress): void;
}

const IDLE: SimulationProgress = { status: 'active', active: [], taken: [] };

/**
 * A synthetic patient walked through the pathway by a clinical lead: the compiled machine runs in
 * the browser; every event is checked by the engine first, so refusals come with its reason.
 * When the pathway or its parameters change, the same actions are replayed on the new version.
 */
export function SimulationPanel({ definition, params, onProgress }: SimulationPanelProps) {
  const key = contentKey(definition, params);
  const compiled = useMemo(() => {
    try {
      return { ok: true as const, machine: compile(definition, params ?? {}), def: definition };
    } catch (e) {
      const problems: Problem[] =
        e instanceof PathwayError
          ? e.problems
          : [{ code: 'compile', path: '$', message: String(e), severity: 'error' } as Problem];
      return { ok: false as const, problems };
    }
    // `key` stands for the definition's content and the parameters: recompile only when they change.
  }, [key]);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [script, setScript] = useState<ScriptItem[]>([]);
  const [runs, setRuns] = useState(0);
  const [setupProblems, setSetupProblems] = useState<Problem[]>([]);

  // Keep the editor's latest callback without restarting anything when it changes identity.
  const report = useRef(onProgress);
  report.current = onProgress;
  useEffect(() => {
    if (!setup) report.current(IDLE);
  }, [setup]);

  if (!compiled.ok)
    return (
      <section className="sim" aria-label="Simulation">
        <h2 className="sim-title">Simulate a patient</h2>
        <div role="alert" className="alert alert-urgent">
          <p>This pathway cannot be simulated with these parameters:</p>
          <ul>
            {compiled.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      </section>
    );

  if (!setup)
    return (
      <section className="sim" aria-label="Simulation">
        <h2 className="sim-title">Simulate a patient</h2>
        <PatientSetup
          problems={setupProblems}
          onStart={(s) => {
            const r = start(compiled.def, { at: s.at, patient: s.patient, params: params ?? {} });
            if (!r.ok) return setSetupProblems(r.problems);
            setSetupProblems([]);
            setScript([]);
            setSetup(s);
          }}
        />
      </section>
    );

  return (
    <section className="sim" aria-label="Simulation">
      <SimulationRun
        key={`${key}#${runs}`}
        def={compiled.def}
        params={params ?? {}}
        machine={compiled.machine}
        setup={setup}
        initialScript={script}
        onScript={setScript}
        onProgress={(p) => report.current(p)}
        onReset={() => {
          setScript([]);
          setRuns((n) => n + 1);
        }}
        onNewPatient={() => setSetup(null)}
      />
    </section>
  );
}
