import { z } from 'zod';
import type { PathwayDefinition } from '../definition/schema.js';
import { zodProblems } from '../definition/zod-problems.js';
import { patientSchema } from '../runtime/state.js';
import { simulate, type SimulationOutput } from '../runtime/simulate.js';
import type { Problem } from '../problem.js';

/**
 * Scenario tables: synthetic patients written the way a clinician states them ("PHQ-2 of 4 on day
 * 0, PHQ-9 of 16 …") with the expected flags, active node, effects by role and priority, and
 * outcome. Times are days after the start, so tables read as a timeline.
 */
const partial = z.record(z.string(), z.unknown());
const timedEvent = z
  .object({ day: z.number().min(0), hour: z.number().min(0).max(24).optional() })
  .passthrough();

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    /** Why this scenario exists: the rule it proves, with its source. */
    rule: z.string().optional(),
    overlay: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    patient: patientSchema.optional(),
    events: z.array(timedEvent),
    expect: z
      .object({
        status: z.enum(['active', 'completed', 'exited']).optional(),
        active: z.array(z.string()).optional(),
        outcome: z.string().nullable().optional(),
        /** The exact set of flags at the end. */
        flags: z.array(z.string()).optional(),
        visited: z.array(z.string()).optional(),
        notVisited: z.array(z.string()).optional(),
        /** Each must match at least one effect (fields compared as given). */
        effects: z.array(partial).optional(),
        /** None may match any effect. */
        noEffects: z.array(partial).optional(),
        openTasks: z.array(partial).optional(),
        facts: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioFileSchema = z
  .object({ $schema: z.string().optional(), scenarios: z.array(scenarioSchema).min(1) })
  .strict();
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export const overlaySchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    params: z.record(z.string(), z.unknown()),
  })
  .strict();
export type Overlay = z.infer<typeof overlaySchema>;

export const SCENARIO_START = '2026-01-05T09:00:00.000Z';

export function parseScenarioFile(
  value: unknown,
): { ok: true; value: ScenarioFile } | { ok: false; problems: Problem[] } {
  const r = scenarioFileSchema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: zodProblems(r.error) };
}

const dayToIso = (day: number, hour = 0) =>
  new Date(Date.parse(SCENARIO_START) + (day * 24 + hour) * 3_600_000).toISOString();

/** The simulation script a scenario stands for. */
export function scenarioScript(s: Scenario) {
  return {
    start: SCENARIO_START,
    patient: s.patient ?? {},
    events: s.events.map(({ day, hour, ...e }) =>
      e.type === 'clock.advance'
        ? { type: 'clock.advance', to: dayToIso(day, hour) }
        : { ...e, at: dayToIso(day, hour) },
    ),
  };
}

const matches = (actual: unknown, expected: Record<string, unknown>) =>
  Object.entries(expected).every(
    ([k, v]) => JSON.stringify((actual as Record<string, unknown>)[k]) === JSON.stringify(v),
  );

const dotted = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

export interface ScenarioResult {
  name: string;
  passed: boolean;
  failures: string[];
  output?: SimulationOutput;
}

/** Runs one scenario; every mismatch is reported in words. */
export function runScenario(
  def: PathwayDefinition,
  s: Scenario,
  overlays: Record<string, Overlay> = {},
): ScenarioResult {
  const failures: string[] = [];
  let params = s.params ?? {};
  if (s.overlay) {
    const o = overlays[s.overlay];
    if (!o) return { name: s.name, passed: false, failures: [`unknown overlay "${s.overlay}"`] };
    params = { ...o.params, ...params };
  }
  const r = simulate(def, scenarioScript(s), params);
  if (!r.ok)
    return {
      name: s.name,
      passed: false,
      failures: r.problems.map((p) => `${p.code} at ${p.path}: ${p.message}`),
    };
  const out = r.output;
  const e = s.expect;
  const eq = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      failures.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  if (e.status !== undefined) eq('status', out.status, e.status);
  if (e.active !== undefined) eq('active', out.active, e.active);
  if (e.outcome !== undefined) eq('outcome', out.outcome, e.outcome);
  if (e.flags !== undefined) eq('flags', [...out.flags].sort(), [...e.flags].sort());
  const visited = new Set([...out.trace.map((t) => t.to), ...out.trace.map((t) => t.from)]);
  for (const n of e.visited ?? [])
    if (!visited.has(n))
      failures.push(`expected to pass through "${n}" (path: ${[...visited].join(' → ')})`);
  for (const n of e.notVisited ?? [])
    if (visited.has(n)) failures.push(`expected never to reach "${n}"`);
  for (const m of e.effects ?? [])
    if (!out.effects.some((x) => matches(x, m)))
      failures.push(`expected an effect like ${JSON.stringify(m)}`);
  for (const m of e.noEffects ?? []) {
    const hit = out.effects.find((x) => matches(x, m));
    if (hit)
      failures.push(`expected no effect like ${JSON.stringify(m)}, got ${JSON.stringify(hit)}`);
  }
  for (const m of e.openTasks ?? [])
    if (!out.open.tasks.some((x) => matches(x, m)))
      failures.push(
        `expected an open task like ${JSON.stringify(m)} (open: ${JSON.stringify(out.open.tasks.map((t) => t.node))})`,
      );
  for (const [path, v] of Object.entries(e.facts ?? {}))
    eq(`fact ${path}`, dotted(out.facts, path), v);
  return { name: s.name, passed: failures.length === 0, failures, output: out };
}
