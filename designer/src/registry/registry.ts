/**
 * The caseload registry's data shaping: the rows the server sends, sorting by any column,
 * filtering by flag and pathway, and the cohort-outcome groups the chart draws. Pure; the React
 * page only renders what these return.
 */
import { RESPONSE_BASELINE_MIN } from '@care-pathways/engine';

/** One active instance, as `GET /api/registry` returns it (risk first). */
export interface RegistryRow {
  instanceId: string;
  patientId: string;
  patientRef: string;
  pathwayId: string;
  pathwayTitle: string;
  version: number;
  nodeId: string;
  nodeTitle: string | null;
  startedAt: string;
  enrolledAt: string | null;
  weeksInCare: number;
  measure: string | null;
  baseline: number | null;
  latest: number | null;
  changePercent: number | null;
  lastScoreAt: string | null;
  lastContactAt: string | null;
  daysSinceContact: number;
  /** Care-management minutes logged this calendar month. */
  minutesThisMonth: number;
  flags: string[];
  openTasks: number;
  overdueTasks: number;
  taskRoles: string[];
}

/** Flags a row can carry, in the order the filter offers them (risk first). */
export const REGISTRY_FLAGS = [
  'safety-risk',
  'not-improving',
  'no-contact',
  'overdue',
  'partial-response',
  'response',
  'remission',
] as const;

export type SortColumn =
  | 'risk'
  | 'patient'
  | 'pathway'
  | 'node'
  | 'weeks'
  | 'baseline'
  | 'latest'
  | 'change'
  | 'contact'
  | 'tasks';
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  column: SortColumn;
  direction: SortDirection;
}

/** The server's order (risk first) is the default. */
export const DEFAULT_SORT: Sort = { column: 'risk', direction: 'ascending' };

type Key = string | number | null;
const KEYS: Record<Exclude<SortColumn, 'risk'>, (r: RegistryRow) => Key> = {
  patient: (r) => r.patientRef,
  pathway: (r) => r.pathwayTitle,
  node: (r) => r.nodeTitle ?? r.nodeId,
  weeks: (r) => r.weeksInCare,
  baseline: (r) => r.baseline,
  latest: (r) => r.latest,
  change: (r) => r.changePercent,
  contact: (r) => r.daysSinceContact,
  tasks: (r) => r.overdueTasks * 1000 + r.openTasks,
};

const compareKeys = (a: Key, b: Key): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b), undefined, { numeric: true });

/**
 * Rows sorted by a column. Empty values (no score yet) go last in either direction; ties keep
 * the server's risk order, so "sort by weeks" still shows the riskiest of equal weeks first.
 */
export function sortRows(rows: readonly RegistryRow[], sort: Sort): RegistryRow[] {
  const indexed = rows.map((row, i) => ({ row, i }));
  if (sort.column === 'risk') {
    if (sort.direction === 'descending') indexed.reverse();
    return indexed.map((x) => x.row);
  }
  const key = KEYS[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return indexed
    .sort((a, b) => {
      const ka = key(a.row);
      const kb = key(b.row);
      if (ka === null || kb === null)
        return (ka === null ? 1 : 0) - (kb === null ? 1 : 0) || a.i - b.i;
      return sign * compareKeys(ka, kb) || a.i - b.i;
    })
    .map((x) => x.row);
}

/** The next sort when a column header is pressed: toggle on the same column, else start fresh. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current.column === column)
    return {
      column,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  // Figures read best largest first (longest without contact, most weeks); names A→Z.
  const descendingFirst: SortColumn[] = ['weeks', 'baseline', 'latest', 'contact', 'tasks'];
  return { column, direction: descendingFirst.includes(column) ? 'descending' : 'ascending' };
}

export interface RegistryFilter {
  flag: string;
  pathway: string;
}

export function filterRows(rows: readonly RegistryRow[], f: RegistryFilter): RegistryRow[] {
  return rows.filter(
    (r) => (!f.flag || r.flags.includes(f.flag)) && (!f.pathway || r.pathwayId === f.pathway),
  );
}

/** The pathways in the caseload, for the filter: id, title, how many patients. */
export function pathwayChoices(
  rows: readonly RegistryRow[],
): { id: string; title: string; count: number }[] {
  const by = new Map<string, { id: string; title: string; count: number }>();
  for (const r of rows) {
    const p = by.get(r.pathwayId) ?? { id: r.pathwayId, title: r.pathwayTitle, count: 0 };
    p.count++;
    by.set(r.pathwayId, p);
  }
  return [...by.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** How many rows carry each flag (for the filter's option labels). */
export function flagCounts(rows: readonly RegistryRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) for (const f of r.flags) out[f] = (out[f] ?? 0) + 1;
  return out;
}

// ---- Cohort outcomes -----------------------------------------------------------------------------

/**
 * Mutually exclusive outcome groups for the cohort chart, best first. The flags are the engine's
 * (clinical-reference B2: response ≥50% drop from a baseline ≥10, partial 25–50%, remission < 5;
 * B3: not improving by the review week); a baseline below 10 is not counted towards response
 * (B2: the measures start from an index score > 9), so it has a group of its own.
 */
export const OUTCOMES = [
  { id: 'remission', label: 'Remission' },
  { id: 'response', label: 'Response' },
  { id: 'partial', label: 'Partial response' },
  { id: 'in-treatment', label: 'Too early to tell' },
  { id: 'not-improving', label: 'Not improving' },
  { id: 'below-threshold', label: `Baseline below ${RESPONSE_BASELINE_MIN}` },
  { id: 'no-baseline', label: 'No baseline score' },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['id'];

/** The one outcome group of a row (remission outranks response, which outranks partial). */
export function outcomeOf(r: Pick<RegistryRow, 'flags' | 'baseline'>): Outcome {
  if (r.flags.includes('remission')) return 'remission';
  if (r.flags.includes('response')) return 'response';
  if (r.flags.includes('partial-response')) return 'partial';
  if (r.flags.includes('not-improving')) return 'not-improving';
  if (r.baseline === null) return 'no-baseline';
  if (r.baseline < RESPONSE_BASELINE_MIN) return 'below-threshold';
  return 'in-treatment';
}

export interface CohortGroup {
  pathwayId: string;
  title: string;
  total: number;
  /** Outcome → count, in OUTCOMES order (every outcome present, 0 when none). */
  counts: { outcome: Outcome; label: string; count: number; share: number }[];
}

/** The caseload per pathway, split into outcome groups with their share (0–1) of the pathway. */
export function cohortOutcomes(rows: readonly RegistryRow[]): CohortGroup[] {
  return pathwayChoices(rows).map((p) => {
    const mine = rows.filter((r) => r.pathwayId === p.id);
    return {
      pathwayId: p.id,
      title: p.title,
      total: mine.length,
      counts: OUTCOMES.map((o) => {
        const count = mine.filter((r) => outcomeOf(r) === o.id).length;
        return { outcome: o.id, label: o.label, count, share: count / mine.length };
      }),
    };
  });
}

export interface BarSegment {
  outcome: Outcome;
  label: string;
  count: number;
  x: number;
  width: number;
  /** "3 of 8 (38%)". */
  text: string;
}
export interface BarRow {
  pathwayId: string;
  title: string;
  total: number;
  y: number;
  segments: BarSegment[];
}

/** "38%": whole per cent, so the figures of a bar add up to about 100. */
export const percentText = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Geometry of the 100%-stacked bars: one bar per pathway, one segment per non-empty outcome,
 * widths proportional to the share and summing exactly to the bar's width.
 */
export function cohortBars(
  groups: readonly CohortGroup[],
  o: { left: number; width: number; top: number; barHeight: number; gap: number },
): BarRow[] {
  return groups.map((g, i) => {
    let x = o.left;
    let used = 0;
    const present = g.counts.filter((c) => c.count > 0);
    const segments = present.map((c, j) => {
      // The last segment takes what rounding left, so the bar ends exactly at its right edge.
      const w = j === present.length - 1 ? o.width - used : Math.round(c.share * o.width * 10) / 10;
      const seg = {
        outcome: c.outcome,
        label: c.label,
        count: c.count,
        x: Math.round(x * 10) / 10,
        width: Math.round(w * 10) / 10,
        text: `${c.count} of ${g.total} (${percentText(c.share)})`,
      };
      x += w;
      used += w;
      return seg;
    });
    return {
      pathwayId: g.pathwayId,
      title: g.title,
      total: g.total,
      y: o.top + i * (o.barHeight + o.gap),
      segments,
    };
  });
}

/** "49 days ago", "Within the last day", "No contact yet (30 days in care)". */
export function contactWords(r: Pick<RegistryRow, 'lastContactAt' | 'daysSinceContact'>): string {
  const d = r.daysSinceContact;
  if (r.lastContactAt === null) return `No contact yet (${d} day${d === 1 ? '' : 's'} in care)`;
  if (d === 0) return 'Within the last day';
  return `${d} day${d === 1 ? '' : 's'} ago`;
}

/** "16 → 4 (−75%)", "16", "—". */
export function scoreWords(r: Pick<RegistryRow, 'baseline' | 'latest' | 'changePercent'>): string {
  if (r.baseline === null || r.latest === null) return '—';
  const c = r.changePercent;
  const change = c === null ? '' : ` (${c > 0 ? '+' : c < 0 ? '−' : '±'}${Math.abs(c)}%)`;
  return `${r.baseline} → ${r.latest}${change}`;
}
