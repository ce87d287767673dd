import type { PathwayDefinition, PathwayNode } from '../definition/schema.js';
import { at, error, warning, type Problem } from '../problem.js';

const EVENTLESS = new Set<PathwayNode['kind']>(['decision', 'step']);

/** The shape of the graph: every patient can move on, reach a node, and never spin without waiting. */
export function checkGraph(def: PathwayDefinition): Problem[] {
  const problems: Problem[] = [];
  const nodeIndex = new Map(def.nodes.map((n, i) => [n.id, i]));
  const out = new Map<string, { t: PathwayDefinition['transitions'][number]; i: number }[]>();
  def.transitions.forEach((t, i) => out.set(t.from, [...(out.get(t.from) ?? []), { t, i }]));
  const nodePath = (id: string) => at('$.nodes', nodeIndex.get(id) ?? 0);

  for (const n of def.nodes) {
    const edges = out.get(n.id) ?? [];
    const p = nodePath(n.id);
    if (n.kind === 'end') {
      for (const { i } of edges)
        problems.push(
          error(
            'transition.from-end',
            at('$.transitions', i),
            `"${n.id}" is an end node; nothing can follow it`,
          ),
        );
      continue;
    }
    if (edges.length === 0) {
      problems.push(
        error(
          'node.dead-end',
          p,
          `"${n.id}" has no way out: add a transition from it, or make it an end node`,
        ),
      );
      continue;
    }
    const fallbacks = edges.filter(({ t }) => t.when === undefined);
    if (n.kind === 'decision' && !edges.some(({ t }) => t.otherwise)) {
      problems.push(
        error(
          'decision.no-otherwise',
          p,
          `decision "${n.id}" needs an "otherwise": true branch for patients who match none of its conditions`,
        ),
      );
    } else if (fallbacks.length === 0 && n.kind !== 'monitor') {
      problems.push(
        error(
          'node.no-fallback',
          p,
          `"${n.id}" has only conditional transitions: a patient who matches none would wait here with nothing open; add one with "otherwise": true`,
        ),
      );
    }
    // A monitor's fallback is taken at the very next score or follow-up, so "keep monitoring
    // until a condition holds" turns into "leave at the next follow-up" (authoring.md, monitor).
    if (n.kind === 'monitor') {
      for (const { t, i } of fallbacks)
        problems.push(
          warning(
            'monitor.otherwise-ends',
            at('$.transitions', i),
            `monitor "${n.id}" has an ${t.otherwise ? 'otherwise' : 'unconditional'} transition to "${t.to}": it leaves monitoring at its next follow-up whatever the score; give it a condition to keep monitoring until that condition holds`,
          ),
        );
    }
    if (fallbacks.length > 1) {
      for (const { i } of fallbacks.slice(1))
        problems.push(
          error(
            'transition.multiple-otherwise',
            at('$.transitions', i),
            `"${n.id}" already has an unconditional/otherwise transition; only one can apply`,
          ),
        );
    }
  }

  // Reachability from the start (and the safety route, which any critical item can enter).
  const reach = (roots: string[], next: (id: string) => string[]) => {
    const seen = new Set<string>();
    const stack = roots.filter((r) => nodeIndex.has(r));
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...next(id).filter((x) => nodeIndex.has(x)));
    }
    return seen;
  };
  const forward = reach([def.start, ...(def.safety ? [def.safety.route] : [])], (id) =>
    (out.get(id) ?? []).map(({ t }) => t.to),
  );
  for (const n of def.nodes) {
    if (!forward.has(n.id))
      problems.push(
        error(
          'node.unreachable',
          nodePath(n.id),
          `no patient can reach "${n.id}" from the start "${def.start}"`,
        ),
      );
  }
  const incoming = new Map<string, string[]>();
  for (const t of def.transitions) incoming.set(t.to, [...(incoming.get(t.to) ?? []), t.from]);
  const finishing = reach(
    def.nodes.filter((n) => n.kind === 'end').map((n) => n.id),
    (id) => incoming.get(id) ?? [],
  );
  for (const n of def.nodes) {
    if (forward.has(n.id) && !finishing.has(n.id) && (out.get(n.id)?.length ?? 0) > 0) {
      problems.push(
        warning(
          'node.cannot-finish',
          nodePath(n.id),
          `from "${n.id}" no end node can be reached; the episode ends only by discharge`,
        ),
      );
    }
  }

  // Livelock: a cycle of decision/step nodes runs forever without waiting for the outside world.
  for (const cycle of eventlessCycles(def, out)) {
    problems.push(
      error(
        'graph.livelock',
        nodePath(cycle[0]!),
        `${cycle.join(' → ')} → ${cycle[0]} loops without waiting for anything (a task, a score, a timer); put a wait, task or screen in the loop`,
      ),
    );
  }
  return problems;
}

function eventlessCycles(
  def: PathwayDefinition,
  out: Map<string, { t: { to: string } }[]>,
): string[][] {
  const eventless = new Set(def.nodes.filter((n) => EVENTLESS.has(n.kind)).map((n) => n.id));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const { t } of out.get(id) ?? []) {
      if (!eventless.has(t.to)) continue;
      if (state.get(t.to) === 'open') cycles.push(stack.slice(stack.indexOf(t.to)));
      else if (!state.has(t.to)) visit(t.to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of eventless) if (!state.has(id)) visit(id);
  return cycles;
}
