import { instruments, type FactInfo } from '@care-pathways/engine';
import type { Def } from './doc.js';
import { factCatalogue } from '@care-pathways/engine';

/** Plain names for facts: `phq9.latest` → "PHQ-9 latest", `weeksInCare` → "weeks in care". */
const CARE: Record<string, string> = {
  weeksInCare: 'weeks in care',
  daysInCare: 'days in care',
  daysInNode: 'days at this node',
  stepLevel: 'step level',
  enrolled: 'enrolled',
  flags: 'flags',
  'patient.age': 'patient age',
  'patient.sex': 'patient sex',
  'contacts.count': 'contacts',
  'contacts.minutes': 'contact minutes',
  'contacts.daysSinceLast': 'days since last contact',
  daysSinceEngagement: 'days since engagement',
};
const SUFFIX: Record<string, string> = {
  latest: 'latest',
  previous: 'previous',
  baseline: 'baseline',
  items: 'answers',
  band: 'band',
  positive: 'positive',
  critical: 'critical item',
  change: 'change from baseline',
  count: 'count',
  lastAt: 'last completed',
  daysSinceLast: 'days since last',
  risk: 'risk level',
  response: 'response',
  partialResponse: 'partial response',
  remission: 'remission',
  remissionStreak: 'remission streak',
};

export function factLabel(name: string): string {
  if (CARE[name]) return CARE[name];
  if (name.startsWith('params.')) return name.slice(7);
  if (name.startsWith('outcomes.')) return `outcome of ${name.slice(9)}`;
  const [inst, ...rest] = name.split('.');
  const info = (instruments as Record<string, { shortTitle: string } | undefined>)[inst ?? ''];
  if (info && rest.length) {
    const tail = rest.join('.');
    if (/^items\.\d+$/.test(tail)) return `${info.shortTitle} item ${Number(tail.slice(6)) + 1}`;
    return `${info.shortTitle} ${SUFFIX[tail] ?? tail}`;
  }
  return name;
}

/** The facts a condition in this draft may read; tolerant of a half-made draft. */
export function factsOf(def: Def): FactInfo[] {
  try {
    return factCatalogue({
      instruments: def.instruments.filter((i) => i in instruments),
      parameters: def.parameters ?? {},
      nodes: def.nodes.filter((n) => n && typeof n === 'object'),
    } as Parameters<typeof factCatalogue>[0]);
  } catch {
    return [];
  }
}

/** Facts grouped for a select's optgroups. */
export function groupFacts(facts: readonly FactInfo[]): { label: string; facts: FactInfo[] }[] {
  const groups = new Map<string, FactInfo[]>();
  for (const f of facts) {
    const [head] = f.name.split('.');
    const label = f.name.startsWith('params.')
      ? 'Parameters'
      : f.name.startsWith('outcomes.')
        ? 'Task and referral outcomes'
        : head && head in instruments
          ? (instruments as Record<string, { shortTitle: string }>)[head]!.shortTitle
          : 'Care';
    groups.set(label, [...(groups.get(label) ?? []), f]);
  }
  return [...groups].map(([label, facts]) => ({ label, facts }));
}
