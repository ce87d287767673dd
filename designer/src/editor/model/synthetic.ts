import type { Def, PathwayNode, Transition } from './doc.js';

const CYCLE = ['assess', 'decision', 'task', 'wait', 'monitor', 'refer', 'step', 'task'] as const;

/**
 * A valid pathway of `n` nodes (at least 5) for benchmarks and tests, shaped like a large real
 * one: a PHQ-2 screen, a triage decision into up to seven tracks, each a chain through every
 * node kind with branches that skip ahead, a safety route and a shared end. Pure and
 * deterministic: the same `n` always gives the same pathway. It has no layout, so opening it
 * exercises the automatic layout too.
 */
export function syntheticPathway(n: number): Def {
  const count = Math.max(5, Math.floor(n));
  const middle = count - 4;
  const trackCount = Math.min(7, Math.max(1, Math.floor(middle / 40)));
  const end = 'discharged';
  const nodes: PathwayNode[] = [
    { id: 'screen', kind: 'screen', instrument: 'phq2', title: 'PHQ-2 screen' },
    { id: 'triage', kind: 'decision', title: 'Triage by PHQ-2 total' },
    {
      id: 'safety',
      kind: 'task',
      title: 'Same-day safety assessment',
      role: 'pcp',
      priority: 'urgent',
      resolvesSafetyRisk: true,
    },
  ];
  const transitions: Transition[] = [
    { from: 'screen', to: 'triage', label: 'screened' },
    { from: 'safety', to: end, label: 'assessed' },
  ];
  for (let track = 0; track < trackCount; track++) {
    const size = Math.floor(middle / trackCount) + (track < middle % trackCount ? 1 : 0);
    const ids = Array.from(
      { length: size },
      (_, i) => `t${track + 1}-${i + 1}-${CYCLE[i % CYCLE.length]}`,
    );
    transitions.push(
      track === trackCount - 1
        ? { from: 'triage', to: ids[0]!, otherwise: true }
        : {
            from: 'triage',
            to: ids[0]!,
            when: { '==': [{ var: 'phq2.latest' }, track] },
            label: `PHQ-2 = ${track}`,
          },
    );
    ids.forEach((id, i) => {
      const kind = CYCLE[i % CYCLE.length]!;
      const next = ids[i + 1] ?? end;
      const skip = ids[i + 2] ?? end;
      const title = `Track ${track + 1} step ${i + 1}: ${kind}`;
      switch (kind) {
        case 'assess':
          nodes.push({ id, kind, instrument: 'phq9', title });
          transitions.push({ from: id, to: next });
          break;
        case 'decision':
          nodes.push({ id, kind, title });
          transitions.push(
            {
              from: id,
              to: skip,
              when: { '>=': [{ var: 'phq9.latest' }, { var: 'params.threshold' }] },
              label: 'PHQ-9 ≥ threshold',
            },
            { from: id, to: next, otherwise: true },
          );
          break;
        case 'task':
          nodes.push({
            id,
            kind,
            title,
            role: i % 3 ? 'care-manager' : 'behavioral-health-clinician',
            due: { days: 7 },
            ...(i % 2 ? { outcomes: ['done', 'declined'] } : {}),
          });
          transitions.push({ from: id, to: next });
          break;
        case 'wait':
          nodes.push({ id, kind, title, duration: { param: 'followUpDays' } });
          transitions.push({ from: id, to: next });
          break;
        case 'monitor':
          nodes.push({ id, kind, title, instrument: 'phq9', every: { weeks: 2 } });
          transitions.push(
            { from: id, to: next, when: { '<': [{ var: 'phq9.latest' }, 10] }, label: 'below 10' },
            { from: id, to: skip, when: { '>=': [{ var: 'weeksInCare' }, 26] }, label: '26 weeks' },
          );
          break;
        case 'refer':
          nodes.push({ id, kind, title, service: 'Psychiatry', urgency: 'routine' });
          transitions.push({ from: id, to: next });
          break;
        case 'step':
          nodes.push({ id, kind, title, direction: 'up' });
          transitions.push({ from: id, to: next });
          break;
      }
    });
  }
  nodes.push({ id: end, kind: 'end', outcome: 'discharged', title: 'Discharged' });
  return {
    schemaVersion: 1,
    id: `synthetic-${count}`,
    title: `Synthetic pathway (${count} nodes)`,
    description: 'Generated for benchmarks: every node kind, branches, a safety route.',
    instruments: ['phq2', 'phq9'],
    parameters: {
      threshold: {
        type: 'integer',
        default: 10,
        min: 8,
        max: 12,
        unit: 'points',
        description: 'PHQ-9 total at or above which a decision skips ahead',
      },
      followUpDays: {
        type: 'integer',
        default: 14,
        min: 7,
        max: 28,
        unit: 'days',
        description: 'Days a wait node pauses',
      },
      reviewWeek: {
        type: 'integer',
        default: 10,
        min: 8,
        max: 12,
        unit: 'weeks',
        description: 'Week after enrolment when not-improving is judged',
      },
    },
    measure: { instrument: 'phq9', reviewWeek: { param: 'reviewWeek' } },
    safety: { route: 'safety' },
    start: 'screen',
    nodes,
    transitions,
  };
}
