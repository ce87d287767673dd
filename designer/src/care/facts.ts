/** The facts a clinician looks at first, and the full list flattened to dotted names. */
import { instruments, isInstrumentId, type FactInfo } from '@care-pathways/engine';

export interface InstrumentFacts {
  id: string;
  name: string;
  latest: number | null;
  baseline: number | null;
  previous: number | null;
  change: number | null;
  band: string | null;
  risk: string | null;
  count: number;
  lastAt: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Per instrument of the pathway: latest, baseline, change; in the pathway's order. */
export function instrumentFacts(
  facts: Record<string, unknown>,
  ids: readonly string[],
): InstrumentFacts[] {
  return ids.flatMap((id) => {
    const f = facts[id];
    if (!f || typeof f !== 'object') return [];
    const r = f as Record<string, unknown>;
    return [
      {
        id,
        name: isInstrumentId(id) ? instruments[id].shortTitle : id,
        latest: num(r.latest),
        baseline: num(r.baseline),
        previous: num(r.previous),
        change: num(r.change),
        band: text(r.band),
        risk: text(r.risk),
        count: num(r.count) ?? 0,
        lastAt: text(r.lastAt),
      },
    ];
  });
}

/** Facts as dotted names in a stable order: `phq9.latest`, `patient.age`, `params.reviewWeek`. */
export function flattenFacts(facts: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(facts)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v))
      out.push(...flattenFacts(v as Record<string, unknown>, name));
    else out.push([name, v]);
  }
  return out;
}

/** The catalogue's description of a fact, for a readable full view. */
export function factDescription(name: string, catalogue: readonly FactInfo[]): string | null {
  return catalogue.find((f) => f.name === name)?.description ?? null;
}
