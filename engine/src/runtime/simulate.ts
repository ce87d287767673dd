import { z } from 'zod';
import type { PathwayDefinition } from '../definition/schema.js';
import { zodProblems } from '../definition/zod-problems.js';
import { deriveFlags } from '../facts/flags.js';
import { factsOf, type Facts } from '../facts/view.js';
import { at as pathAt, type Problem } from '../problem.js';
import type { TraceEntry } from './context.js';
import type { Effect } from './effects.js';
import { pathwayEventSchema } from './events.js';
import { timeOrder } from './reduce.js';
import { patientSchema, type InstanceState, type OpenTask, type OpenTimer } from './state.js';
import { start, step } from './step.js';

const clockAdvanceSchema = z
  .object({ type: z.literal('clock.advance'), to: z.iso.datetime({ offset: true }) })
  .strict();

export const simulationScriptSchema = z
  .object({
    start: z.iso.datetime({ offset: true }),
    patient: patientSchema.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    events: z.array(z.union([clockAdvanceSchema, pathwayEventSchema])),
  })
  .strict();
export type SimulationScript = z.infer<typeof simulationScriptSchema>;

/** The simulation output contract (DESIGN.md §6), shared by the CLI and the API. */
export interface SimulationOutput {
  status: InstanceState['status'];
  active: string[];
  outcome: string | null;
  flags: string[];
  facts: Facts;
  effects: Effect[];
  open: { tasks: OpenTask[]; timers: OpenTimer[] };
  trace: TraceEntry[];
}

export type SimulationResult =
  | { ok: true; output: SimulationOutput; snapshot: InstanceState }
  | { ok: false; problems: Problem[] };

/**
 * Runs a script against a pathway: before each event (and at each `clock.advance`), the timers
 * due at or before its time fire in due order, as the server's scheduler would fire them.
 * Parameter overrides come from `params` (or the script's own `params`).
 */
export function simulate(
  def: PathwayDefinition,
  script: unknown,
  params?: unknown,
): SimulationResult {
  const parsed = simulationScriptSchema.safeParse(script);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const { start: startAt, patient, events } = parsed.data;
  const begun = start(def, {
    at: startAt,
    patient: patient ?? {},
    params: (params ?? parsed.data.params ?? {}) as Record<string, unknown>,
  });
  if (!begun.ok) return begun;
  let snapshot = begun.snapshot;
  const effects = [...begun.effects];
  const trace = [...begun.trace];
  let clock = snapshot.clock;

  const apply = (event: unknown, path: string): Problem[] | null => {
    const r = step(def, snapshot, event, clock);
    if (!r.ok) return r.problems.map((p) => ({ ...p, path: p.path.replace(/^\$/, path) }));
    snapshot = r.snapshot;
    effects.push(...r.effects);
    trace.push(...r.trace);
    return null;
  };
  const fireDue = (until: string, path: string): Problem[] | null => {
    for (;;) {
      if (snapshot.status !== 'active') return null;
      const due = snapshot.open.timers
        .filter((t) => Date.parse(t.dueAt) <= Date.parse(until))
        .sort(timeOrder)[0];
      if (!due) return null;
      const failed = apply({ type: 'timer.fired', timer: due.id, at: due.dueAt }, path);
      if (failed) return failed;
    }
  };

  for (const [i, event] of events.entries()) {
    const path = pathAt('$.events', i);
    const when = event.type === 'clock.advance' ? event.to : (event.at ?? clock);
    const failed =
      fireDue(when, path) ??
      (event.type === 'clock.advance' ? null : apply({ ...event, at: when }, path));
    if (failed) return { ok: false, problems: failed };
    if (Date.parse(when) > Date.parse(clock)) clock = new Date(when).toISOString();
  }

  // Flags and facts are read as of the end of the script (a final clock.advance moves "now" on).
  const asOf = {
    ...snapshot,
    clock: Date.parse(clock) > Date.parse(snapshot.clock) ? clock : snapshot.clock,
  };
  const final = { ...asOf, flags: deriveFlags(def, asOf) };
  const view = factsOf(def, final);
  return {
    ok: true,
    snapshot,
    output: {
      status: snapshot.status,
      active: snapshot.status === 'exited' ? [] : [snapshot.node],
      outcome: snapshot.outcome,
      flags: [...final.flags],
      facts: view,
      effects,
      open: { tasks: snapshot.open.tasks, timers: snapshot.open.timers },
      trace,
    },
  };
}
