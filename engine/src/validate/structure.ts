import { checkValue } from '../definition/parameters.js';
import {
  BUILT_IN_ROLES,
  DEFAULT_STEPS,
  type Duration,
  type PathwayDefinition,
} from '../definition/schema.js';
import { instruments } from '../instruments/index.js';
import { at, error, warning, type Problem } from '../problem.js';

const TIME_UNITS = new Set(['hours', 'days', 'weeks']);

/** References between parts of the definition: ids, instruments, roles, parameters. */
export function checkStructure(def: PathwayDefinition): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  def.nodes.forEach((n, i) => {
    if (ids.has(n.id))
      problems.push(
        error(
          'node.duplicate-id',
          at(at('$.nodes', i), 'id'),
          `node id "${n.id}" is used more than once`,
        ),
      );
    ids.add(n.id);
  });
  const known = (id: string) => ids.has(id);
  if (!known(def.start))
    problems.push(
      error('start.unknown-node', '$.start', `start node "${def.start}" does not exist`),
    );
  if (def.safety && !known(def.safety.route))
    problems.push(
      error(
        'safety.unknown-node',
        '$.safety.route',
        `safety route "${def.safety.route}" is not a node`,
      ),
    );
  def.transitions.forEach((t, i) => {
    const p = at('$.transitions', i);
    if (!known(t.from))
      problems.push(error('transition.unknown-node', at(p, 'from'), `"${t.from}" is not a node`));
    if (!known(t.to))
      problems.push(error('transition.unknown-node', at(p, 'to'), `"${t.to}" is not a node`));
  });
  for (const key of Object.keys(def.layout ?? {})) {
    if (!known(key))
      problems.push(
        warning(
          'layout.unknown-node',
          at('$.layout', key),
          `layout position for "${key}", which is not a node`,
        ),
      );
  }

  // Parameters: sane bounds and defaults.
  for (const [name, p] of Object.entries(def.parameters)) {
    const path = at('$.parameters', name);
    if (p.min !== undefined && p.max !== undefined && p.min > p.max)
      problems.push(
        error(
          'param.bounds-inverted',
          at(path, 'min'),
          `${name}: min ${p.min} is above max ${p.max}`,
        ),
      );
    else {
      const bad = checkValue(name, p, p.default, at(path, 'default'));
      if (bad)
        problems.push({
          ...bad,
          code:
            bad.code === 'param.out-of-bounds'
              ? 'param.default-out-of-bounds'
              : 'param.default-type',
        });
    }
    if (p.type !== 'boolean' && (p.min === undefined || p.max === undefined)) {
      problems.push(
        warning(
          'param.unbounded',
          path,
          `${name} has no ${p.min === undefined ? 'min' : 'max'}: a practice could tailor it to any value`,
        ),
      );
    }
  }
  const checkParam = (name: string, path: string, purpose: string, needTime = false) => {
    const p = def.parameters[name];
    if (!p)
      problems.push(
        error(
          'param.undeclared',
          path,
          `${purpose} uses parameter "${name}", which is not declared in "parameters"`,
        ),
      );
    else if (needTime && !TIME_UNITS.has(p.unit ?? ''))
      problems.push(
        error(
          'duration.param-not-time',
          path,
          `${purpose} uses "${name}", whose unit is ${p.unit ?? 'not set'}; a duration parameter needs unit hours, days or weeks`,
        ),
      );
    else if (p.type === 'boolean')
      problems.push(
        error('param.type', path, `${purpose} needs a number, but "${name}" is a boolean`),
      );
  };
  const checkDuration = (d: Duration | undefined, path: string, purpose: string) => {
    if (d?.param !== undefined) checkParam(d.param, at(path, 'param'), purpose, true);
  };

  // Nodes: instruments declared, roles known, durations, steps.
  const roles = new Set<string>([...BUILT_IN_ROLES, ...(def.roles ?? []).map((r) => r.id)]);
  const used = new Set<string>();
  const steps = def.steps ?? DEFAULT_STEPS;
  if (!(steps.min <= steps.initial && steps.initial <= steps.max))
    problems.push(
      error(
        'steps.invalid',
        '$.steps',
        `steps need min ≤ initial ≤ max (got ${steps.min}, ${steps.initial}, ${steps.max})`,
      ),
    );
  def.nodes.forEach((n, i) => {
    const p = at('$.nodes', i);
    if ('instrument' in n) {
      used.add(n.instrument);
      if (!def.instruments.includes(n.instrument))
        problems.push(
          error(
            'instrument.not-declared',
            at(p, 'instrument'),
            `node "${n.id}" administers ${instruments[n.instrument].shortTitle}, which is not listed in "instruments"`,
          ),
        );
    }
    if ('role' in n && n.role !== undefined && !roles.has(n.role)) {
      problems.push(
        error(
          'role.unknown',
          at(p, 'role'),
          `"${n.role}" is not a care-team role (built in: ${BUILT_IN_ROLES.join(', ')}; add others under "roles")`,
        ),
      );
    }
    if ('due' in n) checkDuration(n.due, at(p, 'due'), `node "${n.id}"`);
    if (n.kind === 'refer' && n.advanceOn) {
      const missing = (['declined', 'completed', 'no-show'] as const).filter(
        (st) => !n.advanceOn!.includes(st),
      );
      if (missing.length)
        problems.push(
          error(
            'refer.unhandled-status',
            at(p, 'advanceOn'),
            `a referral that is ${missing.join(' or ')} is closed, so "${n.id}" must move on then too; add ${missing.map((m) => `"${m}"`).join(', ')} to advanceOn`,
          ),
        );
    }
    if (n.kind === 'wait') checkDuration(n.duration, at(p, 'duration'), `node "${n.id}"`);
    if (n.kind === 'monitor') checkDuration(n.every, at(p, 'every'), `node "${n.id}"`);
    if (n.kind === 'step') {
      if (n.direction === 'set' && n.level === undefined)
        problems.push(
          error(
            'step.level-required',
            at(p, 'level'),
            `step "${n.id}" sets the level, so it needs "level"`,
          ),
        );
      if (n.level !== undefined && (n.level < steps.min || n.level > steps.max))
        problems.push(
          error(
            'step.level-out-of-range',
            at(p, 'level'),
            `level ${n.level} is outside the pathway's steps ${steps.min}–${steps.max}`,
          ),
        );
    }
  });
  def.instruments.forEach((id, i) => {
    if (!used.has(id))
      problems.push(
        warning(
          'instrument.unused',
          at('$.instruments', i),
          `${instruments[id].shortTitle} is listed but no node administers it (scores can still be recorded)`,
        ),
      );
  });

  // Scoring thresholds: only where the instrument has one, and within its tailorable range.
  for (const [id, s] of Object.entries(def.scoring ?? {})) {
    const path = at(at('$.scoring', id), 'threshold');
    const inst = instruments[id as keyof typeof instruments];
    if (!def.instruments.includes(inst.id))
      problems.push(
        error(
          'instrument.not-declared',
          at('$.scoring', id),
          `${inst.shortTitle} is tailored here but not listed in "instruments"`,
        ),
      );
    const range = inst.threshold;
    if (!range) {
      problems.push(
        error(
          'scoring.no-threshold',
          path,
          `${inst.shortTitle} has no tailorable positive threshold`,
        ),
      );
      continue;
    }
    const check = (v: number | undefined, what: string) => {
      if (v !== undefined && (v < range.min || v > range.max))
        problems.push(
          error(
            'scoring.threshold-out-of-range',
            path,
            `${what} ${v} is outside the ${inst.shortTitle} thresholds supported by the evidence (${range.min}–${range.max}: ${range.note})`,
          ),
        );
    };
    if (typeof s.threshold === 'number') check(s.threshold, 'threshold');
    else {
      checkParam(s.threshold.param, at(path, 'param'), `${inst.shortTitle} threshold`);
      const p = def.parameters[s.threshold.param];
      if (p) {
        check(p.min, `parameter ${s.threshold.param} min`);
        check(p.max, `parameter ${s.threshold.param} max`);
        check(
          typeof p.default === 'number' ? p.default : undefined,
          `parameter ${s.threshold.param} default`,
        );
      }
    }
  }

  if (def.measure) {
    const inst = instruments[def.measure.instrument];
    if (!def.instruments.includes(inst.id))
      problems.push(
        error(
          'instrument.not-declared',
          '$.measure.instrument',
          `the measure ${inst.shortTitle} is not listed in "instruments"`,
        ),
      );
    if (inst.remissionBelow === undefined)
      problems.push(
        warning(
          'measure.no-remission',
          '$.measure.instrument',
          `${inst.shortTitle} has no remission cut-off, so the remission flag will never be set`,
        ),
      );
    const rw = def.measure.reviewWeek;
    if (typeof rw !== 'number')
      checkParam(rw.param, '$.measure.reviewWeek.param', 'the review week');
  }

  // Safety by construction: critical items need a route (DESIGN.md §3).
  const critical = def.instruments.filter((id) => instruments[id].hasCriticalItems);
  if (critical.length && !def.safety) {
    problems.push(
      error(
        'safety.no-route',
        '$.safety',
        `this pathway uses ${critical.map((id) => instruments[id].shortTitle).join(', ')}, which ${critical.length > 1 ? 'have' : 'has'} critical (suicide-risk) items; add "safety": { "route": "<node id>" } to say where a patient goes when one is positive`,
      ),
    );
  }
  if (def.safety && !def.nodes.some((n) => n.kind === 'task' && n.resolvesSafetyRisk)) {
    problems.push(
      warning(
        'safety.never-resolved',
        '$.safety',
        'no task has "resolvesSafetyRisk": true, so the safety-risk flag stays set for the rest of the episode',
      ),
    );
  }
  return problems;
}
